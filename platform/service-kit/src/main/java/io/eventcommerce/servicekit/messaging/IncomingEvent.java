package io.eventcommerce.servicekit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An event as a consumer receives it: the parsed envelope plus where it came from. Parsing checks what every
 * consumer relies on, so a handler never sees a message without an event id.
 */
public record IncomingEvent(String topic, int partition, long offset, String key, EventEnvelope<JsonNode> envelope) {

    /** Header the outbox EventRouter puts the event id in. */
    public static final String ID_HEADER = "id";

    /**
     * @throws MalformedEventException if the record is not a well-formed event; retrying cannot help
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        EventEnvelope<JsonNode> envelope = EventCodec.parse(record.value());
        Header idHeader = record.headers().lastHeader(ID_HEADER);
        if (idHeader != null && idHeader.value() != null) {
            String headerId = new String(idHeader.value(), StandardCharsets.UTF_8);
            if (!headerId.equals(envelope.eventId().toString())) {
                throw new MalformedEventException("header id " + headerId + " does not match payload eventId "
                        + envelope.eventId());
            }
        }
        return new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(), envelope);
    }

    public UUID eventId() {
        return envelope.eventId();
    }

    public String type() {
        return envelope.type();
    }

    public boolean is(EventType<?> type) {
        return type.name().equals(envelope.type());
    }

    /** The data bound to {@code type}'s record. */
    public <T extends DomainEvent> T data(EventType<T> type) {
        if (!is(type)) {
            throw new IllegalArgumentException("event " + eventId() + " is a " + type() + ", not a " + type.name());
        }
        return EventCodec.data(envelope, type);
    }

    @Override
    public String toString() {
        return type() + " " + eventId() + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
