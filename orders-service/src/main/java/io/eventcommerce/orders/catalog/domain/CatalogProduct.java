package io.eventcommerce.orders.catalog.domain;

import io.eventcommerce.events.catalog.ProductSnapshot;
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
public class CatalogProduct {

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

    /** catalog-service's version of the product, not a local optimistic lock. */
    @Column(nullable = false)
    private long version;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "last_event_id", nullable = false, length = 36)
    private UUID lastEventId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CatalogProduct() {
    }

    public static CatalogProduct from(ProductSnapshot snapshot, UUID eventId, Instant now) {
        CatalogProduct product = new CatalogProduct();
        product.productId = snapshot.productId();
        product.copy(snapshot, eventId, now);
        return product;
    }

    /**
     * Takes the snapshot if it is newer than what this replica holds; events of one product arrive in order on
     * its partition, but a redelivery after a rebalance can bring an old one back.
     *
     * @return whether the snapshot was applied
     */
    public boolean update(ProductSnapshot snapshot, UUID eventId, Instant now) {
        if (snapshot.version() <= version) {
            return false;
        }
        copy(snapshot, eventId, now);
        return true;
    }

    private void copy(ProductSnapshot snapshot, UUID eventId, Instant now) {
        sku = snapshot.sku();
        name = snapshot.name();
        price = snapshot.price();
        currency = snapshot.currency();
        status = snapshot.status();
        version = snapshot.version();
        lastEventId = eventId;
        updatedAt = now;
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

    public long version() {
        return version;
    }
}
