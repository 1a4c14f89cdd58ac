package io.eventcommerce.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The one JSON codec for event payloads, independent of any service's REST mapper.
 *
 * <p>Money ({@link BigDecimal}) travels as a JSON string ({@code "19.90"}): a JSON number would be read as a
 * binary float by many consumers (and by MySQL's JSON type), and money is never floating point here.
 * Instants are ISO-8601 UTC strings. Unknown fields are ignored so producers can add fields within a version.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build();

    private EventCodec() {
    }

    public static String toJson(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope, leaving its data as a tree so the consumer decides which contract to bind it to.
     *
     * @throws MalformedEventException if the payload is not an envelope
     */
    public static EventEnvelope<JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("payload is not a JSON object");
        }
        try {
            return new EventEnvelope<>(
                    UUID.fromString(required(root, "eventId").asText()),
                    required(root, "type").asText(),
                    required(root, "schemaVersion").asInt(),
                    MAPPER.convertValue(required(root, "occurredAt"), java.time.Instant.class),
                    root.path("source").asText(null),
                    required(root, "aggregateId").asText(),
                    required(root, "data"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid envelope: " + e.getMessage());
        }
    }

    /**
     * Binds an envelope's data to its contract record.
     *
     * @throws MalformedEventException if the data does not match the contract
     */
    public static <T extends DomainEvent> T data(EventEnvelope<JsonNode> envelope, EventType<T> type) {
        try {
            T data = MAPPER.treeToValue(envelope.data(), type.dataClass());
            if (data == null) {
                throw new MalformedEventException(type.name() + " without data");
            }
            return data;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type.name() + " data does not match its contract: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The mapper, for tools that document or test the contracts. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("envelope field '" + field + "' is missing");
        }
        return node;
    }
}
