package io.eventcommerce.orders.order.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A CONFIRMED order's payment deadlines (Order.awaitPayment and what clears them), and the fraud reasons kept. */
class PaymentDeadlinesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final SagaPolicy BOTH = new SagaPolicy(true, true, Duration.ofMinutes(15), Duration.ofDays(3));

    private static Order confirmed() {
        Order order = OrderSagaTest.order(BOTH);
        order.recordStock(true, null, NOW);
        order.recordFraud("APPROVE", new BigDecimal("0.1"), List.of("VELOCITY", "NEW_ACCOUNT"), NOW);
        assertThat(order.advance(BOTH, NOW)).contains(OrderStatus.CONFIRMED);
        order.awaitPayment(NOW.plusSeconds(15), NOW.plusSeconds(300), NOW.plusSeconds(1800));
        return order;
    }

    @Test
    void aConfirmedOrderWaitsForItsPaymentUntilADeadline() {
        Order order = confirmed();
        assertThat(order.paymentNextAttemptAt()).isEqualTo(NOW.plusSeconds(15));
        assertThat(order.paymentReconcileAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(order.sagaDeadline()).isEqualTo(NOW.plusSeconds(1800));
        assertThat(order.fraudReasons()).containsExactly("VELOCITY", "NEW_ACCOUNT");

        order.paymentAttemptFailed("gateway unavailable", NOW.plusSeconds(20), NOW.plusSeconds(1));
        assertThat(order.paymentAttempts()).isEqualTo(1);
        assertThat(order.paymentLastError()).isEqualTo("gateway unavailable");
        assertThat(order.paymentNextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void paidOrCancelledNothingIsDueAnyMore() {
        Order paid = confirmed();
        paid.markPaid(NOW);
        assertThat(paid.paymentNextAttemptAt()).isNull();
        assertThat(paid.sagaDeadline()).isNull();

        Order cancelled = confirmed();
        cancelled.cancel(CancelReason.PAYMENT_FAILED, "no answer", NOW);
        assertThat(cancelled.paymentNextAttemptAt()).isNull();
        assertThat(cancelled.sagaDeadline()).isNull();
    }

    @Test
    void onlyAConfirmedOrderAwaitsPayment() {
        Order pending = OrderSagaTest.order(BOTH);
        assertThatThrownBy(() -> pending.awaitPayment(NOW, NOW, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(pending.paymentNextAttemptAt()).isNull();
        assertThat(pending.fraudReasons()).isEmpty();
    }
}
