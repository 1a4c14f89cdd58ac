package io.eventcommerce.catalog.product.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A sellable item. The SKU identifies it across the platform and never changes; so does the vendor that sells it
 * (null for the platform's own products).
 */
@Entity
@Table(name = "product")
public class Product extends VersionedEntity {

    @Column(nullable = false, length = 64, updatable = false)
    private String sku;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "vendor_id", length = 36, updatable = false)
    private UUID vendorId;

    @Column(name = "vendor_product_id", length = 100)
    private String vendorProductId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(columnDefinition = "TEXT")
    private String description;

    @Column(length = 100)
    private String brand;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "category_id", nullable = false, length = 36)
    private UUID categoryId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(precision = 12, scale = 2)
    private BigDecimal cost;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProductStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "name", length = 64)
    @Column(name = "value", nullable = false)
    private Map<String, String> attributes = new TreeMap<>();

    protected Product() {
    }

    public Product(UUID id, String sku, UUID vendorId, ProductDetails details, Instant now) {
        super(id, now);
        this.sku = sku;
        this.vendorId = vendorId;
        apply(details, now);
    }

    /**
     * Sets every editable field.
     *
     * @return the names of the fields whose value changed (empty: nothing to save or publish)
     */
    public List<String> apply(ProductDetails details, Instant now) {
        List<String> changed = new ArrayList<>();
        vendorProductId = track(changed, "vendorProductId", vendorProductId, details.vendorProductId());
        name = track(changed, "name", name, details.name());
        description = track(changed, "description", description, details.description());
        brand = track(changed, "brand", brand, details.brand());
        categoryId = track(changed, "categoryId", categoryId, details.categoryId());
        price = trackMoney(changed, "price", price, details.price());
        cost = trackMoney(changed, "cost", cost, details.cost());
        currency = track(changed, "currency", currency, details.currency());
        status = track(changed, "status", status, details.status());
        Map<String, String> newAttributes = new TreeMap<>(details.attributes() == null ? Map.of() : details.attributes());
        if (!attributes.equals(newAttributes)) {
            attributes.clear();
            attributes.putAll(newAttributes);
            changed.add("attributes");
        }
        if (!changed.isEmpty()) {
            touch(now);
        }
        return changed;
    }

    /** The current editable fields. */
    public ProductDetails details() {
        return new ProductDetails(vendorProductId, name, description, brand, categoryId, price, cost, currency, status,
                attributes());
    }

    private static <T> T track(List<String> changed, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changed.add(field);
        }
        return next;
    }

    /** 19.9 and 19.90 are the same price: compare by value, store with the column's scale. */
    private static BigDecimal trackMoney(List<String> changed, String field, BigDecimal current, BigDecimal next) {
        BigDecimal scaled = next == null ? null : next.setScale(2, RoundingMode.UNNECESSARY);
        boolean same = current == null ? scaled == null : scaled != null && current.compareTo(scaled) == 0;
        if (!same) {
            changed.add(field);
            return scaled;
        }
        return current;
    }

    public String sku() {
        return sku;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public String vendorProductId() {
        return vendorProductId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String brand() {
        return brand;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal cost() {
        return cost;
    }

    public String currency() {
        return currency;
    }

    public ProductStatus status() {
        return status;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

}
