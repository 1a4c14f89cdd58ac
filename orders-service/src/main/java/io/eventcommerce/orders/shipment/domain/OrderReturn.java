package io.eventcommerce.orders.shipment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A delivered order that came back: why, whether its goods go back on the shelf, and what was refunded. */
@Entity
@Table(name = "order_return")
public class OrderReturn {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", length = 36)
    private UUID orderId;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(nullable = false)
    private boolean restock;

    @Column(name = "refunded_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal refundedAmount;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "returned_at", nullable = false)
    private Instant returnedAt;

    protected OrderReturn() {
    }

    public OrderReturn(UUID orderId, String reason, boolean restock, BigDecimal refundedAmount, String recordedBy,
                       Instant returnedAt) {
        this.orderId = orderId;
        this.reason = reason;
        this.restock = restock;
        this.refundedAmount = refundedAmount;
        this.recordedBy = recordedBy;
        this.returnedAt = returnedAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public String reason() {
        return reason;
    }

    public boolean restock() {
        return restock;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant returnedAt() {
        return returnedAt;
    }
}
