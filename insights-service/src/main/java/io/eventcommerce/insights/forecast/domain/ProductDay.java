package io.eventcommerce.insights.forecast.domain;

import io.eventcommerce.analytics.forecast.Covariates;
import io.eventcommerce.analytics.elasticity.PriceObservation;
import io.eventcommerce.insights.pricing.DailyPrice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One product's counted sales of one day as the forecast's covariates want them: units, their list value (line
 * totals, before the order discount) and the discounted units, each line's quantity weighted by its order's
 * discount rate ({@code order_fact.discount / gross}: the order discount falls on the lines pro rata).
 *
 * @param discountedUnits Σ quantity × discount / gross over the day's lines
 */
public record ProductDay(LocalDate day, long units, double lineTotal, double discountedUnits) {

    /**
     * The covariates of {@code series} (a product's units) from its sales days, sorted by day: the relative price
     * of each day is the pricing package's {@link DailyPrice#everyDay} (the day's mean list price, a day without a
     * sale priced from its nearest sales), before the first priced day the first price and after the last one the
     * last price (it holds); the promotion intensity is the day's mean discount rate of its units, 0 on a day
     * without sales. {@code null} when no day has a price.
     */
    public static Covariates covariates(DailySeries series, List<ProductDay> days) {
        List<DailyPrice> sales = days.stream()
                .map(d -> new DailyPrice(d.day(), d.units(), d.lineTotal(), d.discountedUnits() > 0)).toList();
        List<PriceObservation> everyDay = DailyPrice.everyDay(sales);
        if (everyDay.isEmpty()) {
            return null;
        }
        LocalDate firstPriced = sales.stream().filter(s -> s.observation().isPresent()).findFirst().orElseThrow()
                .day();
        int n = series.units().length;
        double[] price = new double[n];
        double[] promotion = new double[n];
        for (int t = 0; t < n; t++) {
            long at = ChronoUnit.DAYS.between(firstPriced, series.first().plusDays(t));
            price[t] = everyDay.get((int) Math.max(0, Math.min(everyDay.size() - 1, at))).price();
        }
        for (ProductDay d : days) {
            long t = ChronoUnit.DAYS.between(series.first(), d.day());
            if (t >= 0 && t < n && d.units() > 0) {
                promotion[(int) t] = Math.max(0, Math.min(1, d.discountedUnits() / d.units()));
            }
        }
        return Covariates.ofPrices(price, promotion);
    }
}
