package io.eventcommerce.servicekit.inbox;

import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * The record of events a consumer has already applied ({@code processed_event}). A handler calls
 * {@link #firstDelivery} in the same transaction as its effect, so the effect and the record commit together:
 * a redelivered event finds its record and changes nothing, and a crash before commit leaves neither.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final MeterRegistry meters;

    public Inbox(EntityManager entityManager, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.meters = meters;
    }

    /**
     * Records that {@code consumer} is applying {@code eventId}.
     *
     * @return {@code true} the first time, {@code false} if the event was applied before (skip the effect)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        // INSERT IGNORE (MySQL and MariaDB alike) turns the primary-key clash of a redelivery into "0 rows".
        // A concurrent first delivery of the same event waits on the row lock and then sees 0 rows as well.
        int inserted = entityManager.createNativeQuery("""
                        INSERT IGNORE INTO processed_event (consumer, event_id, event_type, processed_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, consumer)
                .setParameter(2, eventId.toString())
                .setParameter(3, eventType)
                .setParameter(4, Timestamp.from(Timestamps.now()))
                .executeUpdate();
        boolean first = inserted == 1;
        meters.counter("eventcommerce.events.consumed", "consumer", consumer, "type", eventType,
                "delivery", first ? "first" : "duplicate").increment();
        return first;
    }
}
