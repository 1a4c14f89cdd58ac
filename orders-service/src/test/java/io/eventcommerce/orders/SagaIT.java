package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.awaitStatus;
import static io.eventcommerce.orders.OrdersFixtures.fraud;
import static io.eventcommerce.orders.OrdersFixtures.stockReserved;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The order saga from orders-service's side, over real Kafka: the test plays catalog-service (stock answers) and
 * compliance-service (fraud answers) by publishing their events, exactly as their outboxes would.
 */
@QuarkusTest
class SagaIT {

    private String placeOrder(String paymentToken) {
        String customerId = createCustomer();
        UUID product = productInReplica("25.00");
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId, "paymentToken", paymentToken,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 2)))))
                .post("/orders").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    private static Map<String, Object> order(String orderId) {
        return ORDERS.query("SELECT * FROM customer_order WHERE id = ?", orderId).get(0);
    }

    @Test
    void reservedAndApprovedIsChargedAndPaid() {
        String orderId = placeOrder("tok_approve");
        stockReserved(orderId);
        awaitStatus(orderId, "PENDING");
        fraud(orderId, "APPROVE", null);
        awaitStatus(orderId, "PAID");

        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderConfirmed")).isNotNull();
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPaid")).isNotNull();
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, orderId, "PaymentCaptured").value())
                .contains("\"last4\":\"4242\"").doesNotContain("tok_approve");
        given().auth().oauth2(SUPPORT).get("/orders/" + orderId + "/payments").then().statusCode(200)
                .body("[0].status", equalTo("CAPTURED")).body("[0].amount", equalTo(50.00f));
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderSoItsStockIsReleased() {
        for (String token : List.of("tok_decline", "tok_insufficient_funds")) {
            String orderId = placeOrder(token);
            stockReserved(orderId);
            fraud(orderId, "APPROVE", null);
            awaitStatus(orderId, "CANCELLED");
            assertThat(order(orderId).get("cancel_reason")).isEqualTo("PAYMENT_DECLINED");
            OrderCancelled cancelled = EventCodec.data(EventCodec.parse(
                    TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderCancelled").value()), OrderCancelled.TYPE);
            assertThat(cancelled.reason()).isEqualTo("PAYMENT_DECLINED");
            assertThat(cancelled.previousStatus()).isEqualTo("CONFIRMED");
            assertThat(TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, orderId, "PaymentDeclined").value())
                    .contains(token.equals("tok_decline") ? "card_declined" : "insufficient_funds");
        }
    }

    @Test
    void aFraudRejectCancelsEvenAfterStockWasReserved() {
        String orderId = placeOrder("tok_approve");
        stockReserved(orderId);
        fraud(orderId, "REJECT", null);
        awaitStatus(orderId, "CANCELLED");
        assertThat(order(orderId).get("cancel_reason")).isEqualTo("FRAUD_REJECTED");
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderCancelled").value())
                .contains("FRAUD_REJECTED");
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment WHERE order_id = ?", orderId)).isZero();
    }

    @Test
    void aStockRejectionCancels() {
        String orderId = placeOrder("tok_approve");
        sendEvent(new StockRejected(UUID.fromString(orderId), List.of(new StockRejected.Shortage(1, UUID.randomUUID(),
                2, 1, "OUT_OF_STOCK"))), "catalog-service");
        awaitStatus(orderId, "CANCELLED");
        assertThat(order(orderId)).containsEntry("cancel_reason", "OUT_OF_STOCK");
        assertThat((String) order(orderId).get("status_detail")).contains("line 1: OUT_OF_STOCK (2 requested, 1 "
                + "available)");
    }

    @Test
    void aReviewHoldsTheOrderUntilTheOfficerDecides() {
        String approved = placeOrder("tok_approve");
        String rejected = placeOrder("tok_approve");
        for (String orderId : List.of(approved, rejected)) {
            stockReserved(orderId);
            fraud(orderId, "REVIEW", null);
            awaitStatus(orderId, "ON_HOLD");
            assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderOnHold")).isNotNull();
        }
        // Held, not charged: nothing happens to it without a decision (the review deadline is days away).
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment WHERE order_id = ?", approved)).isZero();
        assertThat((java.time.LocalDateTime) order(approved).get("saga_deadline"))
                .isAfter(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(2));

        fraud(approved, "APPROVE", "officer-1");
        fraud(rejected, "REJECT", "officer-1");
        awaitStatus(approved, "PAID");
        awaitStatus(rejected, "CANCELLED");
        assertThat(order(rejected)).containsEntry("cancel_reason", "FRAUD_REJECTED");
    }

    @Test
    void cancellingAPaidOrderRefundsItAndIllegalMovesAre409WithNothingChanged() {
        String orderId = placeOrder("tok_approve");
        stockReserved(orderId);
        fraud(orderId, "APPROVE", null);
        awaitStatus(orderId, "PAID");

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("comment", "asked by phone"))
                .post("/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("SUPPORT_REQUEST"));
        PaymentRefunded refund = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_PAYMENT, orderId, "PaymentRefunded").value()), PaymentRefunded.TYPE);
        assertThat(refund.amount()).isEqualByComparingTo("50.00");
        assertThat(ORDERS.query("SELECT status FROM payment WHERE order_id = ?", orderId))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("REFUNDED"));
        given().auth().oauth2(SUPPORT).get("/orders/" + orderId + "/refunds").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("REFUNDED"))
                .body("[0].reason", equalTo("SUPPORT_REQUEST")).body("[0].amount", equalTo(50.00f));

        Map<String, Object> before = order(orderId);
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/conflict"))
                .body("detail", equalTo("An order that is CANCELLED cannot become CANCELLED"));
        assertThat(order(orderId)).isEqualTo(before);
        assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER).stream().filter(r -> r.key().equals(orderId)
                && r.value().contains("\"OrderCancelled\"")).count()).isEqualTo(1);
    }

    @Test
    void aCustomerCancelsItsOwnPendingOrderButNotAnotherCustomers() {
        UUID customerId = UUID.fromString(createCustomer());
        UUID product = productInReplica("3.00");
        String orderId = given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON)
                .body(deliverable(Map.of("lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))
                .post("/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(404);
        assertThat(order(orderId)).containsEntry("status", "PENDING");
        given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("cancelReason", equalTo("CUSTOMER_REQUEST"));
        given().auth().oauth2(TestTokens.customer(customerId)).get("/orders").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].status", equalTo("CANCELLED"));
    }
}
