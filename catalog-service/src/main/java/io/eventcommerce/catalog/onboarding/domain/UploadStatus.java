package io.eventcommerce.catalog.onboarding.domain;

import java.util.Map;
import java.util.Set;

/**
 * Where an upload is; {@link #canMoveTo} is the whole state machine.
 *
 * <pre>
 * QUEUED ──► PROCESSING ──► COMPLETED  every row of the file was read and counted as valid or error
 *   │           │  ▲   └──► FAILED     the file could not be read to its end, or processing stopped unexpectedly;
 *   │           └──┘                   the rows committed before stay, and are counted
 *   │       (a lease taken over by another instance: PROCESSING again, resumed after the rows done)
 *   └───────────┴─────────► CANCELLED  asked to stop; the batches committed before stay
 * </pre>
 */
public enum UploadStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED;

    private static final Map<UploadStatus, Set<UploadStatus>> MOVES = Map.of(
            QUEUED, Set.of(PROCESSING, CANCELLED),
            PROCESSING, Set.of(PROCESSING, COMPLETED, FAILED, CANCELLED),
            COMPLETED, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of());

    public boolean canMoveTo(UploadStatus target) {
        return MOVES.get(this).contains(target);
    }

    public boolean isFinal() {
        return MOVES.get(this).isEmpty();
    }
}
