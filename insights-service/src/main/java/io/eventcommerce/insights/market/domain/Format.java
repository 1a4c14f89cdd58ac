package io.eventcommerce.insights.market.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the market pulse writes numbers: money to the cent, ratios to six places, and both in words. */
public final class Format {

    private Format() {
    }

    public static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(Double value) {
        return value == null || !Double.isFinite(value) ? null
                : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    /** 12,400.00 EUR */
    public static String amount(double value, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", value, currency);
    }

    /** 0.031 → 3.1 % */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** A score or index to three places. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
