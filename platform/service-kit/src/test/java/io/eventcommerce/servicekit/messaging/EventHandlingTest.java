package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlingTest {

    private final EventHandling handling = new EventHandling(3, Duration.ofMillis(1));

    private static ConsumerRecord<String, String> record(String value, String idHeader) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("catalog.product", 0, 42, "key", value);
        if (idHeader != null) {
            record.headers().add("id", idHeader.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static EventEnvelope<ProductCreated> event() {
        return EventEnvelope.wrap(new ProductCreated(new ProductSnapshot(UUID.randomUUID(), "SKU", "Kettle", null,
                null, UUID.randomUUID(), new BigDecimal("1.00"), null, "USD", "ACTIVE", Map.of(), 0, null)),
                "catalog-service", Instant.now());
    }

    @Test
    void aTransientFailureIsRetriedAndTheEventHandledOnce() {
        EventEnvelope<ProductCreated> event = event();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();

        handling.handle(record(EventCodec.toJson(event), event.eventId().toString()), incoming -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("lock wait timeout");
            }
            assertThat(incoming.eventId()).isEqualTo(event.eventId());
            handled.incrementAndGet();
        });

        assertThat(attempts).hasValue(3);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aPersistentFailureGivesUpAfterTheRetriesSoTheMessageIsDeadLettered() {
        EventEnvelope<ProductCreated> event = event();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> handling.handle(record(EventCodec.toJson(event), null), incoming -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database down");
        })).hasMessageContaining("database down");
        assertThat(attempts).as("first attempt and 3 retries").hasValue(4);
    }

    @Test
    void malformedInputIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> handling.handle(record("{oops", null), incoming -> attempts.incrementAndGet()))
                .isInstanceOf(MalformedEventException.class);
        EventEnvelope<ProductCreated> event = event();
        assertThatThrownBy(() -> handling.handle(record(EventCodec.toJson(event), event.eventId().toString()),
                incoming -> {
                    attempts.incrementAndGet();
                    throw new MalformedEventException("data does not match");
                })).isInstanceOf(MalformedEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anIdHeaderThatContradictsThePayloadIsMalformed() {
        assertThatThrownBy(() -> handling.handle(record(EventCodec.toJson(event()), UUID.randomUUID().toString()),
                incoming -> {
                })).isInstanceOf(MalformedEventException.class).hasMessageContaining("does not match");
    }
}
