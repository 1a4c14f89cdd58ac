package io.eventcommerce.insights.catalog.domain;

import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.servicekit.persistence.ReplicaEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * insights-service's copy of a catalog product: what the reports join to sales and stock at read time (category,
 * brand, price, cost), so a sale that arrives before its product is reported with its category once it comes.
 */
@Entity
@Table(name = "product")
public class Product extends ReplicaEntity<ProductSnapshot> {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", length = 36)
    private UUID productId;

    private String sku;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "category_id", length = 36)
    private UUID categoryId;

    private String brand;

    private BigDecimal price;

    /** Absent for products whose cost catalog-service does not know: their margin is unknown. */
    private BigDecimal cost;

    protected Product() {
    }

    public static Product from(ProductSnapshot snapshot, UUID eventId, Instant now) {
        Product product = new Product();
        product.productId = snapshot.productId();
        product.take(snapshot, eventId, now);
        return product;
    }

    @Override
    protected long versionOf(ProductSnapshot snapshot) {
        return snapshot.version();
    }

    @Override
    protected void copy(ProductSnapshot snapshot) {
        sku = snapshot.sku();
        categoryId = snapshot.categoryId();
        brand = snapshot.brand();
        price = snapshot.price();
        cost = snapshot.cost();
    }
}
