package io.eventcommerce.systemtests;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.eventcommerce.systemtests.Platform.ADDRESS;
import static io.eventcommerce.systemtests.Platform.SAGA_TIMEOUT;
import static io.eventcommerce.systemtests.Platform.SUPPORT;
import static io.eventcommerce.systemtests.Platform.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order saga end to end: orders-service and catalog-service as processes on the real stack, talking only
 * through Kafka. Orders wait for stock and fraud answers (production's default); the test answers fraud checks as
 * compliance-service will, by publishing FraudAssessed.
 */
class OrderSagaIT {

    private static final Database ORDERS_DB = Database.of("orders");
    private static final Database CATALOG_DB = Database.of("catalog");

    private static String stockedProduct(int onHand) {
        return Platform.stockedProduct(onHand);
    }

    private static String place(String customerId, String productId, int quantity, String paymentToken) {
        return orders(SUPPORT).body(Map.of("customerId", customerId, "shippingAddress", ADDRESS,
                        "paymentToken", paymentToken,
                        "lines", List.of(Map.of("productId", productId, "quantity", quantity))))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static void fraud(String orderId, String decision) {
        EventEnvelope<FraudAssessed> envelope = EventEnvelope.wrap(new FraudAssessed(UUID.fromString(orderId), null,
                new BigDecimal("0.100"), decision, List.of(), null, Instant.now()), "compliance-service",
                Instant.now());
        TopicProbe.send(FraudAssessed.TYPE.topic(), orderId, EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    private static Map<String, Object> order(String orderId) {
        return ORDERS_DB.query("SELECT status, cancel_reason, status_detail FROM customer_order WHERE id = ?",
                orderId).get(0);
    }

    private static void awaitFinal(String orderId, String status) {
        await().atMost(Deadlines.ASYNC).untilAsserted(() ->
                assertThat(order(orderId).get("status")).isEqualTo(status));
    }

    private static Map<String, Object> stock(String productId) {
        return CATALOG_DB.query("""
                SELECT SUM(on_hand) AS on_hand, SUM(reserved) AS reserved,
                       (SELECT COALESCE(SUM(quantity), 0) FROM inventory_movement m WHERE m.product_id = ?) AS ledger
                FROM stock_level WHERE product_id = ?""", productId, productId).get(0);
    }

    private static void awaitReserved(String productId, int reserved) {
        await().atMost(Deadlines.ASYNC).untilAsserted(() ->
                assertThat(((Number) stock(productId).get("reserved")).intValue()).isEqualTo(reserved));
    }

    @Test
    void twoConcurrentOrdersForTheLastUnitOneIsPaidTheOtherCancelledWithTheReason() {
        String productId = stockedProduct(1);
        String customerId = Platform.createCustomer("last-" + UUID.randomUUID() + "@example.com");
        List<CompletableFuture<String>> placing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            placing.add(CompletableFuture.supplyAsync(() -> place(customerId, productId, 1, "tok_approve")));
        }
        List<String> orderIds = placing.stream().map(CompletableFuture::join).toList();
        orderIds.forEach(id -> fraud(id, FraudAssessed.APPROVE));

        await().atMost(Deadlines.ASYNC).until(() -> orderIds.stream()
                .map(id -> (String) order(id).get("status"))
                .sorted().toList().equals(List.of("CANCELLED", "PAID")));
        Map<String, Object> cancelled = orderIds.stream().map(OrderSagaIT::order)
                .filter(o -> "CANCELLED".equals(o.get("status"))).findFirst().orElseThrow();
        assertThat(cancelled.get("cancel_reason")).isEqualTo("OUT_OF_STOCK");
        assertThat((String) cancelled.get("status_detail")).contains("OUT_OF_STOCK (1 requested, 0 available)");

        Map<String, Object> stock = stock(productId);
        assertThat(((Number) stock.get("on_hand")).intValue()).isEqualTo(1);
        assertThat(((Number) stock.get("reserved")).intValue()).isEqualTo(1);
        assertThat(((Number) stock.get("ledger")).intValue()).isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentOrAFraudRejectCancelsAndReleasesTheReservation() {
        String productId = stockedProduct(10);
        String customerId = Platform.createCustomer("decline-" + UUID.randomUUID() + "@example.com");
        String declined = place(customerId, productId, 3, "tok_decline");
        String rejected = place(customerId, productId, 4, "tok_approve");
        awaitReserved(productId, 7);
        fraud(declined, FraudAssessed.APPROVE);
        fraud(rejected, FraudAssessed.REJECT);
        awaitFinal(declined, "CANCELLED");
        awaitFinal(rejected, "CANCELLED");
        assertThat(order(declined).get("cancel_reason")).isEqualTo("PAYMENT_DECLINED");
        assertThat(order(rejected).get("cancel_reason")).isEqualTo("FRAUD_REJECTED");
        awaitReserved(productId, 0);
        assertThat(CATALOG_DB.query("SELECT DISTINCT status FROM stock_reservation WHERE product_id = ?", productId))
                .extracting(r -> r.get("status")).containsExactly("RELEASED");
    }

    @Test
    void anOrderWhoseFraudAnswerNeverComesIsCancelledAfterTheTimeoutAndItsStockReleased() {
        String productId = stockedProduct(5);
        String customerId = Platform.createCustomer("timeout-" + UUID.randomUUID() + "@example.com");
        String orderId = place(customerId, productId, 2, "tok_approve");
        awaitReserved(productId, 2);
        assertThat(order(orderId).get("status")).isEqualTo("PENDING");

        await().atMost(SAGA_TIMEOUT.plus(Deadlines.ASYNC)).untilAsserted(() ->
                assertThat(order(orderId).get("status")).isEqualTo("CANCELLED"));
        assertThat(order(orderId).get("cancel_reason")).isEqualTo("TIMEOUT");
        assertThat((String) order(orderId).get("status_detail")).contains("stock RESERVED, fraud none");
        awaitReserved(productId, 0);
        assertThat(((Number) stock(productId).get("ledger")).intValue()).isEqualTo(5);
    }
}
