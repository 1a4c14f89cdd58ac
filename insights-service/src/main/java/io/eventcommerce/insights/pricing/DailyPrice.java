package io.eventcommerce.insights.pricing;

import io.eventcommerce.analytics.elasticity.PriceObservation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One product's counted sales of one day: the units and what they brought, and whether any of the day's orders
 * carried a discount. The day's price is the average unit price, line_total / quantity over its lines.
 */
public record DailyPrice(LocalDate day, long units, double lineTotal, boolean discounted) {

    /** The estimator's observation, none for a day without units or revenue (no price to speak of). */
    public Optional<PriceObservation> observation() {
        if (units <= 0 || !(lineTotal > 0)) {
            return Optional.empty();
        }
        return Optional.of(new PriceObservation(lineTotal / units, units, discounted, day.getDayOfWeek()));
    }
}
