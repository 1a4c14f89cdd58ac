package io.eventcommerce.catalog.product.domain;

import java.util.UUID;

/** Who owns a SKU or a vendor's reference: the identifying columns of a product, read without loading it. */
public record ProductOwnership(UUID id, String sku, UUID vendorId, String vendorProductId) {
}
