package io.eventcommerce.analytics.forecast;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HoltWintersTest {

    private static final double[] WEEK = {5, 1, 3, 8, 2, 7, 4};

    @Test
    void recoversAPureSeasonalSeries() {
        double[] y = new double[70];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + WEEK[t % 7];
        }
        for (HoltWinters hw : new HoltWinters[] {HoltWinters.additive(7), HoltWinters.damped(7)}) {
            Forecast f = hw.fit(y).forecast(28);
            for (int i = 0; i < 28; i++) {
                assertThat(f.mean()[i]).as("%s day %d", hw.name(), i).isCloseTo(100 + WEEK[(70 + i) % 7],
                        within(1e-9));
            }
        }
    }

    @Test
    void followsTrendAndSeasonThroughNoise() {
        Random rnd = new Random(11);
        int n = 364;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.1 * t + 3 * WEEK[t % 7] + rnd.nextGaussian();
        }
        Forecast f = HoltWinters.additive(7).fit(y).forecast(28);
        for (int i = 0; i < 28; i++) {
            int t = n + i;
            assertThat(f.mean()[i]).isCloseTo(50 + 0.1 * t + 3 * WEEK[t % 7], within(1.5));
        }
        // the one-step interval is about ±1.28 σ with σ = 1
        assertThat(f.upper80()[0] - f.mean()[0]).isCloseTo(Forecast.Z80, within(0.15));
    }

    @Test
    void anUpdateKeepsTheParametersAndRunsTheStatesOn() {
        double[] y = Simulated.seasonalTrend(new Random(13), 400);
        double[] prefix = java.util.Arrays.copyOf(y, 300);
        HoltWinters hw = HoltWinters.additive(7);
        HoltWinters.Fitted first = (HoltWinters.Fitted) hw.fit(prefix);
        HoltWinters.Fitted updated = (HoltWinters.Fitted) hw.update(first, y);
        HoltWinters.Fitted refitted = (HoltWinters.Fitted) hw.fit(y);
        Forecast f = updated.forecast(1);

        assertThat(updated.parameters()).containsExactly(first.parameters());
        assertThat(refitted.parameters()).isNotEqualTo(first.parameters());
        assertThat(f.upper80()[0] - f.mean()[0])
                .isEqualTo(first.forecast(1).upper80()[0] - first.forecast(1).mean()[0]);
        // on the same history an update is the fit itself; on a longer one the states have seen the new days
        assertThat(hw.update(first, prefix).forecast(5).mean()).containsExactly(first.forecast(5).mean());
        assertThat(f.mean()[0]).isNotEqualTo(first.forecast(101).mean()[100]);
    }

    @Test
    void intervalsFollowTheAnalyticVariance() {
        Random rnd = new Random(5);
        double[] y = Simulated.seasonalTrend(rnd, 400);
        HoltWinters hw = HoltWinters.damped(7);
        HoltWinters.Fitted fit = (HoltWinters.Fitted) hw.fit(y);
        double[] p = fit.parameters();
        Forecast f = fit.forecast(15);
        double sigma = (f.upper95()[0] - f.mean()[0]) / Forecast.Z95;
        double sum = 1;
        double phiJ = 0;
        for (int j = 1; j < 15; j++) {
            phiJ += Math.pow(p[3], j);
            double c = p[0] + p[1] * phiJ + (j % 7 == 0 ? p[2] : 0);
            sum += c * c;
        }
        assertThat(p[3]).isBetween(0.8, 0.98);
        assertThat(f.upper95()[14] - f.mean()[14]).isCloseTo(Forecast.Z95 * sigma * Math.sqrt(sum), within(1e-9));
    }
}
