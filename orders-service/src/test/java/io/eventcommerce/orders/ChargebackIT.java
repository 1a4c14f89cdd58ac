package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.importCustomer;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** POST /orders/{id}/chargeback, on orders whose payment history the import gives (no saga or gateway needed). */
@QuarkusTest
class ChargebackIT {

    private static final String ADMIN = TestTokens.forRoles("admin");

    /** An imported order of a new customer in {@code status}, paid 12.00 unless cancelled. */
    private static String order(String status) {
        String customerId = importCustomer("2024-01-01T00:00:00Z");
        UUID product = productInReplica("12.00");
        Map<String, Object> order = new HashMap<>();
        String id = UUID.randomUUID().toString();
        order.put("id", id);
        order.put("customerId", customerId);
        order.put("status", status);
        order.put("lines", List.of(Map.of("productId", product.toString(), "quantity", 1, "unitPrice", "12.00")));
        order.put("shippingAddress", ADDRESS);
        order.put("paymentToken", "tok_approve");
        // Recent, so a delivered order is still within its return window.
        Instant placed = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        order.put("placedAt", placed.toString());
        if (status.equals("CANCELLED")) {
            order.put("cancelledAt", placed.plus(Duration.ofHours(1)).toString());
            order.put("cancelReason", "CUSTOMER_REQUEST");
        } else {
            order.put("paidAt", placed.plus(Duration.ofMinutes(1)).toString());
        }
        if (List.of("SHIPPED", "DELIVERED", "RETURNED").contains(status)) {
            order.put("shippedAt", placed.plus(Duration.ofDays(1)).toString());
            order.put("shipment", Map.of("carrier", "DHL", "trackingNumber", "JD" + id.substring(0, 12)));
        }
        if (List.of("DELIVERED", "RETURNED").contains(status)) {
            order.put("deliveredAt", placed.plus(Duration.ofDays(2)).toString());
        }
        if (status.equals("RETURNED")) {
            order.put("returnedAt", placed.plus(Duration.ofDays(3)).toString());
            order.put("returned", Map.of("reason", "Broken", "restock", false));
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", List.of(order)))
                .post("/admin/orders/import").then().statusCode(200).body("imported", equalTo(1));
        return id;
    }

    private static io.restassured.response.Response chargeback(String token, String orderId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/orders/" + orderId + "/chargeback");
    }

    private static List<ConsumerRecord<String, String>> refundEvents(String orderId) {
        return TopicProbe.readAll(Topics.ORDERS_PAYMENT).stream()
                .filter(r -> orderId.equals(r.key()) && "PaymentRefunded".equals(TopicProbe.header(r, "eventType")))
                .toList();
    }

    /** What a refusal must leave as it was: the order's status, payments and refunds. */
    private static List<Map<String, Object>> state(String orderId) {
        return List.of(ORDERS.query("SELECT status, version FROM customer_order WHERE id = ?", orderId).get(0),
                Map.of("payments", ORDERS.query("SELECT status, version FROM payment WHERE order_id = ?", orderId),
                        "refunds", ORDERS.query("SELECT id, status FROM payment_refund WHERE order_id = ?", orderId)));
    }

    @Test
    void aFraudChargebackOfADeliveredOrderIsARefundWithPaymentRefundedAndHappensOnce() {
        String orderId = order("DELIVERED");
        String refundId = chargeback(SUPPORT, orderId, Map.of("reason", "FRAUD", "comment", "Issuer case 4711"))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("REFUNDED")).body("reason", equalTo("FRAUD_CHARGEBACK"))
                .body("amount", equalTo(12.00f)).body("comment", equalTo("Issuer case 4711"))
                .extract().path("id");

        ConsumerRecord<String, String> record = TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, orderId,
                "PaymentRefunded");
        PaymentRefunded refunded = EventCodec.data(EventCodec.parse(record.value()), PaymentRefunded.TYPE);
        assertThat(refunded.reason()).isEqualTo("FRAUD_CHARGEBACK");
        assertThat(refunded.amount()).isEqualByComparingTo("12.00");
        assertThat(refunded.gatewayReference()).isEqualTo("chargeback");
        assertThat(ORDERS.query("SELECT status FROM payment WHERE order_id = ?", orderId).get(0).get("status"))
                .isEqualTo("REFUNDED");
        given().auth().oauth2(ADMIN).get("/orders/" + orderId + "/refunds").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(refundId));
        given().auth().oauth2(ADMIN).get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));

        // A second chargeback of the same payment is refused and changes nothing.
        List<Map<String, Object>> before = state(orderId);
        chargeback(ADMIN, orderId, Map.of("reason", "OTHER")).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(state(orderId)).isEqualTo(before);

        // A return after it gives nothing back a second time.
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("reason", "Never arrived", "restock", false)).post("/orders/" + orderId + "/return")
                .then().statusCode(201).body("refundedAmount", equalTo(0.0f));
        await().atMost(Deadlines.ASYNC).until(() -> TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .anyMatch(r -> orderId.equals(r.key()) && "OrderReturned".equals(TopicProbe.header(r, "eventType"))));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment_refund WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(refundEvents(orderId)).hasSize(1);
    }

    @Test
    void anyOtherChargebackOfAPaidOrderIsAChargebackRefundAndTheOrderCanStillBeCancelled() {
        String orderId = order("PAID");
        chargeback(ADMIN, orderId, Map.of("reason", "OTHER")).then().statusCode(200)
                .body("reason", equalTo("CHARGEBACK")).body("status", equalTo("REFUNDED"));
        PaymentRefunded refunded = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.ORDERS_PAYMENT,
                orderId, "PaymentRefunded").value()), PaymentRefunded.TYPE);
        assertThat(refunded.reason()).isEqualTo("CHARGEBACK");

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment_refund WHERE order_id = ?", orderId)).isEqualTo(1);
        await().atMost(Deadlines.ASYNC).until(() -> TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .anyMatch(r -> orderId.equals(r.key()) && "OrderCancelled".equals(TopicProbe.header(r, "eventType"))));
        assertThat(refundEvents(orderId)).hasSize(1);
    }

    @Test
    void aChargebackIsRefusedForAnOrderNotPaidOrAlreadyRefundedAndForBadRequests() {
        String cancelled = order("CANCELLED");
        String returned = order("RETURNED");
        String shipped = order("SHIPPED");
        for (String orderId : List.of(cancelled, returned)) {
            List<Map<String, Object>> before = state(orderId);
            chargeback(ADMIN, orderId, Map.of("reason", "FRAUD")).then().statusCode(409)
                    .contentType("application/problem+json");
            assertThat(state(orderId)).isEqualTo(before);
        }
        List<Map<String, Object>> before = state(shipped);
        chargeback(ADMIN, shipped, Map.of("reason", "STOLEN")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        chargeback(ADMIN, shipped, Map.of("comment", "no reason")).then().statusCode(422);
        chargeback(ADMIN, shipped, Map.of("reason", "FRAUD", "comment", "x".repeat(501))).then().statusCode(422);
        String customerId = (String) ORDERS.query("SELECT customer_id FROM customer_order WHERE id = ?", shipped).get(0)
                .get("customer_id");
        chargeback(TestTokens.customer(UUID.fromString(customerId)), shipped, Map.of("reason", "FRAUD"))
                .then().statusCode(403);
        assertThat(state(shipped)).isEqualTo(before);
        chargeback(ADMIN, UUID.randomUUID().toString(), Map.of("reason", "FRAUD")).then().statusCode(404)
                .contentType("application/problem+json");

        // The shipped order itself can be charged back.
        chargeback(SUPPORT, shipped, Map.of("reason", "FRAUD")).then().statusCode(200)
                .body("reason", equalTo("FRAUD_CHARGEBACK"));
    }
}
