package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.eventcommerce.systemtests.CdcLatencyBenchmark.ms;
import static io.eventcommerce.systemtests.CdcLatencyBenchmark.percentile;
import static io.eventcommerce.systemtests.CdcLatencyBenchmark.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fresh insights-service's reporting read models are: orders placed through {@code POST /orders} at a steady
 * {@code bench.rate} per second (5) for {@code bench.orders} (600), after {@code bench.warmup} (300) placed the same
 * way and settled, with the whole saga running (catalog reserves, compliance assesses, the simulator pays). Two latencies per order, each ending when insights-service's consumer
 * committed the event's effect on order_fact and daily_sales (the inbox row's {@code processed_at}, written in that
 * transaction):
 * <ul>
 *   <li>order placed: from the moment the request was sent (the order's transaction commits before the answer),
 *       through orders-service's transaction, CDC, Kafka and insights' consumer;</li>
 *   <li>order paid: from {@code paidAt}, the time orders-service's payment transaction stamped on OrderPaid.</li>
 * </ul>
 * Both clocks are this machine's. Run: {@code ./mvnw -Pbench verify -pl platform/system-tests -am
 * -Dsurefire.skip=true -Dit.test=ReadModelFreshnessBenchmark}. Reports to target/benchmarks/read-model-freshness.txt;
 * it asserts only that every order reached the read model (a paid one as paid).
 */
class ReadModelFreshnessBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 600);
    private static final int RATE = Integer.getInteger("bench.rate", 5);
    private static final int CUSTOMERS = 20;
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

    @Test
    void commitToReadModel() throws Exception {
        List<String> products = List.of(Platform.stockedProduct(1_000_000), Platform.stockedProduct(1_000_000));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(Platform.createCustomer("fresh-" + UUID.randomUUID() + "@example.com"));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        URI ordersUri = URI.create(Platform.services().get(PlatformService.ORDERS).uri() + "/orders");
        Database insights = Database.of("insights");
        Database orders = Database.of("orders");
        // Warm-up: the services' JIT. Without it the first orders' saga answers come after the 12 s timeout.
        Set<String> warm = place(http, ordersUri, customers, products, WARM_UP).keySet();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> warm.stream()
                .filter(id -> settledAlike(orders, insights, id)).count() == warm.size());
        long start = System.nanoTime();
        Map<String, Instant> sentAt = place(http, ordersUri, customers, products, ORDERS);
        double seconds = (System.nanoTime() - start) / 1e9;

        Set<String> ids = sentAt.keySet();
        // Every order reaches the read model; the saga settles each (paid, or cancelled when an answer came after
        // the test platform's 12 s saga timeout), and each paid one reaches the read model as paid.
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> ids.stream()
                .filter(id -> settledAlike(orders, insights, id)).count() == ids.size());
        Map<String, Long> outcomes = ids.stream().collect(java.util.stream.Collectors.groupingBy(
                Platform::orderOutcome, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        long paidOrders = ids.stream().filter(id -> insights.count("SELECT COUNT(*) FROM order_fact WHERE "
                + "order_id = ? AND paid_at IS NOT NULL", id) == 1).count();

        List<Long> placed = new ArrayList<>();
        List<Long> paid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(Topics.ORDERS_ORDER)) {
            if (!ids.contains(record.key())) {
                continue;
            }
            String type = TopicProbe.header(record, "eventType");
            if (!"OrderPlaced".equals(type) && !"OrderPaid".equals(type)) {
                continue;
            }
            List<Map<String, Object>> rows = insights.query("SELECT processed_at FROM processed_event "
                    + "WHERE event_id = ?", TopicProbe.header(record, "id"));
            assertThat(rows).as("insights applied %s of %s", type, record.key()).hasSize(1);
            Instant applied = ((LocalDateTime) rows.get(0).get("processed_at")).toInstant(ZoneOffset.UTC);
            if ("OrderPlaced".equals(type)) {
                placed.add(Duration.between(sentAt.get(record.key()), applied).toNanos());
            } else {
                Instant paidAt = EventCodec.data(EventCodec.parse(record.value()), OrderPaid.TYPE).paidAt();
                paid.add(Duration.between(paidAt, applied).toNanos());
            }
        }
        assertThat(placed).hasSize(ids.size());
        assertThat(paid).hasSize((int) paidOrders);
        Collections.sort(placed);
        Collections.sort(paid);
        String report = String.format("%d orders at %.1f/s through the saga (%d paid; outcomes %s); "
                        + "insights-service's read model updated:%n"
                        + "  OrderPlaced, request sent -> applied: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  OrderPaid, payment committed (paidAt) -> applied: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", ids.size(), ids.size() / seconds, paidOrders, outcomes,
                ms(percentile(placed, 50)), ms(percentile(placed, 90)), ms(percentile(placed, 99)),
                ms(placed.get(placed.size() - 1)), ms(percentile(paid, 50)), ms(percentile(paid, 90)),
                ms(percentile(paid, 99)), ms(paid.get(paid.size() - 1)));
        System.out.print(report);
        write("read-model-freshness.txt", report);
    }

    /** Places {@code count} orders at {@code RATE} per second; returns when each request was sent, by order id. */
    private static Map<String, Instant> place(HttpClient http, URI ordersUri, List<String> customers,
                                              List<String> products, int count) throws Exception {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        long pace = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            LockSupport.parkNanos(Math.max(0, start + n * pace - System.nanoTime()));
            int i = n;
            calls.add(pool.submit(() -> {
                String body = """
                        {"customerId":"%s","paymentToken":"tok_approve","channel":"WEB",
                         "shippingAddress":{"name":"Ada Lovelace","line1":"12 St James's Square","city":"London",
                           "postalCode":"SW1Y 4JH","country":"GB"},
                         "lines":[{"productId":"%s","quantity":1}]}"""
                        .formatted(customers.get(i % customers.size()), products.get(i % products.size()));
                Instant sent = Instant.now();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ordersUri)
                        .header("Authorization", "Bearer " + Platform.SUPPORT)
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                String id = response.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                sentAt.put(id, sent);
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        return sentAt;
    }

    /** The saga has settled the order (no longer PENDING or CONFIRMED) and insights' fact has the same status. */
    private static boolean settledAlike(Database orders, Database insights, String id) {
        List<Map<String, Object>> source = orders.query("SELECT status FROM customer_order WHERE id = ?", id);
        List<Map<String, Object>> fact = insights.query("SELECT status FROM order_fact WHERE order_id = ?", id);
        if (source.isEmpty() || fact.isEmpty()) {
            return false;
        }
        Object status = source.get(0).get("status");
        return !"PENDING".equals(status) && !"CONFIRMED".equals(status) && status.equals(fact.get(0).get("status"));
    }
}
