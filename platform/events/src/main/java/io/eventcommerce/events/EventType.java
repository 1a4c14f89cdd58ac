package io.eventcommerce.events;

import java.util.Objects;

/**
 * A published contract: the event's name, its schema version, the topic it travels on and the record that
 * carries its data. Within a version only additive changes are allowed; consumers ignore unknown fields.
 */
public record EventType<T extends DomainEvent>(String name, int version, String topic, Class<T> dataClass) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
        if (version < 1) {
            throw new IllegalArgumentException("schema version must be positive: " + version);
        }
    }
}
