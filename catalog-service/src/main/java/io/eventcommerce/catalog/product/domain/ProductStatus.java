package io.eventcommerce.catalog.product.domain;

/** Only {@code ACTIVE} products can be ordered. */
public enum ProductStatus {
    DRAFT, ACTIVE, DISCONTINUED
}
