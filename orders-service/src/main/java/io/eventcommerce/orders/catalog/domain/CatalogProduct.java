package io.eventcommerce.orders.catalog.domain;

import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.servicekit.persistence.ReplicaEntity;
import io.eventcommerce.servicekit.persistence.Replicas;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** orders-service's copy of a catalog product: what it needs to price an order. Written only from events. */
@Entity
@Table(name = "catalog_product")
public class CatalogProduct extends ReplicaEntity<ProductSnapshot> {

    public static final String ORDERABLE_STATUS = "ACTIVE";

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", length = 36)
    private UUID productId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(nullable = false, length = 20)
    private String status;

    protected CatalogProduct() {
    }

    /** The replica of the product of its first snapshot (see {@link Replicas#keep}). */
    public static CatalogProduct from(ProductSnapshot snapshot, UUID eventId, Instant now) {
        CatalogProduct product = new CatalogProduct();
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
        name = snapshot.name();
        price = snapshot.price();
        currency = snapshot.currency();
        status = snapshot.status();
    }

    public boolean orderable() {
        return ORDERABLE_STATUS.equals(status);
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

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public String status() {
        return status;
    }
}
