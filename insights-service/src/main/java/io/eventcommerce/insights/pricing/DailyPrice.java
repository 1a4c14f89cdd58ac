package io.eventcommerce.insights.pricing;

import io.eventcommerce.analytics.elasticity.PriceObservation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One product's counted sales of one day: the units and what they brought, and whether any of the day's orders
 * carried a discount. The day's price is the average unit price, line_total / quantity over its lines.
 */
public record DailyPrice(LocalDate day, long units, double lineTotal, boolean discounted) {

    /** The estimator's observation, none for a day without units or revenue (no price to speak of). */
    public Optional<PriceObservation> observation() {
        return observation(day -> 1);
    }

    /** The observation at the shop's demand level of its day ({@link PriceObservation#exposure()}). */
    public Optional<PriceObservation> observation(ToDoubleFunction<LocalDate> exposure) {
        if (units <= 0 || !(lineTotal > 0)) {
            return Optional.empty();
        }
        return Optional.of(new PriceObservation(lineTotal / units, units, discounted, day.getDayOfWeek(),
                exposure.applyAsDouble(day)));
    }

    /**
     * Every day from the first to the last of {@code sales} (days with a price, in day order), each at the price of
     * the nearest day with a sale (the earlier on a tie) and with its units, 0 where nothing sold: a slow seller's
     * history for a count model. Read models keep no price history, so a day without a sale takes its price from its
     * neighbours; a price change is placed halfway between the last sale at the old price and the first at the new.
     */
    public static List<PriceObservation> everyDay(List<DailyPrice> sales) {
        return everyDay(sales, day -> 1);
    }

    /** {@link #everyDay(List)}, each day at the shop's demand level of that day. */
    public static List<PriceObservation> everyDay(List<DailyPrice> sales, ToDoubleFunction<LocalDate> exposure) {
        List<DailyPrice> priced = sales.stream().filter(d -> d.observation().isPresent()).toList();
        List<PriceObservation> days = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            DailyPrice sale = priced.get(i);
            PriceObservation observed = sale.observation(exposure).orElseThrow();
            days.add(observed);
            if (i + 1 < priced.size()) {
                DailyPrice next = priced.get(i + 1);
                double nextPrice = next.observation().orElseThrow().price();
                long gap = next.day().toEpochDay() - sale.day().toEpochDay();
                for (long d = 1; d < gap; d++) {
                    LocalDate day = sale.day().plusDays(d);
                    days.add(new PriceObservation(d <= gap - d ? observed.price() : nextPrice, 0, false,
                            day.getDayOfWeek(), exposure.applyAsDouble(day)));
                }
            }
        }
        return days;
    }
}
