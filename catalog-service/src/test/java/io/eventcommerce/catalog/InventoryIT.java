package io.eventcommerce.catalog;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.publish;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Warehouses, stock and its ledger, and the stock side of the order saga over real Kafka: the test plays
 * orders-service by publishing OrderPlaced / OrderCancelled on orders.order, as its outbox would.
 */
@QuarkusTest
class InventoryIT {

    private static final Database CATALOG = Database.of("catalog");

    private static RequestSpecification asManager() {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON);
    }

    static String warehouse(int priority) {
        return asManager().body(Map.of("code", unique("WH").toUpperCase().replace('_', '-'), "name", "Warehouse",
                        "country", "DE", "priority", priority))
                .post("/warehouses").then().statusCode(201).extract().path("id");
    }

    static String productWithStock(Map<String, Integer> onHandByWarehouse) {
        String productId = asManager().body(product(unique("SKU"), createCategory())).post("/products")
                .then().statusCode(201).extract().path("id");
        onHandByWarehouse.forEach((warehouseId, onHand) -> {
            asManager().body(Map.of("minStock", 0, "maxStock", 100, "reorderPoint", 2, "leadTimeDays", 7))
                    .put("/warehouses/" + warehouseId + "/stock/" + productId).then().statusCode(200);
            if (onHand > 0) {
                asManager().body(Map.of("type", "RECEIPT", "quantity", onHand, "note", "opening stock"))
                        .post("/warehouses/" + warehouseId + "/stock/" + productId + "/movements")
                        .then().statusCode(201);
            }
        });
        return productId;
    }

    static UUID placeOrder(String productId, int quantity) {
        UUID orderId = UUID.randomUUID();
        placeOrder(orderId, productId, quantity);
        return orderId;
    }

    /** Publishes the OrderPlaced of {@code orderId}; returns the event's id. */
    static UUID placeOrder(UUID orderId, String productId, int quantity) {
        return publish(new OrderPlaced(orderId, UUID.randomUUID(), "PENDING", "USD", List.of(new OrderLine(1,
                UUID.fromString(productId), "SKU", "Kettle", quantity, BigDecimal.TEN,
                BigDecimal.TEN.multiply(BigDecimal.valueOf(quantity)), 0)), BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.TEN, null, null, null, null, "WEB", null, Instant.now()));
    }

    static void assertLedgerSumsToOnHand(String productId) {
        assertThat(CATALOG.query("""
                SELECT s.warehouse_id, s.on_hand, s.reserved, COALESCE(SUM(m.quantity), 0) AS ledger
                FROM stock_level s LEFT JOIN inventory_movement m
                  ON m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                WHERE s.product_id = ? GROUP BY s.warehouse_id, s.on_hand, s.reserved""", productId))
                .isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(((Number) row.get("ledger")).intValue()).isEqualTo(row.get("on_hand"));
                    assertThat((Integer) row.get("reserved")).isBetween(0, (Integer) row.get("on_hand"));
                });
    }

    @Test
    void theLedgerRecordsEveryMovementAndRefusesNegativeStock() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 10));
        String base = "/warehouses/" + warehouse + "/stock/" + productId;
        asManager().body(Map.of("type", "ADJUSTMENT", "quantity", -3, "note", "broken in transit"))
                .post(base + "/movements").then().statusCode(201).body("onHandAfter", equalTo(7));
        asManager().body(Map.of("type", "ADJUSTMENT", "quantity", -8)).post(base + "/movements")
                .then().statusCode(409).contentType("application/problem+json");
        asManager().body(Map.of("type", "RECEIPT", "quantity", -1)).post(base + "/movements").then().statusCode(422);
        asManager().body(Map.of("type", "SHIPMENT", "quantity", -1)).post(base + "/movements").then().statusCode(422);
        given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON)
                .body(Map.of("type", "RECEIPT", "quantity", 5)).post(base + "/movements").then().statusCode(403);

        given().auth().oauth2(MANAGER).get(base + "/movements").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items[0].quantity", equalTo(-3))
                .body("items[0].note", equalTo("broken in transit"));
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then().statusCode(200)
                .body("onHand", equalTo(7)).body("available", equalTo(7));
        assertLedgerSumsToOnHand(productId);
        assertThat(TopicProbe.awaitKey(Topics.CATALOG_INVENTORY, productId, "StockLevelChanged").value())
                .contains("\"warehouseId\":\"" + warehouse + "\"");
    }

    @Test
    void anOrderPlacedAfterItsCancellationReservesNothingAndGetsNoAnswer() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 5));
        UUID orderId = UUID.randomUUID();
        publish(new OrderCancelled(orderId, UUID.randomUUID(), "TIMEOUT", "late", "PENDING", Instant.now()));
        await().atMost(Duration.ofMinutes(2)).until(() -> CATALOG.count(
                "SELECT COUNT(*) FROM order_outcome WHERE order_id = ? AND outcome = 'CANCELLED'",
                orderId.toString()) == 1);

        // The re-driven OrderPlaced of the cancelled order: applied (inbox), with no effect.
        UUID placed = placeOrder(orderId, productId, 2);
        await().atMost(Duration.ofMinutes(2)).until(() -> CATALOG.count(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", placed.toString()) == 1);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM stock_reservation WHERE order_id = ?", orderId.toString()))
                .isZero();
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("reserved", equalTo(0)).body("available", equalTo(5)).body("onHand", equalTo(5));
        // An order placed afterwards is answered; once its answer is on the topic (Debezium follows the binlog in
        // commit order), any answer to the ignored one would be there too: there is none.
        UUID later = placeOrder(productId, 1);
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, later.toString(), "StockReserved");
        assertThat(TopicProbe.readAll(Topics.CATALOG_RESERVATION)).noneMatch(r -> orderId.toString().equals(r.key()));
    }

    @Test
    void theReconciliationReleasesStockLeftReservedForACancelledOrder() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 4));
        UUID orderId = placeOrder(productId, 3);
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, orderId.toString(), "StockReserved");
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then().body("reserved", equalTo(3));

        // Catalog learned that the order ended, but its units stayed reserved (as when the reservation was made
        // after the cancellation had been processed).
        CATALOG.update("INSERT INTO order_outcome (order_id, outcome, occurred_at, recorded_at) "
                + "VALUES (?, 'CANCELLED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", orderId.toString());
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                        .body("reserved", equalTo(0)).body("available", equalTo(4)));
        assertThat(CATALOG.query("SELECT status FROM stock_reservation WHERE order_id = ?", orderId.toString()))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("status")).isEqualTo("RELEASED"));
        assertLedgerSumsToOnHand(productId);
    }

    @Test
    void anOrderIsReservedWholeAndReleasedWhenCancelled() {
        String north = warehouse(1);
        String south = warehouse(2);
        String productId = productWithStock(Map.of(north, 2, south, 3));

        UUID split = placeOrder(productId, 4);
        StockReserved reserved = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.CATALOG_RESERVATION,
                split.toString(), "StockReserved").value()), StockReserved.TYPE);
        assertThat(reserved.allocations()).extracting(StockReserved.Allocation::quantity)
                .containsExactlyInAnyOrder(3, 1);
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("reserved", equalTo(4)).body("available", equalTo(1)).body("onHand", equalTo(5));

        UUID tooMuch = placeOrder(productId, 2);
        StockRejected rejected = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.CATALOG_RESERVATION,
                tooMuch.toString(), "StockRejected").value()), StockRejected.TYPE);
        assertThat(rejected.shortages()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("OUT_OF_STOCK");
            assertThat(s.available()).isEqualTo(1);
        });

        publish(new OrderCancelled(split, UUID.randomUUID(), "TIMEOUT", "test", "PENDING", Instant.now()));
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/products/" + productId + "/stock").then().body("reserved", equalTo(0)));
        assertThat(CATALOG.query("SELECT DISTINCT status FROM stock_reservation WHERE order_id = ?",
                split.toString())).extracting(r -> r.get("status")).containsExactly("RELEASED");
        assertLedgerSumsToOnHand(productId);
    }

    @Test
    void aShippedOrderLeavesTheLedgerAndARestockedReturnComesBackToTheSameWarehouses() {
        String north = warehouse(1);
        String south = warehouse(2);
        String productId = productWithStock(Map.of(north, 2, south, 3));
        UUID orderId = placeOrder(productId, 4);
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, orderId.toString(), "StockReserved");

        OrderShipped shipped = new OrderShipped(orderId, UUID.randomUUID(), UUID.randomUUID(), "DHL", "JD1",
                Instant.now());
        publish(shipped);
        publish(shipped); // a redelivery: the inbox keeps it from shipping twice
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/products/" + productId + "/stock").then()
                .body("onHand", equalTo(1)).body("reserved", equalTo(0)).body("available", equalTo(1)));
        assertThat(CATALOG.count("SELECT COUNT(*) FROM inventory_movement WHERE product_id = ? AND movement_type = 'SHIPMENT' "
                + "AND reference_id = ?", productId, orderId.toString())).isEqualTo(2);
        assertThat(CATALOG.query("SELECT DISTINCT status FROM stock_reservation WHERE order_id = ?",
                orderId.toString())).extracting(r -> r.get("status")).containsExactly("SHIPPED");
        assertLedgerSumsToOnHand(productId);

        publish(new OrderCancelled(orderId, UUID.randomUUID(), "SUPPORT_REQUEST", "late", "SHIPPED", Instant.now()));
        publish(new OrderReturned(orderId, UUID.randomUUID(), "Wrong size", true, BigDecimal.TEN, "USD",
                Instant.now()));
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/warehouses/" + north + "/stock/" + productId + "/movements").then()
                .body("items[0].type", equalTo("RETURN")));
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("onHand", equalTo(5)).body("reserved", equalTo(0));
        assertThat(CATALOG.query("SELECT DISTINCT status FROM stock_reservation WHERE order_id = ?",
                orderId.toString())).extracting(r -> r.get("status")).containsExactly("RETURNED");
        assertLedgerSumsToOnHand(productId);

        UUID damaged = placeOrder(productId, 1);
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, damaged.toString(), "StockReserved");
        publish(new OrderShipped(damaged, UUID.randomUUID(), UUID.randomUUID(), "DHL", "JD2", Instant.now()));
        publish(new OrderReturned(damaged, UUID.randomUUID(), "Broken", false, BigDecimal.TEN, "USD", Instant.now()));
        // Only this test publishes OrderReturned: once the inbox holds both, the damaged return has been handled.
        await().atMost(Deadlines.ASYNC).until(() -> CATALOG.count("SELECT COUNT(*) FROM processed_event "
                + "WHERE event_type = 'OrderReturned'") == 2);
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("onHand", equalTo(4));
        assertLedgerSumsToOnHand(productId);
    }

    @Test
    void ofManyOrdersRacingForTheLastUnitExactlyOneGetsIt() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 1));
        List<UUID> orders = java.util.stream.IntStream.range(0, 6).mapToObj(i -> placeOrder(productId, 1)).toList();

        await().atMost(Deadlines.ASYNC).until(() -> orders.stream().allMatch(id -> TopicProbe
                .readAll(Topics.CATALOG_RESERVATION).stream().anyMatch(r -> r.key().equals(id.toString()))));
        List<ConsumerRecord<String, String>> answers = TopicProbe.readAll(Topics.CATALOG_RESERVATION).stream()
                .filter(r -> orders.stream().anyMatch(id -> r.key().equals(id.toString()))).toList();
        assertThat(answers).hasSize(6);
        assertThat(answers).filteredOn(r -> r.value().contains("\"StockReserved\"")).hasSize(1);
        assertThat(answers).filteredOn(r -> r.value().contains("\"StockRejected\"")).hasSize(5);
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("onHand", equalTo(1)).body("reserved", equalTo(1)).body("available", equalTo(0));
        assertLedgerSumsToOnHand(productId);
    }

    @jakarta.inject.Inject
    io.eventcommerce.catalog.inventory.service.ReservationHandler handler;

    /**
     * The consumer applies one partition's events in order; several partitions (or instances) apply them at once.
     * This runs the handler from eight threads at the same moment, each with an order for the last unit, so the
     * transactions really overlap in the database.
     */
    @Test
    void concurrentTransactionsForTheLastUnitReserveItExactlyOnce() throws Exception {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 1));
        List<UUID> orders = java.util.stream.IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(orders.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(orders.size());
        try {
            List<java.util.concurrent.Future<?>> runs = orders.stream().map(orderId -> pool.submit(() -> {
                EventEnvelope<OrderPlaced> envelope = EventEnvelope.wrap(new OrderPlaced(orderId, UUID.randomUUID(),
                        "PENDING", "USD", List.of(new OrderLine(1, UUID.fromString(productId), "SKU", "Kettle", 1,
                        BigDecimal.TEN, BigDecimal.TEN, 0)), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, null,
                        null, null, null, "WEB", null, Instant.now()), "orders-service", Instant.now());
                var event = new io.eventcommerce.servicekit.messaging.IncomingEvent(Topics.ORDERS_ORDER, 0, 0,
                        orderId.toString(), EventCodec.parse(EventCodec.toJson(envelope)));
                start.await();
                handler.apply(event);
                return null;
            })).<java.util.concurrent.Future<?>>map(f -> f).toList();
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(CATALOG.query("SELECT order_id FROM stock_reservation WHERE product_id = ?", productId))
                .hasSize(1);
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("onHand", equalTo(1)).body("reserved", equalTo(1)).body("available", equalTo(0));
        await().atMost(Deadlines.ASYNC).until(() -> TopicProbe.readAll(Topics.CATALOG_RESERVATION).stream()
                .filter(r -> orders.stream().anyMatch(id -> r.key().equals(id.toString()))).count() == 8);
        assertThat(TopicProbe.readAll(Topics.CATALOG_RESERVATION).stream()
                .filter(r -> orders.stream().anyMatch(id -> r.key().equals(id.toString())))
                .filter(r -> r.value().contains("\"StockReserved\""))).hasSize(1);
        assertLedgerSumsToOnHand(productId);
    }

    @Test
    void aRedeliveredOrderPlacedReservesNothingTwice() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 5));
        UUID orderId = UUID.randomUUID();
        EventEnvelope<OrderPlaced> envelope = EventEnvelope.wrap(new OrderPlaced(orderId, UUID.randomUUID(),
                "PENDING", "USD", List.of(new OrderLine(1, UUID.fromString(productId), "SKU", "Kettle", 2,
                BigDecimal.TEN, BigDecimal.TEN, 0)), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, null, null,
                null, null, "WEB", null, Instant.now()), "orders-service", Instant.now());
        for (int i = 0; i < 2; i++) {
            TopicProbe.send(Topics.ORDERS_ORDER, envelope.aggregateId(), EventCodec.toJson(envelope),
                    Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
        }
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, orderId.toString(), "StockReserved");
        UUID marker = placeOrder(productId, 1);
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, marker.toString(), "StockReserved");
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then().body("reserved", equalTo(3));
    }

    @Test
    void anOrderImportedFromHistoryReservesNothing() {
        String warehouse = warehouse(1);
        String productId = productWithStock(Map.of(warehouse, 5));
        UUID orderId = UUID.randomUUID();
        EventEnvelope<OrderPlaced> envelope = EventEnvelope.wrap(new OrderPlaced(orderId, UUID.randomUUID(),
                "DELIVERED", "USD", List.of(new OrderLine(1, UUID.fromString(productId), "SKU", "Kettle", 2,
                BigDecimal.TEN, BigDecimal.TEN, 0)), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, null, null,
                null, null, "WEB", null, Instant.parse("2025-01-01T00:00:00Z"), true), "orders-service",
                Instant.now());
        TopicProbe.send(Topics.ORDERS_ORDER, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
        await().atMost(Deadlines.ASYNC).until(() -> CATALOG.count(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", envelope.eventId().toString()) == 1);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM stock_reservation WHERE order_id = ?", orderId.toString()))
                .isZero();
        assertThat(TopicProbe.readAll(Topics.CATALOG_RESERVATION)).noneMatch(r -> orderId.toString().equals(r.key()));
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then()
                .body("reserved", equalTo(0)).body("onHand", equalTo(5));
    }
}
