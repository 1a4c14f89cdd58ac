package io.eventcommerce.catalog.purchasing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * What is ordered of one product, and what has arrived of it so far. Immutable: a receipt replaces the line with
 * {@link #plus}, so the order's collection always sees the change.
 */
@Embeddable
public class PurchaseOrderLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36)
    private UUID productId;

    @Column(name = "quantity_ordered", nullable = false)
    private int quantityOrdered;

    @Column(name = "unit_cost", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "quantity_received", nullable = false)
    private int quantityReceived;

    @Column(name = "cost_received", nullable = false, precision = 14, scale = 2)
    private BigDecimal costReceived;

    protected PurchaseOrderLine() {
    }

    public PurchaseOrderLine(int lineNo, UUID productId, int quantityOrdered, BigDecimal unitCost) {
        this(lineNo, productId, quantityOrdered, unitCost, 0, BigDecimal.ZERO);
    }

    private PurchaseOrderLine(int lineNo, UUID productId, int quantityOrdered, BigDecimal unitCost,
                              int quantityReceived, BigDecimal costReceived) {
        if (lineNo < 1 || quantityOrdered <= 0 || unitCost.signum() < 0) {
            throw new IllegalArgumentException("need lineNo >= 1, quantityOrdered > 0, unitCost >= 0");
        }
        this.lineNo = lineNo;
        this.productId = productId;
        this.quantityOrdered = quantityOrdered;
        this.unitCost = money(unitCost);
        this.quantityReceived = quantityReceived;
        this.costReceived = money(costReceived);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** This line after {@code quantity} more units arrived at {@code actualUnitCost} each. */
    public PurchaseOrderLine plus(int quantity, BigDecimal actualUnitCost) {
        if (quantity <= 0 || actualUnitCost.signum() < 0) {
            throw new IllegalArgumentException("need quantity > 0 and a unit cost >= 0");
        }
        return new PurchaseOrderLine(lineNo, productId, quantityOrdered, unitCost,
                Math.addExact(quantityReceived, quantity),
                costReceived.add(money(actualUnitCost).multiply(BigDecimal.valueOf(quantity))));
    }

    public BigDecimal orderedTotal() {
        return unitCost.multiply(BigDecimal.valueOf(quantityOrdered));
    }

    /** Received minus ordered: negative while (or if) short, positive if the supplier sent more. */
    public int quantityVariance() {
        return quantityReceived - quantityOrdered;
    }

    /**
     * What the received units cost minus what they would have cost at the ordered unit cost: positive if the
     * supplier charged more. Zero unless a receipt stated another unit cost.
     */
    public BigDecimal costVariance() {
        return costReceived.subtract(unitCost.multiply(BigDecimal.valueOf(quantityReceived)));
    }

    public boolean complete() {
        return quantityReceived >= quantityOrdered;
    }

    public int lineNo() {
        return lineNo;
    }

    public UUID productId() {
        return productId;
    }

    public int quantityOrdered() {
        return quantityOrdered;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public int quantityReceived() {
        return quantityReceived;
    }

    public BigDecimal costReceived() {
        return costReceived;
    }
}
