package io.eventcommerce.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.orders.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");

    private static ProductCreated productCreated() {
        return new ProductCreated(new ProductSnapshot(UUID.randomUUID(), "SKU-1", "Kettle", "1.7 l", "Acme",
                UUID.randomUUID(), new BigDecimal("19.90"), new BigDecimal("7.10"), "USD", "ACTIVE",
                Map.of("colour", "red"), 1, UUID.randomUUID()));
    }

    @Test
    void envelopeRoundTripsWithMoneyAsStringsAndInstantsAsUtc() {
        ProductCreated event = productCreated();
        EventEnvelope<ProductCreated> envelope = EventEnvelope.wrap(event, "catalog-service", NOW);

        String json = EventCodec.toJson(envelope);

        assertThat(json).contains("\"price\":\"19.90\"").contains("\"occurredAt\":\"2026-11-21T10:15:30.123456Z\"")
                .contains("\"type\":\"ProductCreated\"").contains("\"schemaVersion\":1");
        EventEnvelope<JsonNode> parsed = EventCodec.parse(json);
        assertThat(parsed.eventId()).isEqualTo(envelope.eventId());
        assertThat(parsed.aggregateId()).isEqualTo(event.product().productId().toString());
        assertThat(parsed.occurredAt()).isEqualTo(NOW);
        assertThat(parsed.source()).isEqualTo("catalog-service");
        ProductCreated data = EventCodec.data(parsed, ProductCreated.TYPE);
        assertThat(data).isEqualTo(event);
        assertThat(data.product().price()).isEqualByComparingTo("19.90").hasScaleOf(2);
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddFieldsWithinAVersion() {
        String json = EventCodec.toJson(EventEnvelope.wrap(productCreated(), "catalog-service", NOW))
                .replace("\"sku\":", "\"futureField\":{\"x\":1},\"sku\":")
                .replace("\"source\":", "\"traceparent\":\"00-abc\",\"source\":");

        ProductCreated data = EventCodec.data(EventCodec.parse(json), ProductCreated.TYPE);

        assertThat(data.product().sku()).isEqualTo("SKU-1");
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> EventCodec.parse("{not json")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventCodec.parse("")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.parse("[1,2]")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void envelopeWithoutEventIdOrWithABadOneIsMalformed() {
        String json = EventCodec.toJson(EventEnvelope.wrap(productCreated(), "catalog-service", NOW));
        String noId = json.replaceFirst("\"eventId\":\"[^\"]+\",", "");
        String badId = json.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"not-a-uuid\"");

        assertThatThrownBy(() -> EventCodec.parse(noId)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> EventCodec.parse(badId)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataThatDoesNotFitItsContractIsMalformed() {
        String json = EventCodec.toJson(EventEnvelope.wrap(productCreated(), "catalog-service", NOW))
                .replace("\"price\":\"19.90\"", "\"price\":\"nineteen\"");

        assertThatThrownBy(() -> EventCodec.data(EventCodec.parse(json), ProductCreated.TYPE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ProductCreated");
    }

    @Test
    void everyContractIsRegisteredOnceByName() {
        assertThat(Events.byName("OrderPlaced")).contains(OrderPlaced.TYPE);
        assertThat(Events.byName("NoSuchEvent")).isEmpty();
        assertThat(Events.ALL).extracting(EventType::name).doesNotHaveDuplicates();
    }
}
