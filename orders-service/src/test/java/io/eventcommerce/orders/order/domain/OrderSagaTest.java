package io.eventcommerce.orders.order.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the saga's answers do to an order (Order.advance), and that illegal moves change nothing. */
class OrderSagaTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final SagaPolicy BOTH = new SagaPolicy(true, true, Duration.ofMinutes(15), Duration.ofDays(3));
    private static final SagaPolicy STOCK_ONLY = new SagaPolicy(true, false, Duration.ofMinutes(15),
            Duration.ofDays(3));

    static Order order(SagaPolicy policy) {
        OrderLine line = new OrderLine(1, UUID.randomUUID(), "SKU-1", "Kettle", 2, new BigDecimal("10.00"), 0);
        OrderPricing.Result priced = new OrderPricing.Result(List.of(line), "USD", new BigDecimal("20.00"), List.of());
        return Order.place(UUID.randomUUID(), priced, new Order.Placement(UUID.randomUUID(), Channel.WEB, null, null,
                null, UUID.randomUUID(), null, null), policy, NOW);
    }

    static Stream<Arguments> answers() {
        Consumer<Order> reserved = o -> o.recordStock(true, null, NOW);
        Consumer<Order> rejected = o -> o.recordStock(false, "line 1: OUT_OF_STOCK", NOW);
        Consumer<Order> approve = o -> o.recordFraud("APPROVE", new BigDecimal("0.1"), List.of(), NOW);
        Consumer<Order> review = o -> o.recordFraud("REVIEW", new BigDecimal("0.6"), List.of(), NOW);
        Consumer<Order> reject = o -> o.recordFraud("REJECT", new BigDecimal("0.9"), List.of(), NOW);
        return Stream.of(
                Arguments.of("reserved + approve", List.of(reserved, approve), OrderStatus.CONFIRMED, null),
                Arguments.of("approve + reserved", List.of(approve, reserved), OrderStatus.CONFIRMED, null),
                Arguments.of("reserved only", List.of(reserved), OrderStatus.PENDING, null),
                Arguments.of("approve only", List.of(approve), OrderStatus.PENDING, null),
                Arguments.of("rejected first", List.of(rejected), OrderStatus.CANCELLED, CancelReason.OUT_OF_STOCK),
                Arguments.of("approve + rejected", List.of(approve, rejected), OrderStatus.CANCELLED,
                        CancelReason.OUT_OF_STOCK),
                Arguments.of("reserved + reject", List.of(reserved, reject), OrderStatus.CANCELLED,
                        CancelReason.FRAUD_REJECTED),
                Arguments.of("review", List.of(review), OrderStatus.ON_HOLD, null),
                Arguments.of("review + reserved", List.of(review, reserved), OrderStatus.ON_HOLD, null),
                Arguments.of("review + reserved + approve", List.of(review, reserved, approve), OrderStatus.CONFIRMED,
                        null),
                Arguments.of("review + reserved + reject", List.of(review, reserved, reject), OrderStatus.CANCELLED,
                        CancelReason.FRAUD_REJECTED),
                Arguments.of("review + rejected", List.of(review, rejected), OrderStatus.CANCELLED,
                        CancelReason.OUT_OF_STOCK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answersDecideTheOrder(String name, List<Consumer<Order>> steps, OrderStatus expected, CancelReason reason) {
        Order order = order(BOTH);
        for (Consumer<Order> step : steps) {
            step.accept(order);
            order.advance(BOTH, NOW);
        }
        assertThat(order.status()).isEqualTo(expected);
        assertThat(order.cancelReason()).isEqualTo(reason);
        assertThat(order.sagaDeadline() == null).isEqualTo(!expected.awaitsSaga());
    }

    @Test
    void withoutAFraudServiceTheStockAnswerIsEnough() {
        Order order = order(STOCK_ONLY);
        order.recordStock(true, null, NOW);
        assertThat(order.advance(STOCK_ONLY, NOW)).contains(OrderStatus.CONFIRMED);
    }

    @Test
    void aReviewGetsItsOwnDeadline() {
        Order order = order(BOTH);
        assertThat(order.sagaDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        order.recordFraud("REVIEW", BigDecimal.ONE, List.of(), NOW);
        order.advance(BOTH, NOW);
        assertThat(order.sagaDeadline()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void aFinalVerdictIsNotOverturnedAndASecondStockAnswerIsIgnored() {
        Order order = order(BOTH);
        assertThat(order.recordFraud("APPROVE", BigDecimal.ZERO, List.of(), NOW)).isTrue();
        assertThat(order.recordFraud("REJECT", BigDecimal.ONE, List.of(), NOW)).isFalse();
        assertThat(order.recordStock(true, null, NOW)).isTrue();
        assertThat(order.recordStock(false, "late", NOW)).isFalse();
        assertThat(order.advance(BOTH, NOW)).contains(OrderStatus.CONFIRMED);
    }

    @Test
    void anIllegalMoveIsRefusedAndChangesNothing() {
        Order order = order(BOTH);
        assertThatThrownBy(() -> order.markPaid(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("An order that is PENDING cannot become PAID");
        assertThatThrownBy(() -> order.markShipped(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        order.cancel(CancelReason.CUSTOMER_REQUEST, "changed my mind", NOW);
        assertThatThrownBy(() -> order.cancel(CancelReason.TIMEOUT, "again", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(order.cancelReason()).isEqualTo(CancelReason.CUSTOMER_REQUEST);
        assertThat(order.advance(BOTH, NOW)).isEmpty();
    }
}
