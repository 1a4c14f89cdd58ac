package io.eventcommerce.servicekit.outbox;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;


/**
 * Publishes domain events through the transactional outbox: the event becomes a row of {@code outbox_event}
 * in the caller's transaction, so it exists if and only if the domain change commits. Debezium reads the row
 * from the binlog and its EventRouter sends it to the topic named by {@code aggregate_type}, keyed by
 * {@code aggregate_id}, with the event id in the {@code id} header (deploy/debezium/connectors/*-outbox.json).
 *
 * <p>The row is deleted again in the same transaction. The binlog still holds the insert, which is all Debezium
 * needs, and the table never grows: no purge job, no index bloat. Each service's Flyway migration owns the
 * table; its shape must match the connector's EventRouter settings.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final String source;

    public Outbox(EntityManager entityManager, MeterRegistry meters,
                  @ConfigProperty(name = "quarkus.application.name") String source) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.source = source;
    }

    /** Adds the event to the current transaction; there must be one (a write without it would be a dual write). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends DomainEvent> EventEnvelope<E> publish(E event) {
        EventEnvelope<E> envelope = EventEnvelope.wrap(event, source, Timestamps.now());
        String id = envelope.eventId().toString();
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, id)
                .setParameter(2, event.eventType().topic())
                .setParameter(3, envelope.aggregateId())
                .setParameter(4, envelope.type())
                .setParameter(5, EventCodec.toJson(envelope))
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM outbox_event WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        meters.counter("eventcommerce.events.published", "type", envelope.type()).increment();
        return envelope;
    }
}
