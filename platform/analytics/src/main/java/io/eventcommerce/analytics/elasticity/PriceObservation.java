package io.eventcommerce.analytics.elasticity;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * One period (typically a day) of one product: the price it sold at, the units sold, whether a promotion ran and
 * the weekday, which the regression can control for so weekend peaks and promotion spikes are not read as price
 * response; and the exposure, the level of the whole shop's demand in that period (e.g. the units of every other
 * product over the week around the day), which the regression takes as given (log offset), so a price that happened
 * to hold through the December peak is not read as demand that rises with price. 1 where it is not known.
 */
public record PriceObservation(double price, double quantity, boolean promotion, DayOfWeek dayOfWeek,
                               double exposure) {

    public PriceObservation {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and >= 0, was " + quantity);
        }
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite and > 0, was " + exposure);
        }
    }

    /** An observation without a known exposure (the shop's demand level taken as constant). */
    public PriceObservation(double price, double quantity, boolean promotion, DayOfWeek dayOfWeek) {
        this(price, quantity, promotion, dayOfWeek, 1);
    }

    /** The same observation at {@code level}, the shop's demand level of its period. */
    public PriceObservation withExposure(double level) {
        return new PriceObservation(price, quantity, promotion, dayOfWeek, level);
    }
}
