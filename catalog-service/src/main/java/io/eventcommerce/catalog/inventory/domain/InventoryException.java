package io.eventcommerce.catalog.inventory.domain;

import io.eventcommerce.servicekit.problem.DomainException;

/** A stock change that would break an inventory invariant; the REST layer answers 409. */
public class InventoryException extends DomainException {

    public InventoryException(String message) {
        super(Kind.CONFLICT, message);
    }
}
