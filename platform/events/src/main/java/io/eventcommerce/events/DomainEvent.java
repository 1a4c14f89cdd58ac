package io.eventcommerce.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The data of one event: a record that knows its contract and the aggregate it belongs to. Serialised as the
 * {@code data} of an {@link EventEnvelope}.
 */
public interface DomainEvent {

    /** The contract (name, version, topic) this event is published under. */
    @JsonIgnore
    EventType<?> eventType();

    /** Id of the aggregate the event is about; the Kafka message key, so one aggregate stays on one partition. */
    @JsonIgnore
    String aggregateId();
}
