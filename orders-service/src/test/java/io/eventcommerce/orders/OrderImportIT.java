package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OrderImportIT {

    private static final String ADMIN = TestTokens.forRoles("admin");

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

    private static List<ConsumerRecord<String, String>> eventsOf(String topic, String orderId) {
        return TopicProbe.readAll(topic).stream().filter(r -> orderId.equals(r.key())).toList();
    }

    @Test
    void historyIsStoredAsItHappenedAndPublishesEveryStepOnceEvenWhenSentTwice() {
        String customerId = createCustomer();
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
        String customerId = createCustomer();
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
}
