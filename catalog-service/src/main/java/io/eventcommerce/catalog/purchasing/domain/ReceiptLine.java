package io.eventcommerce.catalog.purchasing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.UUID;

/** Goods of one product in a receipt, and the ledger row that booked them. */
@Embeddable
public class ReceiptLine {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36)
    private UUID productId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_cost", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "movement_id", nullable = false)
    private long movementId;

    protected ReceiptLine() {
    }

    public ReceiptLine(UUID productId, int quantity, BigDecimal unitCost, long movementId) {
        this.productId = productId;
        this.quantity = quantity;
        this.unitCost = unitCost;
        this.movementId = movementId;
    }

    public UUID productId() {
        return productId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public long movementId() {
        return movementId;
    }
}
