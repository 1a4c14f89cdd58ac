package io.eventcommerce.insights.market.domain;

/** Growth and shares as ratios (0.18 = +18 %), null where the base is 0: no growth from nothing, no share of 0. */
public final class Ratios {

    private Ratios() {
    }

    /** current / previous − 1, null when previous is not positive. */
    public static Double growth(double current, double previous) {
        return previous > 0 ? current / previous - 1 : null;
    }

    /** part / whole, null when whole is not positive. */
    public static Double share(double part, double whole) {
        return whole > 0 ? part / whole : null;
    }
}
