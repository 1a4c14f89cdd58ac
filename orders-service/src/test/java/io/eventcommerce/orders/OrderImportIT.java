package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.importCustomer;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OrderImportIT {

    private static final String ADMIN = TestTokens.forRoles("admin");
    /** When the customers of these tests registered: before the history of their orders. */
    private static final String REGISTERED = "2024-01-01T00:00:00Z";

    private static Map<String, Object> historical(String customerId, UUID product, String status) {
        Map<String, Object> order = new HashMap<>();
        order.put("id", UUID.randomUUID().toString());
        order.put("customerId", customerId);
        order.put("status", status);
        order.put("channel", "MOBILE");
        order.put("lines", List.of(Map.of("productId", product.toString(), "quantity", 2, "unitPrice", "7.50")));
        order.put("shippingAddress", ADDRESS);
        order.put("paymentToken", "tok_approve");
        order.put("placedAt", "2025-03-01T10:00:00Z");
        if (!status.equals("CANCELLED")) {
            order.put("paidAt", "2025-03-01T10:01:00Z");
        }
        if (List.of("SHIPPED", "DELIVERED", "RETURNED").contains(status)) {
            order.put("shippedAt", "2025-03-02T09:00:00Z");
            order.put("shipment", Map.of("carrier", "UPS", "trackingNumber", "1Z" + UUID.randomUUID()
                    .toString().substring(0, 12)));
        }
        if (List.of("DELIVERED", "RETURNED").contains(status)) {
            order.put("deliveredAt", "2025-03-04T15:00:00Z");
        }
        if (status.equals("RETURNED")) {
            order.put("returnedAt", "2025-03-10T12:00:00Z");
            order.put("returned", Map.of("reason", "Too small", "restock", true));
        }
        if (status.equals("CANCELLED")) {
            order.put("cancelledAt", "2025-03-01T11:00:00Z");
            order.put("cancelReason", "CUSTOMER_REQUEST");
        }
        return order;
    }

    @SafeVarargs
    private static io.restassured.response.Response post(Map<String, Object>... orders) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", List.of(orders)))
                .post("/admin/orders/import");
    }

    private static long stored(Map<String, Object> order) {
        return ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE id = ?", order.get("id"));
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String topic, String orderId) {
        return TopicProbe.readAll(topic).stream().filter(r -> orderId.equals(r.key())).toList();
    }

    @Test
    void historyIsStoredAsItHappenedAndPublishesEveryStepOnceEvenWhenSentTwice() {
        String customerId = importCustomer(REGISTERED);
        UUID product = productInReplica("9.99");
        List<Map<String, Object>> batch = List.of(historical(customerId, product, "DELIVERED"),
                historical(customerId, product, "RETURNED"), historical(customerId, product, "CANCELLED"),
                historical(customerId, product, "PAID"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", batch))
                .post("/admin/orders/import").then().statusCode(200)
                .body("imported", equalTo(4)).body("skipped", equalTo(0));

        String delivered = (String) batch.get(0).get("id");
        Map<String, Object> row = ORDERS.query("SELECT * FROM customer_order WHERE id = ?", delivered).get(0);
        assertThat(row.get("status")).isEqualTo("DELIVERED");
        assertThat(((LocalDateTime) row.get("created_at")).toInstant(ZoneOffset.UTC)).hasToString(
                "2025-03-01T10:00:00Z");
        assertThat(((LocalDateTime) row.get("updated_at")).toInstant(ZoneOffset.UTC)).hasToString(
                "2025-03-04T15:00:00Z");
        assertThat(row.get("total").toString()).isEqualTo("15.00");

        await().atMost(Deadlines.ASYNC).until(() -> eventsOf(Topics.ORDERS_ORDER, delivered).size() == 4);
        List<ConsumerRecord<String, String>> steps = eventsOf(Topics.ORDERS_ORDER, delivered);
        assertThat(steps).extracting(r -> TopicProbe.header(r, "eventType"))
                .containsExactly("OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered");
        OrderPlaced placed = EventCodec.data(EventCodec.parse(steps.get(0).value()), OrderPlaced.TYPE);
        assertThat(placed.imported()).isTrue();
        assertThat(placed.status()).isEqualTo("DELIVERED");
        assertThat(placed.placedAt()).hasToString("2025-03-01T10:00:00Z");
        assertThat(steps.get(3).value()).contains("\"deliveredAt\":\"2025-03-04T15:00:00Z\"");

        String returned = (String) batch.get(1).get("id");
        await().atMost(Deadlines.ASYNC).until(() -> eventsOf(Topics.ORDERS_PAYMENT, returned).size() == 2);
        assertThat(eventsOf(Topics.ORDERS_PAYMENT, returned)).extracting(r -> TopicProbe.header(r, "eventType"))
                .containsExactly("PaymentCaptured", "PaymentRefunded");
        String cancelled = (String) batch.get(2).get("id");
        await().atMost(Deadlines.ASYNC).until(() -> eventsOf(Topics.ORDERS_ORDER, cancelled).size() == 2);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment WHERE order_id = ?", cancelled)).isZero();
        String paid = (String) batch.get(3).get("id");
        assertThat(eventsOf(Topics.ORDERS_ORDER, paid)).extracting(r -> TopicProbe.header(r, "eventType"))
                .doesNotContain("OrderConfirmed");

        // The same batch again: nothing new, no second event.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", batch))
                .post("/admin/orders/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(4));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId))
                .isEqualTo(4);
        assertThat(eventsOf(Topics.ORDERS_ORDER, delivered)).hasSize(4);
        given().auth().oauth2(ADMIN).queryParam("customerId", customerId).queryParam("status", "RETURNED")
                .get("/orders").then().statusCode(200).body("items.id", contains(returned));
    }

    @Test
    void oneBadOrderRefusesTheWholeBatchAndOnlyAdminsImport() {
        String customerId = importCustomer(REGISTERED);
        UUID product = productInReplica("9.99");
        Map<String, Object> good = historical(customerId, product, "DELIVERED");
        Map<String, Object> backwards = historical(customerId, product, "DELIVERED");
        backwards.put("deliveredAt", "2025-03-01T09:00:00Z");
        Map<String, Object> missing = historical(customerId, product, "SHIPPED");
        missing.remove("shippedAt");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of(good, backwards, missing)))
                .post("/admin/orders/import").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("orders[1].deliveredAt", "orders[2].shippedAt"));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId)).isZero();

        given().auth().oauth2(TestTokens.forRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of(good))).post("/admin/orders/import").then().statusCode(403);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId)).isZero();
    }

    @Test
    void anOrderPlacedBeforeItsCustomerRegisteredIsRefused() {
        String customerId = createCustomer();
        UUID product = productInReplica("9.99");
        Map<String, Object> older = historical(customerId, product, "DELIVERED");
        post(older).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("orders[0].placedAt"));
        assertThat(stored(older)).isZero();

        String historic = importCustomer("2025-03-01T10:00:00Z");
        Map<String, Object> sameInstant = historical(historic, product, "PAID");
        Map<String, Object> before = historical(historic, product, "PAID");
        before.put("placedAt", "2025-03-01T09:59:59Z");
        post(sameInstant, before).then().statusCode(422).body("errors.field", contains("orders[1].placedAt"));
        assertThat(stored(sameInstant)).isZero();
        post(sameInstant).then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void theClientIpIsStoredAndCarriedByOrderPlaced() {
        String customerId = importCustomer(REGISTERED);
        UUID product = productInReplica("9.99");
        Map<String, Object> v4 = historical(customerId, product, "PAID");
        v4.put("clientIp", "203.0.113.7");
        Map<String, Object> v6 = historical(customerId, product, "CANCELLED");
        v6.put("clientIp", "2001:db8::1");
        Map<String, Object> none = historical(customerId, product, "PAID");
        post(v4, v6, none).then().statusCode(200).body("imported", equalTo(3));

        assertThat(ORDERS.query("SELECT client_ip FROM customer_order WHERE id = ?", v4.get("id")).get(0)
                .get("client_ip")).isEqualTo("203.0.113.7");
        String v4Id = (String) v4.get("id");
        String v6Id = (String) v6.get("id");
        String noneId = (String) none.get("id");
        assertThat(placed(v4Id).clientIp()).isEqualTo("203.0.113.7");
        assertThat(placed(v6Id).clientIp()).isEqualTo("2001:db8::1");
        assertThat(placed(noneId).clientIp()).isNull();

        for (String invalid : List.of("203.0.113.256", "example.com", "2001:db8:::1", "")) {
            Map<String, Object> bad = historical(customerId, product, "PAID");
            bad.put("clientIp", invalid);
            post(bad).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("orders[0].clientIp"));
            assertThat(stored(bad)).as(invalid).isZero();
        }
    }

    private static OrderPlaced placed(String orderId) {
        return EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPlaced")
                .value()), OrderPlaced.TYPE);
    }

    @Test
    void aChargebackAtIsRecordedAsAFraudChargebackRefund() {
        String customerId = importCustomer(REGISTERED);
        UUID product = productInReplica("9.99");
        Map<String, Object> delivered = historical(customerId, product, "DELIVERED");
        delivered.put("chargebackAt", "2025-04-20T08:30:00Z");
        Map<String, Object> paid = historical(customerId, product, "PAID");
        paid.put("chargebackAt", "2025-03-01T10:01:00Z");
        post(delivered, paid).then().statusCode(200).body("imported", equalTo(2));

        String orderId = (String) delivered.get("id");
        await().atMost(Deadlines.ASYNC).until(() -> eventsOf(Topics.ORDERS_PAYMENT, orderId).size() == 2);
        List<ConsumerRecord<String, String>> payments = eventsOf(Topics.ORDERS_PAYMENT, orderId);
        assertThat(payments).extracting(r -> TopicProbe.header(r, "eventType"))
                .containsExactly("PaymentCaptured", "PaymentRefunded");
        PaymentRefunded refunded = EventCodec.data(EventCodec.parse(payments.get(1).value()), PaymentRefunded.TYPE);
        assertThat(refunded.reason()).isEqualTo("FRAUD_CHARGEBACK");
        assertThat(refunded.refundedAt()).isEqualTo(Instant.parse("2025-04-20T08:30:00Z"));
        assertThat(refunded.amount()).isEqualByComparingTo("15.00");
        assertThat(refunded.customerId()).hasToString(customerId);
        Map<String, Object> payment = ORDERS.query("SELECT status, refunded_amount FROM payment WHERE order_id = ?",
                orderId).get(0);
        assertThat(payment.get("status")).isEqualTo("REFUNDED");
        assertThat(ORDERS.query("SELECT status FROM customer_order WHERE id = ?", orderId).get(0).get("status"))
                .isEqualTo("DELIVERED");
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, (String) paid.get("id"), "PaymentRefunded").value())
                .contains("\"reason\":\"FRAUD_CHARGEBACK\"");
    }

    @Test
    void aChargebackAtOutsideAPaidOrdersHistoryIsRefused() {
        String customerId = importCustomer(REGISTERED);
        UUID product = productInReplica("9.99");
        Map<String, Object> cancelled = historical(customerId, product, "CANCELLED");
        cancelled.put("chargebackAt", "2025-03-05T10:00:00Z");
        Map<String, Object> returned = historical(customerId, product, "RETURNED");
        returned.put("chargebackAt", "2025-03-20T10:00:00Z");
        Map<String, Object> early = historical(customerId, product, "SHIPPED");
        early.put("chargebackAt", "2025-03-01T10:00:30Z");
        Map<String, Object> future = historical(customerId, product, "DELIVERED");
        future.put("chargebackAt", Instant.now().plusSeconds(3600).toString());
        post(cancelled, returned, early).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("orders[0].chargebackAt", "orders[1].chargebackAt",
                        "orders[2].chargebackAt"));
        post(future).then().statusCode(422).body("errors.field", contains("orders[0].chargebackAt"));
        for (Map<String, Object> order : List.of(cancelled, returned, early, future)) {
            assertThat(stored(order)).isZero();
            assertThat(ORDERS.count("SELECT COUNT(*) FROM payment WHERE order_id = ?", order.get("id"))).isZero();
        }
    }
}
