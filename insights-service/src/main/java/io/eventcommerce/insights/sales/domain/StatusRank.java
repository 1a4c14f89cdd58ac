package io.eventcommerce.insights.sales.domain;

import java.util.List;

/**
 * How far along its lifecycle an order status is, for moving an order in the revenue-by-status read model: an order
 * only moves forward. An imported order is placed in its final status and the events of its earlier steps follow
 * (docs/events.md, "Backfilling history"); they must not move it back. CANCELLED and RETURNED are final.
 */
public final class StatusRank {

    /** orders-service's OrderStatus in lifecycle order; the two final ones last. */
    private static final List<String> ORDER = List.of("PENDING", "ON_HOLD", "CONFIRMED", "PAID", "SHIPPED",
            "DELIVERED", "RETURNED", "CANCELLED");

    private StatusRank() {
    }

    /** Whether an order in {@code current} moves to {@code next}; an unknown status never moves anything. */
    public static boolean movesForward(String current, String next) {
        int from = ORDER.indexOf(current);
        int to = ORDER.indexOf(next);
        if (from < 0 || to < 0 || isFinal(current)) {
            return false;
        }
        return to > from;
    }

    public static boolean isFinal(String status) {
        return "RETURNED".equals(status) || "CANCELLED".equals(status);
    }
}
