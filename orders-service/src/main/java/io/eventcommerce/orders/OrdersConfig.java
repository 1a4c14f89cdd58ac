package io.eventcommerce.orders;

import io.eventcommerce.orders.order.domain.SagaPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** orders-service's own settings ({@code orders.*}). */
@ConfigMapping(prefix = "orders")
public interface OrdersConfig {

    Saga saga();

    Returns returns();

    Payment payment();

    Idempotency idempotency();

    DailyTotals dailyTotals();

    /** The daily totals checkpoint (DailyOrderTotals on orders.totals, docs/reconciliation.md). */
    interface DailyTotals {

        /** When each instance tries to publish the closed days (read by the scheduler's expression); off in tests. */
        @WithDefault("0 20 0 * * ?")
        String cron();

        /** How many closed days back a scheduled run publishes those not published yet (a missed night). */
        @WithDefault("3")
        int catchUpDays();
    }

    interface Idempotency {

        /** How long an Idempotency-Key of POST /orders is remembered (then purged). */
        @WithDefault("PT24H")
        Duration retention();

        /** How often expired keys are purged (read by the scheduler's expression). */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** How a CONFIRMED order is charged and, failing that, let go (docs/payments.md). */
    interface Payment {

        /**
         * Which gateway takes the money. The built-in simulator moves no money and approves test tokens, so it runs
         * only if this says {@code simulator} explicitly (set in %dev and %test, and in the demo deployments).
         */
        Optional<String> gateway();

        /**
         * When the scheduler takes over a charge the OrderConfirmed consumer did not finish (crashed, or the gateway
         * was unavailable).
         */
        @WithDefault("PT15S")
        Duration firstRetryAfter();

        /** The wait after the n-th failed attempt is this times 2^(n-1), at most {@link #maxBackoff()}. */
        @WithDefault("PT5S")
        Duration backoff();

        @WithDefault("PT1M")
        Duration maxBackoff();

        /** After this long in CONFIRMED the charge is not retried; the gateway is asked what became of it. */
        @WithDefault("PT5M")
        Duration reconcileAfter();

        /**
         * After this long in CONFIRMED with the gateway unreachable the order is cancelled (PAYMENT_FAILED), stock
         * released, and a void of the charge is left pending so a late capture is given back.
         */
        @WithDefault("PT30M")
        Duration timeout();

        /** How often the payment and refund schedulers look for due work (read by their expressions). */
        @WithDefault("5s")
        String checkEvery();

        /** The wait before attempt n+1, n ≥ 1 attempts having failed. */
        default Duration backoffAfter(int failedAttempts) {
            Duration wait = backoff().multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
            return wait.compareTo(maxBackoff()) > 0 ? maxBackoff() : wait;
        }
    }

    interface Returns {

        /** How long after delivery an order may be returned. */
        @WithDefault("P30D")
        Duration window();
    }

    interface Saga {

        /**
         * The answers an order waits for before it is charged: {@code stock}, {@code fraud}, or both (the default).
         * A deployment without compliance-service sets {@code stock}.
         */
        @WithDefault("stock,fraud")
        Set<String> await();

        /** How long a PENDING order waits for its answers before it is cancelled. */
        @WithDefault("PT15M")
        Duration replyTimeout();

        /** How long an order ON_HOLD waits for an officer's decision before it is cancelled. */
        @WithDefault("P3D")
        Duration reviewTimeout();

        default SagaPolicy policy() {
            return new SagaPolicy(await().contains("stock"), await().contains("fraud"), replyTimeout(),
                    reviewTimeout());
        }
    }
}
