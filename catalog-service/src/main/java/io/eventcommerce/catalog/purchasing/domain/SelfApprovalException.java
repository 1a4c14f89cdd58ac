package io.eventcommerce.catalog.purchasing.domain;

/** The approver of a purchase order wrote or submitted it; a matter of authority, answered 403. */
public class SelfApprovalException extends RuntimeException {

    public SelfApprovalException() {
        super("A purchase order must be approved by someone other than who wrote or submitted it", null, false,
                false);
    }
}
