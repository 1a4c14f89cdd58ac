package io.eventcommerce.catalog.vendor.domain;

/** A {@code SUSPENDED} vendor keeps its products but cannot onboard new ones. */
public enum VendorStatus {
    ACTIVE, SUSPENDED
}
