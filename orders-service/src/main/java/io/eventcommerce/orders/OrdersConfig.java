package io.eventcommerce.orders;

import io.eventcommerce.orders.order.domain.SagaPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Set;

/** orders-service's own settings ({@code orders.*}). */
@ConfigMapping(prefix = "orders")
public interface OrdersConfig {

    Saga saga();

    Returns returns();

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
