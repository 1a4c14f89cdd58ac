package io.eventcommerce.servicekit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A service's copy of another service's aggregate, written only from the owner's snapshot events (event-carried
 * state transfer): the owner's version of what it holds, the event it last took, and when. A snapshot is taken only
 * if it is newer than what the replica holds: events of one aggregate arrive in order on its partition, but a
 * redelivery after a rebalance can bring an old one back. {@link Replicas#keep} applies a snapshot to the replica
 * of its aggregate, creating it on the first one.
 *
 * @param <S> the snapshot record the owner publishes
 */
@MappedSuperclass
public abstract class ReplicaEntity<S> {

    /** The owner's version of the aggregate, not a local optimistic lock. */
    @Column(nullable = false)
    private long version;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "last_event_id", nullable = false, length = 36)
    private UUID lastEventId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReplicaEntity() {
    }

    /** The owner's version of the aggregate in {@code snapshot}. */
    protected abstract long versionOf(S snapshot);

    /** Copies the snapshot's own fields; version, event and time are kept by this class. */
    protected abstract void copy(S snapshot);

    /**
     * Takes {@code snapshot} if it is newer than what this replica holds.
     *
     * @return whether it was taken
     */
    public boolean update(S snapshot, UUID eventId, Instant now) {
        if (versionOf(snapshot) <= version) {
            return false;
        }
        take(snapshot, eventId, now);
        return true;
    }

    /** Takes {@code snapshot} whatever its version: for a replica being created from it. */
    protected final void take(S snapshot, UUID eventId, Instant now) {
        copy(snapshot);
        version = versionOf(snapshot);
        lastEventId = eventId;
        updatedAt = now;
    }

    public long version() {
        return version;
    }

    public UUID lastEventId() {
        return lastEventId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
