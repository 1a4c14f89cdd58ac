package io.eventcommerce.analytics.rfm;

import java.util.Objects;

/**
 * One customer's order summary as of the scoring day: days since their last order, number of orders and revenue
 * over the window the caller chose (typically all time or the last year).
 */
public record CustomerActivity(String customerId, double daysSinceLastOrder, double orders, double revenue) {

    public CustomerActivity {
        Objects.requireNonNull(customerId, "customerId");
        if (!(daysSinceLastOrder >= 0) || !(orders >= 0) || !Double.isFinite(revenue)
                || Double.isInfinite(daysSinceLastOrder) || Double.isInfinite(orders)) {
            throw new IllegalArgumentException("need finite daysSinceLastOrder >= 0, orders >= 0 and revenue for "
                    + customerId);
        }
    }
}
