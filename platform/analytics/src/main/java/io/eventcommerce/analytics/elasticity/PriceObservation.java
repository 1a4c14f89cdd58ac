package io.eventcommerce.analytics.elasticity;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * One period (typically a day) of one product: the price it sold at, the units sold, whether a promotion ran and
 * the weekday, which the regression can control for so weekend peaks and promotion spikes are not read as price
 * response.
 */
public record PriceObservation(double price, double quantity, boolean promotion, DayOfWeek dayOfWeek) {

    public PriceObservation {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and >= 0, was " + quantity);
        }
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
    }
}
