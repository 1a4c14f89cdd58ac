package io.eventcommerce.compliance.fraud.domain;

import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.servicekit.persistence.ReplicaEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** compliance-service's copy of a catalog product: only its category, for the high-risk-category feature. */
@Entity
@Table(name = "product_category")
public class ProductCategory extends ReplicaEntity<ProductSnapshot> {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", length = 36)
    private UUID productId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "category_id", length = 36)
    private UUID categoryId;

    protected ProductCategory() {
    }

    public static ProductCategory from(ProductSnapshot snapshot, UUID eventId, Instant now) {
        ProductCategory product = new ProductCategory();
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
        categoryId = snapshot.categoryId();
    }

    public UUID categoryId() {
        return categoryId;
    }
}
