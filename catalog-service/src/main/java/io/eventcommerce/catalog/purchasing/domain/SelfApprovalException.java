package io.eventcommerce.catalog.purchasing.domain;

import io.eventcommerce.servicekit.problem.DomainException;

/** The approver of a purchase order wrote or submitted it; a matter of authority, answered 403. */
public class SelfApprovalException extends DomainException {

    public SelfApprovalException() {
        super(Kind.NOT_ALLOWED, "A purchase order must be approved by someone other than who wrote or submitted it");
    }
}
