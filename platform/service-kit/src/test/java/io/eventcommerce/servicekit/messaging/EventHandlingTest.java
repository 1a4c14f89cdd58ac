package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.servicekit.problem.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlingTest {

    private static final String CHANNEL = "catalog-product";

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final ConsumerStalls stalls = new ConsumerStalls();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventHandling handling = new EventHandling(3, Duration.ofMillis(1), Duration.ofMillis(4),
            databaseUp::get, stalls, meters);
    private final Thread caller = Thread.currentThread();

    private static ConsumerRecord<String, String> record(String value, String idHeader) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("catalog.product", 0, 42, "key", value);
        if (idHeader != null) {
            record.headers().add("id", idHeader.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static ConsumerRecord<String, String> record() {
        EventEnvelope<ProductCreated> event = EventEnvelope.wrap(new ProductCreated(new ProductSnapshot(
                UUID.randomUUID(), "SKU", "Kettle", null, null, UUID.randomUUID(), new BigDecimal("1.00"), null,
                "USD", "ACTIVE", Map.of(), 0, null)), "catalog-service", Instant.now());
        return record(EventCodec.toJson(event), event.eventId().toString());
    }

    private static RuntimeException databaseGone() {
        return new JDBCConnectionException("could not execute statement",
                new SQLNonTransientConnectionException("(conn=7) Connection reset", "08000"));
    }

    private double retries(String kind) {
        return meters.counter("eventcommerce.consumer.retries", "channel", CHANNEL, "class", kind).count();
    }

    @Test
    void aTransientFailureIsRetriedOnTheCallingThreadUntilItPassesAndTheEventIsHandledOnce() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        ConsumerStallCheck readiness = new ConsumerStallCheck(stalls, Duration.ZERO);

        handling.handle(CHANNEL, record(), incoming -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            if (attempts.incrementAndGet() == 30) {
                assertThat(stalls.current()).singleElement().satisfies(stall -> {
                    assertThat(stall.channel()).isEqualTo(CHANNEL);
                    assertThat(stall.offset()).isEqualTo(42);
                    assertThat(stall.attempts()).isEqualTo(29);
                    assertThat(stall.lastError()).contains("Connection reset");
                });
                assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            }
            if (attempts.get() < 50) {
                throw databaseGone();
            }
            handled.incrementAndGet();
        });

        assertThat(attempts).as("far beyond max-retries").hasValue(50);
        assertThat(handled).hasValue(1);
        assertThat(retries("transient")).isEqualTo(49);
        assertThat(stalls.current()).as("the stall is over").isEmpty();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aFailureDuringShutdownHoldsTheRecordNeitherAcknowledgedNorDeadLettered() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        CountDownLatch failed = new CountDownLatch(1);
        handling.stopping();
        Thread worker = new Thread(() -> {
            try {
                handling.handle(CHANNEL, record(), incoming -> {
                    attempts.incrementAndGet();
                    failed.countDown();
                    throw new IllegalStateException("EntityManagerFactory is closed");
                });
            } finally {
                ended.set(true);
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertThat(failed.await(60, TimeUnit.SECONDS)).isTrue();
        worker.interrupt(); // as the executor's shutdown does
        worker.join(2_000);

        assertThat(worker.isAlive()).as("the worker still holds the record").isTrue();
        assertThat(ended).isFalse();
        assertThat(attempts).hasValue(1);
        assertThat(meters.find("eventcommerce.consumer.dead-lettered").counters()).isEmpty();
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> handling.handle(CHANNEL, record(), incoming -> {
            attempts.incrementAndGet();
            throw ApiException.conflict("order already shipped");
        })).isInstanceOf(ApiException.class).hasMessageContaining("already shipped");
        assertThatThrownBy(() -> handling.handle(CHANNEL, record(), incoming -> {
            attempts.incrementAndGet();
            throw new UnprocessableEventException("price has no currency");
        })).isInstanceOf(UnprocessableEventException.class);

        assertThat(attempts).hasValue(2);
        assertThat(meters.counter("eventcommerce.consumer.dead-lettered", "channel", CHANNEL, "class", "permanent")
                .count()).isEqualTo(2);
    }

    @Test
    void anUnknownFailureWhileTheDatabaseAnswersGivesUpAfterTheRetries() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> handling.handle(CHANNEL, record(), incoming -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).hasMessageContaining("a bug");

        assertThat(attempts).as("first attempt and 3 retries").hasValue(4);
        assertThat(retries("unknown")).isEqualTo(3);
        assertThat(stalls.current()).isEmpty();
    }

    @Test
    void anUnknownFailureWhileTheDatabaseIsDownIsTransient() {
        AtomicInteger attempts = new AtomicInteger();
        databaseUp.set(false);

        handling.handle(CHANNEL, record(), incoming -> {
            if (attempts.incrementAndGet() == 20) {
                databaseUp.set(true);
            }
            if (attempts.get() < 20) {
                throw new IllegalStateException("ARJUNA016053: Could not commit transaction.");
            }
        });

        assertThat(attempts).hasValue(20);
        assertThat(retries("transient")).isEqualTo(19);
    }

    @Test
    void malformedInputIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> handling.handle(CHANNEL, record("{oops", null), incoming -> attempts.incrementAndGet()))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> handling.handle(CHANNEL, record(), incoming -> {
            attempts.incrementAndGet();
            throw new MalformedEventException("data does not match");
        })).isInstanceOf(MalformedEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anIdHeaderThatContradictsThePayloadIsMalformed() {
        assertThatThrownBy(() -> handling.handle(CHANNEL, record(EventCodec.toJson(EventEnvelope.wrap(
                new ProductCreated(new ProductSnapshot(UUID.randomUUID(), "SKU", "Kettle", null, null,
                        UUID.randomUUID(), new BigDecimal("1.00"), null, "USD", "ACTIVE", Map.of(), 0, null)),
                "catalog-service", Instant.now())), UUID.randomUUID().toString()), incoming -> {
        })).isInstanceOf(MalformedEventException.class).hasMessageContaining("does not match");
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        EventHandling slow = new EventHandling(3, Duration.ofMillis(200), Duration.ofSeconds(30), () -> true,
                stalls, meters);
        assertThat(slow.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(slow.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(slow.backoff(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(slow.backoff(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(slow.backoff(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
