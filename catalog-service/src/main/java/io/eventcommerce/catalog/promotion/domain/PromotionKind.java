package io.eventcommerce.catalog.promotion.domain;

/** How a promotion's value is read: a percentage of the subtotal, or an amount off it. */
public enum PromotionKind {
    PERCENT,
    FIXED
}
