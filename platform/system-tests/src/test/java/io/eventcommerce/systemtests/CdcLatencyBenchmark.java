package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commit → consumer latency of the outbox path: a transaction inserts (and deletes) an outbox row exactly as
 * {@code Outbox.publish} does and commits; the clock stops when a plain Kafka consumer receives the record that
 * Debezium's EventRouter produced. One event every 10 ms, so what is measured is latency, not queueing.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -pl platform/system-tests -am -Dsurefire.skip=true}. Not a test: it only
 * checks that every event arrived, and reports the figures (also in target/benchmarks/cdc-latency.txt).
 */
class CdcLatencyBenchmark {

    private static final String TOPIC = "bench.cdc-latency";
    private static final int WARM_UP = 100;
    private static final int EVENTS = Integer.getInteger("bench.events", 1_000);
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    @Test
    void commitToConsumerLatency() throws Exception {
        PlatformStack stack = Platform.stack();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch received = new CountDownLatch(WARM_UP + EVENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(stack, committedAt, latencies, received, running), "bench-consumer");
        consumer.start();

        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("catalog"), "root", stack.rootPassword())) {
            db.setAutoCommit(false);
            for (int i = 0; i < WARM_UP + EVENTS; i++) {
                long started = System.nanoTime();
                publish(db, i < WARM_UP ? "warm-up" : "measured", committedAt);
                LockSupport.parkNanos(Math.max(0, PACE_NANOS - (System.nanoTime() - started)));
            }
        }
        boolean all = received.await(2, TimeUnit.MINUTES);
        running.set(false);
        consumer.join();
        assertThat(all).as("every committed event arrived").isTrue();

        List<Long> sorted = new ArrayList<>(latencies.subList(WARM_UP, latencies.size()));
        Collections.sort(sorted);
        String report = String.format("CDC commit -> consumer latency over %d events (1 every 10 ms, after %d warm-up):"
                        + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms%n",
                sorted.size(), WARM_UP, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
                ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1)),
                ms((long) sorted.stream().mapToLong(Long::longValue).average().orElse(0)));
        System.out.print(report);
        write("cdc-latency.txt", report);
    }

    /**
     * The same path between two services: a catalog REST update (request sent) until orders-service has applied
     * the resulting ProductUpdated to its replica (the processed_at of its inbox row). Includes HTTP, the service's
     * transaction, CDC and the consumer's transaction.
     */
    @Test
    void restUpdateToReplicaLatency() throws Exception {
        int updates = Integer.getInteger("bench.updates", 300);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String category = Platform.createCategory("Bench " + suffix);
        String sku = "BENCH-" + suffix;
        String product = Platform.createProduct(sku, category, "1.00");
        CatalogToOrdersIT.awaitReplicaPrice(product, "1.00");

        Map<Long, java.time.Instant> sentAtVersion = new ConcurrentHashMap<>();
        for (int version = 1; version <= updates; version++) {
            long started = System.nanoTime();
            sentAtVersion.put((long) version, java.time.Instant.now());
            Platform.catalog(Platform.CATALOG_MANAGER)
                    .body(Platform.product(sku, category, (1 + version) + ".00"))
                    .put("/products/" + product).then().statusCode(200);
            LockSupport.parkNanos(Math.max(0, 2 * PACE_NANOS - (System.nanoTime() - started)));
        }
        CatalogToOrdersIT.awaitReplicaPrice(product, (1 + updates) + ".00");

        io.eventcommerce.testkit.Database orders = io.eventcommerce.testkit.Database.of("orders");
        List<Long> latencies = new ArrayList<>();
        for (ConsumerRecord<String, String> record : io.eventcommerce.testkit.TopicProbe.readAll(
                io.eventcommerce.events.Topics.CATALOG_PRODUCT)) {
            if (!product.equals(record.key()) || !"ProductUpdated".equals(
                    io.eventcommerce.testkit.TopicProbe.header(record, "eventType"))) {
                continue;
            }
            var updated = io.eventcommerce.events.EventCodec.data(io.eventcommerce.events.EventCodec.parse(
                    record.value()), io.eventcommerce.events.catalog.ProductUpdated.TYPE);
            var rows = orders.query("SELECT processed_at FROM processed_event WHERE event_id = ?",
                    io.eventcommerce.testkit.TopicProbe.header(record, "id"));
            java.time.Instant applied = ((java.time.LocalDateTime) rows.get(0).get("processed_at"))
                    .toInstant(java.time.ZoneOffset.UTC);
            latencies.add(Duration.between(sentAtVersion.get(updated.product().version()), applied).toNanos());
        }
        assertThat(latencies).hasSize(updates);
        Collections.sort(latencies);
        String report = String.format("REST update sent -> applied in orders-service's replica over %d updates "
                        + "(1 every 20 ms): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.size(),
                ms(percentile(latencies, 50)), ms(percentile(latencies, 90)), ms(percentile(latencies, 99)),
                ms(latencies.get(latencies.size() - 1)));
        System.out.print(report);
        write("rest-to-replica-latency.txt", report);
    }

    private static void publish(Connection db, String kind, Map<String, Long> committedAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event (id, aggregate_type, "
                + "aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement delete = db.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
            insert.setString(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, kind + "-" + id.substring(0, 4));
            insert.setString(4, "BenchmarkPing");
            insert.setString(5, "{\"eventId\":\"" + id + "\",\"kind\":\"" + kind + "\"}");
            insert.executeUpdate();
            delete.setString(1, id);
            delete.executeUpdate();
            db.commit();
            committedAt.put(id, System.nanoTime());
        }
    }

    private static void consume(PlatformStack stack, Map<String, Long> committedAt, List<Long> latencies,
                                CountDownLatch received, AtomicBoolean running) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(),
                "group.id", "cdc-latency-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"))) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get() && received.getCount() > 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String id = new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8);
                    Long committed = committedAt.get(id);
                    // The commit timestamp is taken right after commit() returns; on a fast path the record can
                    // be polled a hair before that, so wait for it rather than drop the sample.
                    while (committed == null) {
                        Thread.onSpinWait();
                        committed = committedAt.get(id);
                    }
                    latencies.add(Math.max(0, now - committed));
                    received.countDown();
                }
            }
        }
    }

    static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void write(String file, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(dir.resolve(file), content);
    }
}
