package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.EmbeddedStack;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestStack;
import io.eventcommerce.testkit.TopicProbe;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.eventcommerce.systemtests.Platform.ADDRESS;
import static io.eventcommerce.systemtests.Platform.SUPPORT;
import static io.eventcommerce.systemtests.Platform.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MariaDB crashes (SIGKILL) while clients place orders and comes back on the same port a few seconds later. Clients
 * retry a failed request with the same Idempotency-Key, as a well-behaved client would. Afterwards no event of the
 * test is dead-lettered, every order is placed once per key and ends PAID or CANCELLED, and the stock adds up: the
 * consumers waited the outage out instead of giving events up, and Debezium found its way back to the binlog.
 */
class DatabaseOutageIT {

    private static final Database ORDERS_DB = Database.of("orders");
    private static final Database CATALOG_DB = Database.of("catalog");
    private static final int PRODUCTS = 3;
    private static final int CLIENTS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    /** One order as the client saw it: the key it sent and what it asked for. */
    private record Placed(String key, String orderId, String productId, int quantity, Instant at) {
    }

    @Test
    void aDatabaseCrashUnderLoadLosesNoEventDoublesNoOrderAndLeavesTheStockConsistent() {
        PlatformStack stack = Platform.stack();
        // A restarted container comes back on another port (ContainersStack.killDatabase says so): embedded only.
        assumeTrue(stack instanceof EmbeddedStack, "the database outage drill needs the embedded stack");
        List<String> products = IntStream.range(0, PRODUCTS).mapToObj(i -> Platform.stockedProduct(200)).toList();
        String customerId = Platform.createCustomer("db-outage-" + UUID.randomUUID() + "@example.com");
        Map<TopicPartition, Long> deadLettersBefore = deadLetterEndOffsets();

        Map<String, Placed> placed = new ConcurrentHashMap<>();
        AtomicInteger failedAttempts = new AtomicInteger();
        AtomicBoolean placing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                while (placing.get()) {
                    String productId = products.get(ThreadLocalRandom.current().nextInt(PRODUCTS));
                    int quantity = 1 + ThreadLocalRandom.current().nextInt(2);
                    String key = "outage-" + UUID.randomUUID();
                    String orderId = placeRetrying(customerId, productId, quantity, key, failedAttempts);
                    placed.put(key, new Placed(key, orderId, productId, quantity, Instant.now()));
                }
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> placed.size() >= 10);

        stack.killDatabase();
        Instant killedAt = Instant.now();
        // Down for the outage's length, and the clients must have noticed.
        await().pollDelay(OUTAGE).atMost(OUTAGE.plusMinutes(1)).until(() -> failedAttempts.get() > 0);
        stack.startDatabase();
        Instant restartedAt = Instant.now();
        int placedBeforeRestart = placed.size();
        // The load goes on until the platform has recovered: an order placed after the restart is paid, which needs
        // both services' consumers and Debezium's binlog reader back.
        await().atMost(Duration.ofMinutes(3)).until(() -> placed.size() >= placedBeforeRestart + 10
                && placed.values().stream().anyMatch(p -> p.at().isAfter(restartedAt)
                && "PAID".equals(status(p.orderId()))));
        Instant recoveredAt = Instant.now();
        placing.set(false);
        clients.forEach(CompletableFuture::join);

        // Each key placed exactly one order, and the customer has no other.
        Set<String> orderIds = placed.values().stream().map(Placed::orderId).collect(Collectors.toSet());
        assertThat(orderIds).as("one order per Idempotency-Key").hasSize(placed.size());
        assertThat(ORDERS_DB.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId))
                .isEqualTo(placed.size());

        // Every order ends; none is left waiting for an event that was given up.
        await().atMost(Duration.ofMinutes(4)).untilAsserted(() -> assertThat(statuses(customerId).values())
                .allMatch(status -> status.equals("PAID") || status.equals("CANCELLED")));
        Map<String, String> statuses = statuses(customerId);

        // Debezium streams again: each order's OrderPlaced is on the topic, once per order.
        Map<String, Set<String>> placedEvents = TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .filter(r -> orderIds.contains(r.key()) && "OrderPlaced".equals(TopicProbe.header(r, "eventType")))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> TopicProbe.header(r, "id"), Collectors.toSet())));
        assertThat(placedEvents).hasSize(orderIds.size()).allSatisfy((order, ids) -> assertThat(ids).hasSize(1));

        // Nothing of this test reached a dead-letter topic.
        Set<String> ours = new HashSet<>(orderIds);
        ours.addAll(products);
        List<ConsumerRecord<String, String>> deadLetters = deadLettersSince(deadLettersBefore);
        assertThat(deadLetters).filteredOn(r -> ours.contains(r.key()))
                .as("dead-lettered: %s", deadLetters.stream().map(r -> r.topic() + " " + r.key() + ": "
                        + TopicProbe.header(r, "dead-letter-reason")).toList())
                .isEmpty();

        // Stock adds up: the ledger explains on-hand, and only paid (not yet shipped) orders hold units.
        for (String productId : products) {
            int paidUnits = placed.values().stream()
                    .filter(p -> p.productId().equals(productId) && "PAID".equals(statuses.get(p.orderId())))
                    .mapToInt(Placed::quantity).sum();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Map<String, Object> stock = stock(productId);
                assertThat(((Number) stock.get("on_hand")).intValue()).as("on hand of %s", productId)
                        .isEqualTo(((Number) stock.get("ledger")).intValue());
                assertThat(((Number) stock.get("reserved")).intValue()).as("reserved of %s", productId)
                        .isEqualTo(paidUnits);
            });
        }
        System.out.printf("Database outage: %d orders (%d before the restart), %d failed attempts retried, "
                        + "%d paid, %d cancelled, %d s from kill to restart, %d s from restart to a paid new order%n",
                placed.size(), placedBeforeRestart,
                failedAttempts.get(), statuses.values().stream().filter("PAID"::equals).count(),
                statuses.values().stream().filter("CANCELLED"::equals).count(),
                Duration.between(killedAt, restartedAt).toSeconds(),
                Duration.between(restartedAt, recoveredAt).toSeconds());
    }

    /** Places an order, sending the same request with the same key again after a 5xx or a broken connection. */
    private static String placeRetrying(String customerId, String productId, int quantity, String key,
                                        AtomicInteger failedAttempts) {
        Map<String, Object> body = Map.of("customerId", customerId, "shippingAddress", ADDRESS,
                "paymentToken", "tok_approve", "lines", List.of(Map.of("productId", productId, "quantity", quantity)));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                Response response = orders(SUPPORT).header("Idempotency-Key", key).body(body).post("/orders");
                if (response.statusCode() == 201) {
                    return response.path("id");
                }
                assertThat(response.statusCode()).as("placing %s: %s", key, response.asString()).isGreaterThanOrEqualTo(500);
            } catch (RuntimeException connectionFailure) {
                // Connection refused or reset: the request may or may not have been applied; the key tells.
            }
            failedAttempts.incrementAndGet();
            assertThat(System.nanoTime()).as("order %s placed within 3 minutes", key).isLessThan(deadline);
            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        }
    }

    private static String status(String orderId) {
        return (String) ORDERS_DB.query("SELECT status FROM customer_order WHERE id = ?", orderId).get(0).get("status");
    }

    private static Map<String, String> statuses(String customerId) {
        Map<String, String> statuses = new HashMap<>();
        ORDERS_DB.query("SELECT id, status FROM customer_order WHERE customer_id = ?", customerId)
                .forEach(row -> statuses.put(String.valueOf(row.get("id")), (String) row.get("status")));
        return statuses;
    }

    private static Map<String, Object> stock(String productId) {
        return CATALOG_DB.query("""
                SELECT SUM(on_hand) AS on_hand, SUM(reserved) AS reserved,
                       (SELECT COALESCE(SUM(quantity), 0) FROM inventory_movement m WHERE m.product_id = ?) AS ledger
                FROM stock_level WHERE product_id = ?""", productId, productId).get(0);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().kafkaBootstrapServers()));
    }

    /** End offsets of every dead-letter topic on the broker now. */
    private static Map<TopicPartition, Long> deadLetterEndOffsets() {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq"))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the dead-letter topics", e);
        }
    }

    /** Records of every dead-letter topic (also ones created since) past the offsets seen before. */
    private static List<ConsumerRecord<String, String>> deadLettersSince(Map<TopicPartition, Long> before) {
        Set<String> topics = deadLetterEndOffsets().keySet().stream().map(TopicPartition::topic)
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String topic : topics) {
            TopicProbe.readAll(topic).stream()
                    .filter(r -> r.offset() >= before.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L))
                    .forEach(records::add);
        }
        return records;
    }
}
