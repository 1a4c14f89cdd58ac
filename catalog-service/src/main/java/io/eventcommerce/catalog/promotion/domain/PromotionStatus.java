package io.eventcommerce.catalog.promotion.domain;

/** A DISABLED promotion is kept (orders refer to its code) but no new order can use it. */
public enum PromotionStatus {
    ACTIVE,
    DISABLED
}
