package io.eventcommerce.compliance.fraud.model;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;

/**
 * The feature computations that need no database: the service gathers the inputs from its tables and calls these,
 * so that training data and live scoring compute a feature the same way.
 */
public final class FeatureFunctions {

    /** Fewer previous orders than this say nothing about a customer's usual amount: the z-score is 0. */
    public static final int MIN_HISTORY_FOR_ZSCORE = 3;

    /** Scales the median absolute deviation to a standard deviation for normally distributed amounts. */
    public static final double MAD_TO_SD = 1.4826;

    /**
     * The MAD's floor as a share of the median: a customer who always spent exactly 50.00 has MAD 0, and 55.00 must
     * not become an infinitely unusual order.
     */
    public static final double MAD_FLOOR_SHARE_OF_MEDIAN = 0.1;

    /** The MAD's absolute floor in currency units, for customers whose median is near 0. */
    public static final double MAD_FLOOR_ABSOLUTE = 1.0;

    private FeatureFunctions() {
    }

    /**
     * {@link Feature#AMOUNT_ZSCORE}: {@code (total - median) / (1.4826 * max(MAD, 10 % of median, 1.00))} over the
     * customer's previous order totals; robust (median and MAD) so that one earlier large order does not hide the
     * next. 0 with fewer than {@value #MIN_HISTORY_FOR_ZSCORE} previous orders. Not capped here: the model's
     * {@link Transform#CAPPED_ZSCORE} caps it.
     */
    public static double robustZScore(BigDecimal total, Collection<BigDecimal> previousTotals) {
        if (previousTotals.size() < MIN_HISTORY_FOR_ZSCORE) {
            return 0.0;
        }
        double[] previous = previousTotals.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        Median median = new Median();
        double med = median.evaluate(previous);
        double[] deviations = new double[previous.length];
        for (int i = 0; i < previous.length; i++) {
            deviations[i] = Math.abs(previous[i] - med);
        }
        double mad = Math.max(median.evaluate(deviations),
                Math.max(MAD_FLOOR_SHARE_OF_MEDIAN * Math.abs(med), MAD_FLOOR_ABSOLUTE));
        return (total.doubleValue() - med) / (MAD_TO_SD * mad);
    }

    /**
     * {@link Feature#NIGHT_TIME}: placed at a UTC hour from 0 to 5. The shipping country's local hour would be the
     * better signal, but a country can span time zones and the service knows no address's zone, so the model uses
     * UTC and learns what that is worth.
     */
    public static boolean nightTimeUtc(Instant placedAt) {
        return placedAt.atOffset(ZoneOffset.UTC).getHour() < 6;
    }

    /**
     * The country-mismatch indicators: true only when both countries are known and differ (case-insensitively); an
     * unknown country (no IP geolocation, no card issuer) is no evidence.
     */
    public static boolean countriesDiffer(String country, String otherCountry) {
        if (country == null || otherCountry == null || country.isBlank() || otherCountry.isBlank()) {
            return false;
        }
        return !country.strip().toUpperCase(Locale.ROOT).equals(otherCountry.strip().toUpperCase(Locale.ROOT));
    }
}
