package io.eventcommerce.catalog.onboarding.domain;

/**
 * Where an upload is; {@link #canMoveTo} is the whole state machine.
 *
 * <pre>
 * PROCESSING ──► COMPLETED  every row of the file was read and counted as valid or error
 *      └───────► FAILED     the file could not be read to its end, or processing was interrupted;
 *                           the rows committed before that stay, and are counted
 * </pre>
 */
public enum UploadStatus {
    PROCESSING, COMPLETED, FAILED;

    public boolean canMoveTo(UploadStatus target) {
        return this == PROCESSING && target != PROCESSING;
    }

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
