package io.eventcommerce.orders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.UUID;

/** A priced line of an order; immutable once the order is placed. */
@Embeddable
public class OrderLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36)
    private UUID productId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "line_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal lineTotal;

    @Column(name = "product_version", nullable = false)
    private long productVersion;

    protected OrderLine() {
    }

    public OrderLine(int lineNo, UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
                     long productVersion) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
        this.productVersion = productVersion;
    }

    public int lineNo() {
        return lineNo;
    }

    public UUID productId() {
        return productId;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal lineTotal() {
        return lineTotal;
    }

    public long productVersion() {
        return productVersion;
    }
}
