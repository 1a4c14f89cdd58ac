package io.eventcommerce.servicekit.outbox;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.servicekit.audit.ChangeActors;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;


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

    /** Ids per DELETE statement: well below any server's limit on statement parameters. */
    private static final int DELETE_CHUNK = 1000;

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final String source;
    private final ChangeActors actors;

    public Outbox(EntityManager entityManager, MeterRegistry meters,
                  @ConfigProperty(name = "quarkus.application.name") String source, ChangeActors actors) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.source = source;
        this.actors = actors;
    }

    /** Adds the event to the current transaction; there must be one (a write without it would be a dual write). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends DomainEvent> EventEnvelope<E> publish(E event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Adds events to the current transaction, in their order: one batched INSERT (a multi-row INSERT once the driver
     * rewrites it) and one DELETE for all of them, whatever their number. A bulk write publishes through this so its
     * events cost two round trips, not two per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends DomainEvent> List<EventEnvelope<E>> publishAll(List<E> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Timestamps.now();
        List<EventEnvelope<E>> envelopes = new ArrayList<>(events.size());
        for (E event : events) {
            envelopes.add(EventEnvelope.wrap(event, source, now));
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            // Plain JDBC passes no StatementInspector: the actor is put on here (ChangeActors).
            try (PreparedStatement insert = connection.prepareStatement(actors.annotate("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload)
                    VALUES (?, ?, ?, ?, ?)"""))) {
                for (EventEnvelope<E> envelope : envelopes) {
                    insert.setString(1, envelope.eventId().toString());
                    insert.setString(2, envelope.data().eventType().topic());
                    insert.setString(3, envelope.aggregateId());
                    insert.setString(4, envelope.type());
                    insert.setString(5, EventCodec.toJson(envelope));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (int from = 0; from < envelopes.size(); from += DELETE_CHUNK) {
                List<EventEnvelope<E>> chunk = envelopes.subList(from, Math.min(envelopes.size(), from + DELETE_CHUNK));
                try (PreparedStatement delete = connection.prepareStatement(actors.annotate(
                        "DELETE FROM outbox_event WHERE id IN ("
                                + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")"))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setString(i + 1, chunk.get(i).eventId().toString());
                    }
                    delete.executeUpdate();
                }
            }
        });
        for (EventEnvelope<E> envelope : envelopes) {
            meters.counter("eventcommerce.events.published", "type", envelope.type()).increment();
        }
        return envelopes;
    }
}
