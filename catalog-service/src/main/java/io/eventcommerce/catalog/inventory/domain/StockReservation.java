package io.eventcommerce.catalog.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Units of one order line held in one warehouse. */
@Entity
@Table(name = "stock_reservation")
public class StockReservation {

    /** RESERVED → RELEASED (order cancelled) or SHIPPED; SHIPPED → RETURNED (order came back and was restocked). */
    public enum Status { RESERVED, RELEASED, SHIPPED, RETURNED }

    @Embeddable
    public static class Key implements Serializable {

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(name = "order_id", nullable = false, length = 36)
        private UUID orderId;

        @Column(name = "line_no", nullable = false)
        private int lineNo;

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(name = "warehouse_id", nullable = false, length = 36)
        private UUID warehouseId;

        protected Key() {
        }

        public Key(UUID orderId, int lineNo, UUID warehouseId) {
            this.orderId = orderId;
            this.lineNo = lineNo;
            this.warehouseId = warehouseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && orderId.equals(k.orderId) && lineNo == k.lineNo
                    && warehouseId.equals(k.warehouseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, lineNo, warehouseId);
        }
    }

    @EmbeddedId
    private Key id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36, updatable = false)
    private UUID productId;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockReservation() {
    }

    public StockReservation(UUID orderId, int lineNo, StockKey stock, int quantity, Instant now) {
        this.id = new Key(orderId, lineNo, stock.warehouseId());
        this.productId = stock.productId();
        this.quantity = quantity;
        this.status = Status.RESERVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void close(Status outcome, Instant now) {
        boolean legal = status == Status.RESERVED ? outcome == Status.RELEASED || outcome == Status.SHIPPED
                : status == Status.SHIPPED && outcome == Status.RETURNED;
        if (!legal) {
            throw new InventoryException("reservation of order " + id.orderId + " is " + status + ", cannot become "
                    + outcome);
        }
        status = outcome;
        updatedAt = now;
    }

    public UUID orderId() {
        return id.orderId;
    }

    public int lineNo() {
        return id.lineNo;
    }

    public StockKey stock() {
        return new StockKey(id.warehouseId, productId);
    }

    public int quantity() {
        return quantity;
    }

    public Status status() {
        return status;
    }
}
