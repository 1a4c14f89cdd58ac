package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.awaitReplica;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.send;
import static io.eventcommerce.orders.OrdersFixtures.snapshot;
import static io.eventcommerce.orders.OrdersFixtures.updated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PlaceOrderIT {

    @Test
    void anOrderIsPricedFromTheReplicaStoredPendingAndPublishedKeyedByItsId() {
        String customerId = createCustomer();
        UUID kettle = productInReplica("19.90");
        UUID mug = productInReplica("4.35");

        var response = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId, "channel", "WEB", "lines", List.of(
                        Map.of("productId", kettle.toString(), "quantity", 2),
                        Map.of("productId", mug.toString(), "quantity", 3)))))
                .post("/orders")
                .then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("lines[0].unitPrice", equalTo(19.90f))
                .body("subtotal", equalTo(52.85f))
                .extract();
        String orderId = response.path("id");
        assertThat(response.header("Location")).endsWith("/orders/" + orderId);

        assertThat(ORDERS.query("SELECT status, total FROM customer_order WHERE id = ?", orderId))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("PENDING");
                    assertThat((BigDecimal) row.get("total")).isEqualByComparingTo("52.85");
                });
        assertThat(ORDERS.count("SELECT COUNT(*) FROM order_item WHERE order_id = ?", orderId)).isEqualTo(2);

        ConsumerRecord<String, String> record = TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPlaced");
        OrderPlaced placed = EventCodec.data(EventCodec.parse(record.value()), OrderPlaced.TYPE);
        assertThat(TopicProbe.header(record, "id")).isNotBlank();
        assertThat(placed.customerId()).hasToString(customerId);
        assertThat(placed.lines()).extracting(l -> l.unitPrice().toPlainString()).containsExactly("19.90", "4.35");
        assertThat(placed.total()).isEqualByComparingTo("52.85");
        assertThat(placed.channel()).isEqualTo("WEB");
        assertThat(placed.clientIp()).isNotBlank();
    }

    @Test
    void theReplicasCurrentPriceIsTheOneCharged() {
        String customerId = createCustomer();
        UUID product = productInReplica("10.00");
        send(updated(snapshot(product, "12.50", "ACTIVE", 1)));
        awaitReplica(product, 1);

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId, "lines", List.of(Map.of("productId",
                        product.toString(), "quantity", 4)))))
                .post("/orders")
                .then().statusCode(201)
                .body("lines[0].unitPrice", equalTo(12.50f))
                .body("total", equalTo(50.00f))
                .body("channel", equalTo("API"));
    }

    @Test
    void aCustomerOrdersForItselfAndReadsOnlyItsOwnOrders() {
        UUID customerId = UUID.fromString(createCustomer());
        UUID otherCustomer = UUID.fromString(createCustomer());
        UUID product = productInReplica("7.00");
        String token = TestTokens.customer(customerId);

        String orderId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(deliverable(Map.of("lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))
                .post("/orders")
                .then().statusCode(201).body("customerId", equalTo(customerId.toString()))
                .extract().path("id");

        given().auth().oauth2(token).get("/orders/" + orderId).then().statusCode(200);
        given().auth().oauth2(TestTokens.customer(otherCustomer)).get("/orders/" + orderId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).get("/orders/" + orderId).then().statusCode(200);
    }
}
