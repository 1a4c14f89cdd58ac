package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrostonTest {

    /** Demands of 3, 5 and 2 on days 3, 5 and 9: intervals 3, 2 and 4. */
    private static final double[] Y = {0, 0, 3, 0, 5, 0, 0, 0, 2, 0};

    @Test
    void smoothsSizesAndIntervalsOnDemandDays() {
        // sizes 3 → 3 + 0.1 (5 − 3) = 3.2 → 3.2 + 0.1 (2 − 3.2) = 3.08
        // intervals 3 → 3 + 0.1 (2 − 3) = 2.9 → 2.9 + 0.1 (4 − 2.9) = 3.01
        Forecast f = Croston.classic(0.1).fit(Y).forecast(3);

        double r = 3.08 / 3.01;
        assertThat(f.mean()).containsExactly(new double[] {r, r, r}, within(1e-12));
        assertThat(f.model()).isEqualTo("croston");
    }

    @Test
    void sbaTakesOffHalfAlpha() {
        assertThat(Croston.sba(0.1).rate(Y)).isCloseTo(0.95 * 3.08 / 3.01, within(1e-12));
        assertThat(Croston.sba(0.1).name()).isEqualTo("sba");
    }

    @Test
    void intervalsAreQuantilesOfOneStepErrors() {
        // in-sample forecasts from day 4 on: 1 (3/3) until day 5, then 3.2/2.9 → errors known by hand
        double r1 = 1.0;
        double r2 = 3.2 / 2.9;
        double[] errors = {0 - r1, 5 - r1, 0 - r2, 0 - r2, 0 - r2, 2 - r2, 0 - 3.08 / 3.01};
        java.util.Arrays.sort(errors);
        Forecast f = Croston.classic(0.1).fit(Y).forecast(2);
        double rate = 3.08 / 3.01;

        assertThat(f.upper95()[1]).isCloseTo(rate + Croston.quantile(errors, 0.975), within(1e-12));
        assertThat(f.lower80()[0]).isCloseTo(rate + Croston.quantile(errors, 0.10), within(1e-12));
        // type-7 quantile by hand: 0.9 × 6 = 5.4 → e(5) + 0.4 (e(6) − e(5))
        assertThat(Croston.quantile(errors, 0.9)).isCloseTo(errors[5] + 0.4 * (errors[6] - errors[5]),
                within(1e-12));
    }

    @Test
    void noDemandForecastsZero() {
        assertThat(Croston.sba(0.1).rate(new double[10])).isZero();
    }
}
