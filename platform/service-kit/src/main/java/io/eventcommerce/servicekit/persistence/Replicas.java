package io.eventcommerce.servicekit.persistence;

import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * "Newer version wins" for every {@link ReplicaEntity}: called by a handler after its inbox has recorded the event
 * (see {@link io.eventcommerce.servicekit.messaging.EventRoutes}), in the same transaction.
 */
public final class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    /** Makes the replica of a snapshot's aggregate from its first snapshot (with {@link ReplicaEntity#take}). */
    @FunctionalInterface
    public interface Creation<S, R> {
        R create(S snapshot, UUID eventId, Instant now);
    }

    /** What {@link #keep} did with a snapshot. */
    public enum Outcome { CREATED, UPDATED, STALE }

    private Replicas() {
    }

    /**
     * Applies {@code snapshot} to {@code current}, the replica of its aggregate, if it is newer; creates the replica
     * with {@code create} and stores it with {@code persist} if there is none yet.
     */
    public static <S, R extends ReplicaEntity<S>> Outcome keep(Optional<R> current, S snapshot, UUID eventId,
                                                               Instant now, Creation<S, R> create,
                                                               Consumer<? super R> persist) {
        if (current.isEmpty()) {
            persist.accept(create.create(snapshot, eventId, now));
            return Outcome.CREATED;
        }
        R replica = current.get();
        if (replica.update(snapshot, eventId, now)) {
            return Outcome.UPDATED;
        }
        LOG.debugf("Stale snapshot (version %d) of %s ignored, the replica has version %d",
                (Object) replica.versionOf(snapshot), replica.getClass().getSimpleName(), (Object) replica.version());
        return Outcome.STALE;
    }
}
