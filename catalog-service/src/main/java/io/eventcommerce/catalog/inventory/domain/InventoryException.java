package io.eventcommerce.catalog.inventory.domain;

/** A stock change that would break an inventory invariant; the REST layer answers 409. */
public class InventoryException extends RuntimeException {

    public InventoryException(String message) {
        super(message, null, false, false);
    }
}
