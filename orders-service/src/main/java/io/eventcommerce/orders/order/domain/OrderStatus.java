package io.eventcommerce.orders.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its lifecycle, and the only moves it can make. {@link #canMoveTo} is the whole state machine;
 * {@link Order} refuses any other move with an {@link IllegalTransitionException}.
 *
 * <pre>
 * PENDING ──► ON_HOLD ──► CONFIRMED ──► PAID ──► SHIPPED ──► DELIVERED ──► RETURNED
 *    │           │            │           │
 *    └───────────┴────────────┴───────────┴──► CANCELLED
 * PENDING ──► CONFIRMED (no review needed)
 * </pre>
 */
public enum OrderStatus {
    /** Accepted and priced; waiting for the saga's stock and fraud answers. */
    PENDING,
    /** The fraud check asked for a human review. */
    ON_HOLD,
    /**
     * Stock reserved and fraud approved; the payment is being taken, retried and reconciled until its deadline
     * ({@code orders.payment.timeout}), then cancelled (docs/payments.md).
     */
    CONFIRMED,
    /** Payment captured; waiting to ship. */
    PAID,
    SHIPPED,
    DELIVERED,
    /** Delivered and sent back; refunded. Final. */
    RETURNED,
    /** Will not be fulfilled; anything held for it is released and anything paid is refunded. Final. */
    CANCELLED;

    private Set<OrderStatus> next;

    static {
        PENDING.next = EnumSet.of(ON_HOLD, CONFIRMED, CANCELLED);
        ON_HOLD.next = EnumSet.of(CONFIRMED, CANCELLED);
        CONFIRMED.next = EnumSet.of(PAID, CANCELLED);
        PAID.next = EnumSet.of(SHIPPED, CANCELLED);
        SHIPPED.next = EnumSet.of(DELIVERED);
        DELIVERED.next = EnumSet.of(RETURNED);
        RETURNED.next = EnumSet.noneOf(OrderStatus.class);
        CANCELLED.next = EnumSet.noneOf(OrderStatus.class);
    }

    public boolean canMoveTo(OrderStatus target) {
        return next.contains(target);
    }

    public Set<OrderStatus> next() {
        return next.isEmpty() ? EnumSet.noneOf(OrderStatus.class) : EnumSet.copyOf(next);
    }

    public boolean isFinal() {
        return next.isEmpty();
    }

    /** Before the saga's answers are in: the states a timeout may end. */
    public boolean awaitsSaga() {
        return this == PENDING || this == ON_HOLD;
    }
}
