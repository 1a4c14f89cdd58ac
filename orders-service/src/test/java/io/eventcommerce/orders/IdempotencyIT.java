package io.eventcommerce.orders;

import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.BinaryLog;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyIT {

    private static Response post(Map<String, Object> body, String key) {
        var request = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key)).post("/orders");
    }

    private static long ordersOf(String customerId) {
        return ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId);
    }

    @Test
    void theSameRequestSentTwiceWithOneKeyCreatesOneOrder() {
        String customerId = createCustomer();
        UUID product = productInReplica("8.00");
        Map<String, Object> body = deliverable(Map.of("customerId", customerId,
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 1))));
        String key = UUID.randomUUID().toString();

        Response first = post(body, key);
        first.then().statusCode(201);
        Response second = post(body, key);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ordersOf(customerId)).isEqualTo(1);
        assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .filter(r -> r.key().equals(first.path("id")) && r.value().contains("\"OrderPlaced\"")))
                .hasSize(1);

        // Without a key, the same body is a new order.
        post(body, null).then().statusCode(201);
        assertThat(ordersOf(customerId)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyStillCreateOneOrder() throws Exception {
        String customerId = createCustomer();
        UUID product = productInReplica("8.00");
        Map<String, Object> body = deliverable(Map.of("customerId", customerId,
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 3))));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(body, key));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                f.get().then().statusCode(201);
                ids.add(f.get().path("id"));
            }
            assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(ordersOf(customerId)).isEqualTo(1);
    }

    @Test
    void theKeyWithADifferentRequestIsRefused() {
        String customerId = createCustomer();
        UUID product = productInReplica("8.00");
        String key = UUID.randomUUID().toString();
        post(deliverable(Map.of("customerId", customerId, "lines", List.of(Map.of("productId", product.toString(),
                "quantity", 1)))), key).then().statusCode(201);
        post(deliverable(Map.of("customerId", customerId, "lines", List.of(Map.of("productId", product.toString(),
                "quantity", 5)))), key).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/idempotency-key-reused"));
        post(deliverable(Map.of("customerId", customerId, "lines", List.of(Map.of("productId", product.toString(),
                "quantity", 1)))), "bad key with spaces").then().statusCode(400);
        assertThat(ordersOf(customerId)).isEqualTo(1);
    }

    @Test
    void keysOlderThanTheRetentionArePurgedAndYoungerOnesKept() {
        String caller = "purge-" + UUID.randomUUID();
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        String hash = "0".repeat(64);
        BinaryLog.Position before = BinaryLog.of(ORDERS).position();
        ORDERS.update("INSERT INTO idempotency_record (caller, idem_key, request_hash, order_id, created_at) "
                + "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6) - INTERVAL 2 DAY)", caller, old, hash,
                UUID.randomUUID().toString());
        ORDERS.update("INSERT INTO idempotency_record (caller, idem_key, request_hash, order_id, created_at) "
                + "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))", caller, young, hash, UUID.randomUUID().toString());
        // orders.idempotency.retention is PT24H; the purge runs every 2 s in the test profile (first after 1 min).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() -> ORDERS.count(
                "SELECT COUNT(*) FROM idempotency_record WHERE caller = ? AND idem_key = ?", caller, old) == 0);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM idempotency_record WHERE caller = ? AND idem_key = ?", caller,
                young)).isEqualTo(1);
        // The purge is a scheduled job's change: the service is its actor, the job's method its request. (The rows
        // the test inserted as root carry no actor comment at all.)
        assertThat(BinaryLog.of(ORDERS).statementsSince(before))
                .filteredOn(statement -> statement.toLowerCase().contains("delete from idempotency_record"))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement)
                        .startsWith("/* ec-actor:service%3Aorders-service;IdempotencyRetention.purge;job */"));
    }
}
