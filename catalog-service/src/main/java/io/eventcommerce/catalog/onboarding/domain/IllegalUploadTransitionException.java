package io.eventcommerce.catalog.onboarding.domain;

/** A move {@link UploadStatus} does not allow, such as completing an upload that already failed. */
public class IllegalUploadTransitionException extends RuntimeException {

    public IllegalUploadTransitionException(UploadStatus from, UploadStatus to) {
        super("An upload that is " + from + " cannot become " + to, null, false, false);
    }
}
