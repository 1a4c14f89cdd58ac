package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
 * The order saga end to end: orders-service, catalog-service and compliance-service as processes on the real stack,
 * talking only through Kafka. Orders wait for stock and fraud answers; compliance-service answers (Platform sets its
 * thresholds so that the tests' ordinary orders are approved, and its declines rule holds an order for review), and
 * a compliance officer decides held orders through its API.
 */
class OrderSagaIT {

    private static final Database ORDERS_DB = Database.of("orders");
    private static final Database CATALOG_DB = Database.of("catalog");
    private static final Database COMPLIANCE_DB = Database.of("compliance");
    private static final String OFFICER = TestTokens.forRoles("compliance-officer");

    private static String stockedProduct(int onHand) {
        return Platform.stockedProduct(onHand);
    }

    private static String place(String customerId, String productId, int quantity, String paymentToken) {
        return orders(SUPPORT).body(Map.of("customerId", customerId, "shippingAddress", ADDRESS,
                        "paymentToken", paymentToken,
                        "lines", List.of(Map.of("productId", productId, "quantity", quantity))))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    /** A compliance officer's decision on a held order. */
    private static void review(String orderId, String decision) {
        Platform.compliance(OFFICER).body(Map.of("decision", decision, "comment", "system test"))
                .post("/fraud/assessments/" + orderId + "/review").then().statusCode(200);
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
    void declinedPaymentsCancelAndTheHeldOrderAfterThemIsCancelledOrPaidAsTheOfficerDecides() {
        String productId = stockedProduct(10);
        String customerId = Platform.createCustomer("decline-" + UUID.randomUUID() + "@example.com");
        // Approved by compliance-service, declined by the gateway: cancelled, the reservation released.
        for (int i = 0; i < 3; i++) {
            String declined = place(customerId, productId, 1, "tok_decline");
            awaitFinal(declined, "CANCELLED");
            assertThat(order(declined).get("cancel_reason")).isEqualTo("PAYMENT_DECLINED");
        }
        awaitReserved(productId, 0);
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE_DB.count("SELECT COUNT(*) FROM payment_streak "
                + "WHERE customer_id = ? AND declines_in_a_row = 3", customerId) == 1);

        // Three declines in a row: compliance-service holds the next order for an officer, who rejects it. (One
        // unit, as each declined order: an unusual amount would add to the baseline's points, and with the shared
        // test card, its US issuer and this burst they would reach 1, a REJECT whatever the thresholds.)
        String rejected = place(customerId, productId, 1, "tok_approve");
        awaitFinal(rejected, "ON_HOLD");
        awaitReserved(productId, 1);
        review(rejected, "REJECT");
        awaitFinal(rejected, "CANCELLED");
        assertThat(order(rejected).get("cancel_reason")).isEqualTo("FRAUD_REJECTED");
        awaitReserved(productId, 0);
        assertThat(CATALOG_DB.query("SELECT DISTINCT status FROM stock_reservation WHERE product_id = ?", productId))
                .extracting(r -> r.get("status")).containsExactly("RELEASED");

        // The next one is held too (no payment has ended the streak); approved, it is paid.
        String approved = place(customerId, productId, 1, "tok_approve");
        awaitFinal(approved, "ON_HOLD");
        review(approved, "APPROVE");
        awaitFinal(approved, "PAID");
        awaitReserved(productId, 1);
    }

    @Test
    void withComplianceServiceStoppedAnOrderIsCancelledAfterTheTimeoutAndItsStockReleased() {
        String productId = stockedProduct(5);
        String customerId = Platform.createCustomer("timeout-" + UUID.randomUUID() + "@example.com");
        RunningServices services = Platform.services();
        services.kill(PlatformService.COMPLIANCE);
        String orderId;
        try {
            orderId = place(customerId, productId, 2, "tok_approve");
            awaitReserved(productId, 2);
            assertThat(order(orderId).get("status")).isEqualTo("PENDING");
            await().atMost(SAGA_TIMEOUT.plus(Deadlines.ASYNC)).untilAsserted(() ->
                    assertThat(order(orderId).get("status")).isEqualTo("CANCELLED"));
        } finally {
            services.restart(PlatformService.COMPLIANCE, Duration.ofMinutes(3));
        }
        // Back, it answers again once the group has given it the killed instance's partitions (after that member's
        // session timed out): its late answer to this order is the sign, and the next test's orders are answered.
        TopicProbe.awaitKey(Topics.COMPLIANCE_FRAUD, orderId, "FraudAssessed");
        assertThat(order(orderId).get("cancel_reason")).isEqualTo("TIMEOUT");
        assertThat((String) order(orderId).get("status_detail")).contains("stock RESERVED, fraud none");
        awaitReserved(productId, 0);
        assertThat(((Number) stock(productId).get("ledger")).intValue()).isEqualTo(5);
    }
}
