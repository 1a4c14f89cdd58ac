package io.eventcommerce.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The self-describing payload of every event on the wire.
 *
 * @param eventId       unique per event; also the Kafka header {@code id}; consumers deduplicate on it
 * @param type          the contract name, e.g. {@code ProductCreated}; also the Kafka header {@code eventType}
 * @param schemaVersion version of the contract the data follows
 * @param occurredAt    when the change was committed by the producer, UTC
 * @param source        the producing service, e.g. {@code catalog-service}
 * @param aggregateId   the aggregate the event is about; also the Kafka message key
 * @param data          the event's own fields
 */
public record EventEnvelope<T>(UUID eventId, String type, int schemaVersion, Instant occurredAt, String source,
                               String aggregateId, T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
    }

    /** A new envelope for an event that is happening now. */
    public static <E extends DomainEvent> EventEnvelope<E> wrap(E event, String source, Instant occurredAt) {
        EventType<?> type = event.eventType();
        return new EventEnvelope<>(UUID.randomUUID(), type.name(), type.version(), occurredAt, source,
                event.aggregateId(), event);
    }
}
