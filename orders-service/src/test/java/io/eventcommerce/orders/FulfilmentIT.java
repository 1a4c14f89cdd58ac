package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.awaitStatus;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.fraud;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.stockReserved;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** After payment: shipment, tracking, delivery and return, each a legal move of the order or a 409 changing nothing. */
@QuarkusTest
class FulfilmentIT {

    private record Placed(String orderId, String customerId, UUID productId) {
    }

    private static Placed paidOrder() {
        String customerId = createCustomer();
        UUID product = productInReplica("30.00");
        String orderId = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 2)))))
                .post("/orders").then().statusCode(201).extract().path("id");
        stockReserved(orderId);
        fraud(orderId, "APPROVE", null);
        awaitStatus(orderId, "PAID");
        return new Placed(orderId, customerId, product);
    }

    private static io.restassured.response.Response ship(String orderId, String tracking) {
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingNumber", tracking))
                .post("/orders/" + orderId + "/shipments");
    }

    private static io.restassured.response.Response track(String orderId, String shipmentId, String status) {
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/orders/" + orderId + "/shipments/" + shipmentId + "/status");
    }

    private static String status(String orderId) {
        return (String) ORDERS.query("SELECT status FROM customer_order WHERE id = ?", orderId).get(0).get("status");
    }

    @Test
    void aPaidOrderShipsIsDeliveredAndComesBackRefunded() {
        Placed placed = paidOrder();
        String orderId = placed.orderId();
        String tracking = "JD" + UUID.randomUUID().toString().substring(0, 12).replace("-", "");

        String shipmentId = ship(orderId, tracking).then().statusCode(201)
                .body("status", equalTo("SHIPPED")).body("trackingNumber", equalTo(tracking))
                .extract().path("id");
        assertThat(status(orderId)).isEqualTo("SHIPPED");
        OrderShipped shipped = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderShipped").value()), OrderShipped.TYPE);
        assertThat(shipped.trackingNumber()).isEqualTo(tracking);
        assertThat(shipped.shipmentId().toString()).isEqualTo(shipmentId);

        track(orderId, shipmentId, "IN_TRANSIT").then().statusCode(200).body("status", equalTo("IN_TRANSIT"));
        assertThat(status(orderId)).as("tracking news before delivery leaves the order SHIPPED").isEqualTo("SHIPPED");
        track(orderId, shipmentId, "DELIVERED").then().statusCode(200).body("deliveredAt", notNullValue());
        assertThat(status(orderId)).isEqualTo("DELIVERED");
        OrderDelivered delivered = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderDelivered").value()), OrderDelivered.TYPE);
        assertThat(delivered.productIds()).containsExactly(placed.productId());
        assertThat(delivered.customerId().toString()).isEqualTo(placed.customerId());

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("reason", "Wrong size", "restock", true))
                .post("/orders/" + orderId + "/return").then().statusCode(201)
                .body("refundedAmount", equalTo(60.00f)).body("restock", equalTo(true));
        assertThat(status(orderId)).isEqualTo("RETURNED");
        OrderReturned returned = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderReturned").value()), OrderReturned.TYPE);
        assertThat(returned.restock()).isTrue();
        assertThat(returned.refundedAmount()).isEqualByComparingTo("60.00");
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, orderId, "PaymentRefunded").value()).contains("RETURN");
        given().auth().oauth2(SUPPORT).get("/orders/" + orderId + "/payments").then()
                .body("[0].refundedAmount", equalTo(60.00f));
    }

    @Test
    void illegalFulfilmentMovesAre409AndChangeNothing() {
        // Not paid yet: cannot ship.
        String customerId = createCustomer();
        UUID product = productInReplica("30.00");
        String pending = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))
                .post("/orders").then().statusCode(201).extract().path("id");
        ship(pending, "T" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(status(pending)).isEqualTo("PENDING");
        assertThat(ORDERS.count("SELECT COUNT(*) FROM shipment WHERE order_id = ?", pending)).isZero();

        Placed placed = paidOrder();
        String orderId = placed.orderId();
        // Not delivered yet: cannot be returned.
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("reason", "Changed my mind"))
                .post("/orders/" + orderId + "/return").then().statusCode(409);
        String tracking = "T" + UUID.randomUUID().toString().substring(0, 8);
        String shipmentId = ship(orderId, tracking).then().statusCode(201).extract().path("id");
        // Shipped once: a second shipment, a reused tracking number, a cancellation, a step back are all refused.
        ship(orderId, "T" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(409);
        Placed other = paidOrder();
        ship(other.orderId(), tracking).then().statusCode(409);
        assertThat(status(other.orderId())).isEqualTo("PAID");
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(409);
        track(orderId, shipmentId, "DELIVERED").then().statusCode(200);
        track(orderId, shipmentId, "IN_TRANSIT").then().statusCode(409);
        track(other.orderId(), shipmentId, "DELIVERED").then().statusCode(404);
        assertThat(status(orderId)).isEqualTo("DELIVERED");
        assertThat(ORDERS.count("SELECT COUNT(*) FROM shipment WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER)).filteredOn(r -> orderId.equals(r.key())
                && r.value().contains("\"OrderDelivered\"")).hasSize(1);
    }

    @Test
    void customersSeeTheirOwnShipmentsButCannotShip() {
        Placed placed = paidOrder();
        String mine = TestTokens.customer(UUID.fromString(placed.customerId()));
        String someoneElse = TestTokens.customer(UUID.fromString(createCustomer()));
        ship(placed.orderId(), "C" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(201);

        given().auth().oauth2(mine).get("/orders/" + placed.orderId() + "/shipments").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].carrier", equalTo("DHL"));
        given().auth().oauth2(someoneElse).get("/orders/" + placed.orderId() + "/shipments").then().statusCode(404);
        given().auth().oauth2(mine).contentType(ContentType.JSON)
                .body(Map.of("carrier", "UPS", "trackingNumber", "X1"))
                .post("/orders/" + placed.orderId() + "/shipments").then().statusCode(403);
    }
}
