package io.eventcommerce.catalog.purchasing.domain;

/** An INACTIVE supplier keeps its purchase orders, but no new one can be raised or submitted to it. */
public enum SupplierStatus {
    ACTIVE,
    INACTIVE
}
