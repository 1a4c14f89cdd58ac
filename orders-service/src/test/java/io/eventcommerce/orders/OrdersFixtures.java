package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test data for orders-service. Products enter it the only way they can in production: as catalog.product events,
 * here sent by the test in the role of catalog-service.
 */
final class OrdersFixtures {

    static final String SUPPORT = TestTokens.forRoles("support");
    static final Database ORDERS = Database.of("orders");

    private OrdersFixtures() {
    }

    static final Map<String, Object> ADDRESS = Map.of("name", "Ada Lovelace", "line1", "12 St James's Square",
            "city", "London", "postalCode", "SW1Y 4JH", "country", "GB");

    /** {@code body} with what every order needs besides its lines: a shipping address and a payment. */
    static Map<String, Object> deliverable(Map<String, Object> body) {
        Map<String, Object> order = new java.util.HashMap<>(body);
        order.putIfAbsent("shippingAddress", ADDRESS);
        if (!order.containsKey("paymentMethodId")) {
            order.putIfAbsent("paymentToken", "tok_approve");
        }
        return order;
    }

    static String createCustomer() {
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", "c-" + UUID.randomUUID() + "@example.com", "firstName", "Ada",
                        "lastName", "Lovelace", "country", "GB"))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    /** A customer imported from history (admin), registered at {@code registeredAt}; its orders may be older. */
    static String importCustomer(String registeredAt) {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.forRoles("admin")).contentType(ContentType.JSON)
                .body(Map.of("customers", List.of(Map.of("id", id, "email", "h-" + id + "@example.com",
                        "firstName", "Ada", "lastName", "Lovelace", "country", "GB", "registeredAt", registeredAt))))
                .post("/admin/customers/import").then().statusCode(200);
        return id;
    }

    static ProductSnapshot snapshot(UUID productId, String price, String status, long version) {
        return new ProductSnapshot(productId, "SKU-" + productId.toString().substring(0, 8), "Kettle", "1.7 l", "Acme",
                UUID.randomUUID(), new BigDecimal(price), new BigDecimal("5.00"), "USD", status, Map.of(), version, null);
    }

    /** Sends the event as catalog-service's outbox would: key = product id, headers id and eventType. */
    static <T> EventEnvelope<T> send(EventEnvelope<T> envelope) {
        TopicProbe.send(Topics.CATALOG_PRODUCT, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
        return envelope;
    }

    /** Sends an event as its producer's outbox would (catalog's stock answers, compliance's fraud answers). */
    static <T extends io.eventcommerce.events.DomainEvent> void sendEvent(T event, String source) {
        send(event.eventType().topic(), EventEnvelope.wrap(event, source, Instant.now()));
    }

    static <T> void send(String topic, EventEnvelope<T> envelope) {
        TopicProbe.send(topic, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    static EventEnvelope<ProductCreated> created(ProductSnapshot snapshot) {
        return EventEnvelope.wrap(new ProductCreated(snapshot), "catalog-service", Instant.now());
    }

    static EventEnvelope<ProductUpdated> updated(ProductSnapshot snapshot) {
        return EventEnvelope.wrap(new ProductUpdated(snapshot, List.of("price")), "catalog-service", Instant.now());
    }

    /** An active product in the replica, priced {@code price}. */
    static UUID productInReplica(String price) {
        UUID productId = UUID.randomUUID();
        send(created(snapshot(productId, price, "ACTIVE", 0)));
        awaitReplica(productId, 0);
        return productId;
    }

    static void awaitReplica(UUID productId, long version) {
        await().atMost(Deadlines.ASYNC).until(() -> ORDERS.count(
                "SELECT COUNT(*) FROM catalog_product WHERE product_id = ? AND version = ?",
                productId.toString(), version) == 1);
    }

    /** catalog-service's answer: the order's stock is reserved. */
    static void stockReserved(String orderId) {
        sendEvent(new StockReserved(UUID.fromString(orderId), List.of()), "catalog-service");
    }

    /** compliance-service's answer (or an officer's decision, with {@code reviewedBy}). */
    static void fraud(String orderId, String decision, String reviewedBy) {
        sendEvent(new FraudAssessed(UUID.fromString(orderId), null, new BigDecimal("0.420"), decision,
                List.of("VELOCITY"), reviewedBy, Instant.now()), "compliance-service");
    }

    static void awaitStatus(String orderId, String status) {
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> assertThat(ORDERS.query(
                "SELECT status FROM customer_order WHERE id = ?", orderId).get(0).get("status")).isEqualTo(status));
    }

    static Map<String, Object> replicaRow(UUID productId) {
        return ORDERS.query("SELECT * FROM catalog_product WHERE product_id = ?", productId.toString()).get(0);
    }
}
