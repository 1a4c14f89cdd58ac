package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.testkit.TopicProbe;
import io.eventcommerce.orders.payment.gateway.GatewayUnavailableException;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.orders.payment.gateway.SimulatedPaymentGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.fraud;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.sendEvent;
import static io.eventcommerce.orders.OrdersFixtures.stockReserved;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every non-final state has a deadline and a way out (docs/payments.md): the payment step over a gateway that fails,
 * one that never answers, cancel racing shipment, a 0.00 order. The test plays catalog-service and
 * compliance-service; the simulator's own ledger ({@code simulated_gateway_call}) is the gateway's side of the truth.
 * Deadlines are the short ones of the test profile (application.properties).
 */
@QuarkusTest
class PaymentRecoveryIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    SimulatedPaymentGateway simulator;

    private static String placeOrder(String paymentToken, String price, String promotionCode) {
        String customerId = createCustomer();
        UUID product = productInReplica(price);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("customerId", customerId,
                "paymentToken", paymentToken,
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 2))));
        if (promotionCode != null) {
            body.put("promotionCode", promotionCode);
        }
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(deliverable(body))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static String confirmed(String paymentToken) {
        String orderId = placeOrder(paymentToken, "20.00", null);
        stockReserved(orderId);
        fraud(orderId, "APPROVE", null);
        return orderId;
    }

    private static void awaitStatus(String orderId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(order(orderId).get("status")).isEqualTo(status));
    }

    private static Map<String, Object> order(String orderId) {
        return ORDERS.query("SELECT * FROM customer_order WHERE id = ?", orderId).get(0);
    }

    private static List<Map<String, Object>> ledger(String key) {
        return ORDERS.query("SELECT * FROM simulated_gateway_call WHERE idem_key = ?", key);
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && ((Number) value).intValue() != 0;
    }

    @Test
    void aGatewayThatFailsTwiceThenWorksEndsPaidWithExactlyOneCapture() {
        String orderId = confirmed("tok_flaky_2");
        awaitStatus(orderId, "PAID");

        assertThat(ORDERS.query("SELECT * FROM payment WHERE order_id = ?", orderId)).singleElement()
                .satisfies(p -> assertThat(p.get("status")).isEqualTo("CAPTURED"));
        List<Map<String, Object>> calls = ledger("charge-" + orderId);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(truthy(call.get("approved"))).isTrue();
            assertThat(((Number) call.get("calls")).intValue()).as("two failures, then the capture")
                    .isGreaterThanOrEqualTo(3);
            assertThat(call.get("reference")).isEqualTo(ORDERS.query(
                    "SELECT gateway_reference FROM payment WHERE order_id = ?", orderId).get(0).get("gateway_reference"));
        });
        assertThat(((Number) order(orderId).get("payment_attempts")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPaid")).isNotNull();
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment_refund WHERE order_id = ?", orderId)).isZero();
    }

    @Test
    void aGatewayThatNeverAnswersCancelsTheOrderAtItsDeadlineAndLeavesAVoid() {
        String orderId = confirmed("tok_unresponsive");
        awaitStatus(orderId, "CANCELLED");

        assertThat(order(orderId)).containsEntry("cancel_reason", "PAYMENT_FAILED");
        OrderCancelled cancelled = EventCodec.data(EventCodec.parse(
                TopicProbe.await(Topics.ORDERS_ORDER, r -> r.key().equals(orderId)
                        && r.value().contains("\"OrderCancelled\""), PATIENCE).value()), OrderCancelled.TYPE);
        assertThat(cancelled.reason()).isEqualTo("PAYMENT_FAILED");
        assertThat(cancelled.previousStatus()).isEqualTo("CONFIRMED");
        assertThat(ORDERS.count("SELECT COUNT(*) FROM payment WHERE order_id = ?", orderId)).isZero();
        // The gateway may still have captured: a void is left for the charge's key (the simulator never answers it).
        assertThat(ORDERS.query("SELECT * FROM payment_refund WHERE order_id = ?", orderId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("charge_key")).isEqualTo("charge-" + orderId);
                    assertThat(r.get("payment_id")).isNull();
                    assertThat(r.get("status")).isEqualTo("PENDING");
                });
        assertThat(ledger("charge-" + orderId)).singleElement()
                .satisfies(call -> assertThat(call.get("approved")).isNull());
    }

    @Test
    void cancelRacingShipmentHasExactlyOneWinnerAndOnlyACancelRefundsOnce() throws Exception {
        int n = 6;
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orderIds.add(confirmed("tok_approve"));
        }
        orderIds.forEach(id -> awaitStatus(id, "PAID"));

        ExecutorService pool = Executors.newFixedThreadPool(2 * n);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> cancels = new ArrayList<>();
        List<CompletableFuture<Integer>> shipments = new ArrayList<>();
        try {
            for (String orderId : orderIds) {
                cancels.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(start);
                    return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of())
                            .post("/orders/" + orderId + "/cancel").statusCode();
                }, pool));
                shipments.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(start);
                    return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                            .body(Map.of("carrier", "DHL", "trackingNumber", "R" + UUID.randomUUID()
                                    .toString().substring(0, 12)))
                            .post("/orders/" + orderId + "/shipments").statusCode();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            CompletableFuture.allOf(shipments.toArray(CompletableFuture[]::new))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < n; i++) {
            String orderId = orderIds.get(i);
            int cancel = cancels.get(i).get();
            int ship = shipments.get(i).get();
            assertThat(List.of(cancel, ship)).as("order %s: cancel %d, ship %d", orderId, cancel, ship)
                    .containsExactlyInAnyOrder(cancel == 200 ? 200 : 201, 409);
            String paymentId = (String) ORDERS.query("SELECT id FROM payment WHERE order_id = ?", orderId).get(0)
                    .get("id");
            if (cancel == 200) {
                assertThat(order(orderId).get("status")).isEqualTo("CANCELLED");
                assertThat(ORDERS.count("SELECT COUNT(*) FROM shipment WHERE order_id = ?", orderId)).isZero();
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(ORDERS.query(
                        "SELECT status FROM payment_refund WHERE order_id = ?", orderId)).singleElement()
                        .satisfies(r -> assertThat(r.get("status")).isEqualTo("REFUNDED")));
                Map<String, Object> refund = ORDERS.query("SELECT * FROM payment_refund WHERE order_id = ?",
                        orderId).get(0);
                assertThat(refund.get("payment_id")).isEqualTo(paymentId);
                assertThat(ledger("refund-" + paymentId)).singleElement().satisfies(call -> {
                    assertThat(truthy(call.get("approved"))).isTrue();
                    assertThat(call.get("reference")).isEqualTo(refund.get("gateway_reference"));
                });
                assertThat(ORDERS.query("SELECT status, refunded_amount FROM payment WHERE order_id = ?", orderId))
                        .singleElement().satisfies(p -> {
                            assertThat(p.get("status")).isEqualTo("REFUNDED");
                            assertThat((BigDecimal) p.get("refunded_amount")).isEqualByComparingTo("40.00");
                        });
            } else {
                assertThat(order(orderId).get("status")).isEqualTo("SHIPPED");
                assertThat(ORDERS.count("SELECT COUNT(*) FROM payment_refund WHERE order_id = ?", orderId)).isZero();
                assertThat(ledger("refund-" + paymentId)).isEmpty();
                assertThat(ORDERS.query("SELECT status FROM payment WHERE order_id = ?", orderId).get(0))
                        .containsEntry("status", "CAPTURED");
            }
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancellingWhileThePaymentIsUnsettledVoidsTheChargeAndALateCaptureIsRefunded() {
        String orderId = confirmed("tok_unresponsive");
        awaitStatus(orderId, "CONFIRMED");
        await().atMost(PATIENCE).until(() -> !ledger("charge-" + orderId).isEmpty());
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + orderId + "/cancel").then().statusCode(200);
        assertThat(order(orderId)).containsEntry("status", "CANCELLED").containsEntry("cancel_reason",
                "SUPPORT_REQUEST");
        assertThat(ORDERS.query("SELECT * FROM payment_refund WHERE order_id = ?", orderId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("payment_id")).isNull();
                    assertThat(r.get("status")).isEqualTo("PENDING");
                });

        // The gateway did capture after all (as a real one may, answering late): the void finds it and refunds it.
        String reference = "ch_sim_" + UUID.randomUUID();
        ORDERS.update("UPDATE simulated_gateway_call SET token = 'tok_approve', approved = TRUE, reference = ? "
                + "WHERE idem_key = ?", reference, "charge-" + orderId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ORDERS.query(
                "SELECT status FROM payment_refund WHERE order_id = ?", orderId)).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("REFUNDED")));
        Map<String, Object> payment = ORDERS.query("SELECT * FROM payment WHERE order_id = ?", orderId).get(0);
        assertThat(payment).containsEntry("status", "REFUNDED").containsEntry("gateway_reference", reference);
        assertThat(ledger("refund-" + payment.get("id"))).singleElement()
                .satisfies(call -> assertThat(truthy(call.get("approved"))).isTrue());
        assertThat(TopicProbe.await(Topics.ORDERS_PAYMENT, r -> r.key().equals(orderId)
                && r.value().contains("\"PaymentRefunded\""), PATIENCE).value()).contains("SUPPORT_REQUEST");
        assertThat(order(orderId).get("status")).as("still cancelled, never paid").isEqualTo("CANCELLED");
        assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER)).noneMatch(r -> r.key().equals(orderId)
                && r.value().contains("\"OrderPaid\""));
    }

    @Test
    void anOrderOfZeroIsPaidWithoutCallingTheGateway() {
        String code = "FREE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant lastYear = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        sendEvent(new PromotionCreated(new PromotionSnapshot(UUID.randomUUID(), code, null, "PERCENT",
                new BigDecimal("100"), null, "USD", null, lastYear, lastYear.plus(730, ChronoUnit.DAYS), "ACTIVE",
                0)), "catalog-service");
        await().atMost(PATIENCE).until(() ->
                ORDERS.count("SELECT COUNT(*) FROM catalog_promotion WHERE code = ?", code) == 1);
        String orderId = placeOrder("tok_approve", "15.00", code);
        assertThat((BigDecimal) order(orderId).get("total")).isEqualByComparingTo("0.00");
        stockReserved(orderId);
        fraud(orderId, "APPROVE", null);
        awaitStatus(orderId, "PAID");

        assertThat(ledger("charge-" + orderId)).as("no gateway call").isEmpty();
        assertThat(ORDERS.query("SELECT * FROM payment WHERE order_id = ?", orderId)).singleElement()
                .satisfies(p -> {
                    assertThat(p.get("status")).isEqualTo("CAPTURED");
                    assertThat((BigDecimal) p.get("amount")).isEqualByComparingTo("0.00");
                    assertThat(p.get("gateway_reference")).isEqualTo("no-charge");
                });
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPaid")).isNotNull();
    }

    @Test
    void anOrderOnHoldCarriesTheFraudReasons() {
        String orderId = placeOrder("tok_approve", "20.00", null);
        stockReserved(orderId);
        fraud(orderId, "REVIEW", null);
        awaitStatus(orderId, "ON_HOLD");
        assertThat(order(orderId)).containsEntry("fraud_reasons", "VELOCITY");
        OrderOnHold held = EventCodec.data(EventCodec.parse(TopicProbe.await(Topics.ORDERS_ORDER,
                r -> r.key().equals(orderId) && r.value().contains("\"OrderOnHold\""), PATIENCE).value()),
                OrderOnHold.TYPE);
        assertThat(held.reasons()).containsExactly("VELOCITY");
    }

    @Test
    void theSimulatorAnswersARepeatedKeyFromItsLedger() {
        String key = "charge-" + UUID.randomUUID();
        assertThat(simulator.lookup(key)).isEmpty();
        assertThatThrownBy(() -> simulator.charge("tok_flaky_1", new BigDecimal("9.99"), "USD", key))
                .isInstanceOf(GatewayUnavailableException.class);
        assertThat(simulator.lookup(key)).as("a failed call was never received").isEmpty();
        PaymentGateway.Outcome first = simulator.charge("tok_flaky_1", new BigDecimal("9.99"), "USD", key);
        assertThat(first.approved()).isTrue();
        // The answer lives in the table, not in this instance: a restarted service gets the same one.
        assertThat(simulator.charge("tok_flaky_1", new BigDecimal("9.99"), "USD", key)).isEqualTo(first);
        assertThat(simulator.lookup(key)).contains(first);
        assertThat(ledger(key)).singleElement().satisfies(call -> {
            assertThat(call.get("reference")).isEqualTo(first.reference());
            assertThat(((Number) call.get("calls")).intValue()).isEqualTo(3);
        });

        String unresponsive = "charge-" + UUID.randomUUID();
        assertThatThrownBy(() -> simulator.charge("tok_unresponsive", BigDecimal.ONE, "USD", unresponsive))
                .isInstanceOfSatisfying(GatewayUnavailableException.class, e -> assertThat(e.timedOut()).isTrue());
        assertThatThrownBy(() -> simulator.lookup(unresponsive)).isInstanceOf(GatewayUnavailableException.class);
    }
}
