package io.eventcommerce.catalog.onboarding.domain;

import io.eventcommerce.servicekit.problem.DomainException;

/** A move {@link UploadStatus} does not allow, such as completing an upload that already failed. */
public class IllegalUploadTransitionException extends DomainException {

    public IllegalUploadTransitionException(UploadStatus from, UploadStatus to) {
        super(Kind.CONFLICT, "An upload that is " + from + " cannot become " + to);
    }
}
