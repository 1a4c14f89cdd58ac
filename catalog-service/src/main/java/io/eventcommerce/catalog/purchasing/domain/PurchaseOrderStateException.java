package io.eventcommerce.catalog.purchasing.domain;

/** A move or a change a purchase order's state does not allow; answered 409 with nothing changed. */
public class PurchaseOrderStateException extends RuntimeException {

    public PurchaseOrderStateException(PurchaseOrderStatus from, PurchaseOrderStatus to) {
        super("A purchase order that is " + from + " cannot become " + to, null, false, false);
    }

    /** @param action what was refused, e.g. "have its lines changed" */
    public PurchaseOrderStateException(PurchaseOrderStatus status, String action) {
        super("A purchase order that is " + status + " cannot " + action, null, false, false);
    }
}
