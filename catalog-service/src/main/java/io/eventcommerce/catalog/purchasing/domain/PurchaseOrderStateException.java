package io.eventcommerce.catalog.purchasing.domain;

import io.eventcommerce.servicekit.problem.DomainException;

/** A move or a change a purchase order's state does not allow; answered 409 with nothing changed. */
public class PurchaseOrderStateException extends DomainException {

    public PurchaseOrderStateException(PurchaseOrderStatus from, PurchaseOrderStatus to) {
        super(Kind.CONFLICT, "A purchase order that is " + from + " cannot become " + to);
    }

    /** @param action what was refused, e.g. "have its lines changed" */
    public PurchaseOrderStateException(PurchaseOrderStatus status, String action) {
        super(Kind.CONFLICT, "A purchase order that is " + status + " cannot " + action);
    }
}
