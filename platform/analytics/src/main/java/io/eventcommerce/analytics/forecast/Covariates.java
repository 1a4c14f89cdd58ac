package io.eventcommerce.analytics.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * A series' exogenous daily covariates, aligned with its days (index 0 is the series' first day): what the demand
 * answers besides the calendar and its own past. Only models that {@linkplain Forecaster#usesCovariates use
 * them} read them (gradient-boosted trees); the others forecast from the units alone.
 *
 * <ul>
 *   <li>{@code relativePrice}: the day's (list) unit price over the series' reference price, the median daily
 *   price of the days given ({@link #ofPrices}). The reference being one constant, trees split on the same
 *   orderings whatever it is, so a reference over the whole history leaks nothing into a backtest.</li>
 *   <li>{@code promotion}: the promotion intensity of the day, the mean discount rate of the units sold that day
 *   (0 no discount, 0.2 every unit 20 % off, 0.1 half of them 20 % off); 0 on a day without sales.</li>
 * </ul>
 *
 * <p>The arrays may be longer than the history: days after it are <em>known</em> future values (a planned price or
 * campaign). Beyond the days given, the future follows the hold rule ({@link #priceAt}, {@link #promotionAt}): the
 * last known price holds, and the promotion intensity is its mean over the last {@value #RECENT_DAYS} known days.
 * A backtest gives a model only {@link #upTo upTo(origin)}, so every fold's future is the hold rule and no fold
 * sees a covariate of a day after its origin.
 *
 * @param relativePrice day's price over the reference price, positive
 * @param promotion day's promotion intensity, in {@code [0, 1]}
 */
public record Covariates(double[] relativePrice, double[] promotion) {

    /** The names a selection reports when its model used the covariates. */
    public static final List<String> NAMES = List.of("relative_price", "promotion");
    /** Known days whose mean promotion intensity the future holds. */
    public static final int RECENT_DAYS = 28;

    public Covariates {
        if (relativePrice.length == 0 || relativePrice.length != promotion.length) {
            throw new IllegalArgumentException("price and promotion need the same, non-zero number of days");
        }
        for (int t = 0; t < relativePrice.length; t++) {
            if (!(relativePrice[t] > 0) || !Double.isFinite(relativePrice[t])
                    || !(promotion[t] >= 0 && promotion[t] <= 1)) {
                throw new IllegalArgumentException("day " + t + ": price must be positive and finite, promotion"
                        + " in [0, 1]");
            }
        }
        relativePrice = relativePrice.clone();
        promotion = promotion.clone();
    }

    /** Covariates of absolute daily prices, made relative to their median. */
    public static Covariates ofPrices(double[] price, double[] promotion) {
        double[] sorted = price.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double[] relative = new double[n];
        for (int t = 0; t < n; t++) {
            relative[t] = price[t] / median;
        }
        return new Covariates(relative, promotion);
    }

    /** Days known (history, plus any known future). */
    public int days() {
        return relativePrice.length;
    }

    /** The first {@code days} days only: what a backtest origin after them may know. */
    public Covariates upTo(int days) {
        if (days < 1 || days > days()) {
            throw new IllegalArgumentException("between 1 and " + days() + " days, got " + days);
        }
        return days == days() ? this
                : new Covariates(Arrays.copyOf(relativePrice, days), Arrays.copyOf(promotion, days));
    }

    /** The relative price of day {@code t}; after the known days, the last known one holds. */
    public double priceAt(int t) {
        return relativePrice[Math.min(t, days() - 1)];
    }

    /** The promotion intensity of day {@code t}; after the known days, the mean of the last {@value #RECENT_DAYS}. */
    public double promotionAt(int t) {
        if (t < days()) {
            return promotion[t];
        }
        int from = Math.max(0, days() - RECENT_DAYS);
        double sum = 0;
        for (int i = from; i < days(); i++) {
            sum += promotion[i];
        }
        return sum / (days() - from);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariates c && Arrays.equals(relativePrice, c.relativePrice)
                && Arrays.equals(promotion, c.promotion);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(relativePrice) + Arrays.hashCode(promotion);
    }

    @Override
    public String toString() {
        return "Covariates[" + days() + " days]";
    }
}
