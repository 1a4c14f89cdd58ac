package io.eventcommerce.catalog.product.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The editable fields of a product, as one value: what a create or an update sets.
 *
 * @param vendorProductId the vendor's own reference of the product, unique per vendor; only for a vendor's product
 * @param status          null in an update: keep the current status
 */
public record ProductDetails(String vendorProductId, String name, String description, String brand, UUID categoryId,
                             BigDecimal price, BigDecimal cost, String currency, ProductStatus status,
                             Map<String, String> attributes) {

    /** The same fields with another status; {@code null} status in a request means "keep the current one". */
    public ProductDetails withStatus(ProductStatus newStatus) {
        return new ProductDetails(vendorProductId, name, description, brand, categoryId, price, cost, currency,
                newStatus, attributes);
    }
}
