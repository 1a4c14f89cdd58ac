package io.eventcommerce.catalog.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies the stock of one product in one warehouse. */
@Embeddable
public class StockKey implements Serializable {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "warehouse_id", nullable = false, length = 36)
    private UUID warehouseId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36)
    private UUID productId;

    protected StockKey() {
    }

    public StockKey(UUID warehouseId, UUID productId) {
        this.warehouseId = Objects.requireNonNull(warehouseId);
        this.productId = Objects.requireNonNull(productId);
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public UUID productId() {
        return productId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StockKey k && warehouseId.equals(k.warehouseId) && productId.equals(k.productId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(warehouseId, productId);
    }

    @Override
    public String toString() {
        return productId + "@" + warehouseId;
    }
}
