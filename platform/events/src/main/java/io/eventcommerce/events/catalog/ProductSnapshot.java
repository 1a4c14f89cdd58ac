package io.eventcommerce.events.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The full state of a product after a change (event-carried state transfer): consumers keep replicas from it
 * without calling catalog-service.
 *
 * @param version increases by one with every change; replicas ignore a snapshot older than the one they hold
 * @param status  {@code DRAFT}, {@code ACTIVE} or {@code DISCONTINUED}; only active products can be ordered
 * @param vendorId the vendor that sells the product; null for the platform's own products
 */
public record ProductSnapshot(UUID productId, String sku, String name, String description, String brand,
                              UUID categoryId, BigDecimal price, BigDecimal cost, String currency, String status,
                              Map<String, String> attributes, long version,
                              UUID vendorId) {
}
