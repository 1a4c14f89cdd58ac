package io.eventcommerce.analytics.forecast;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArimaTest {

    @Test
    void recoversAnAr1Coefficient() {
        double[] y = Simulated.ar1(new Random(3), 5000, 0.6, 10, 1);
        Arima.Fitted fit = new Arima(1, 0, 0, 0, 0, 7).fit(y);

        assertThat(fit.ar()[0]).isCloseTo(0.6, within(0.03));
    }

    @Test
    void ar1ForecastsRevertToTheMean() {
        double[] y = Simulated.ar1(new Random(4), 2000, 0.5, 20, 2);
        Arima.Fitted fit = new Arima(1, 0, 0, 0, 0, 7).fit(y);
        double phi = fit.ar()[0];
        double mu = java.util.Arrays.stream(y).average().orElseThrow();
        Forecast f = fit.forecast(5);
        double sigma = (f.upper80()[0] - f.mean()[0]) / Forecast.Z80;

        for (int h = 1; h <= 5; h++) {
            assertThat(f.mean()[h - 1]).isCloseTo(mu + Math.pow(phi, h) * (y[y.length - 1] - mu), within(1e-9));
        }
        // σ² (1 + φ² + φ⁴) three steps ahead
        assertThat(f.upper80()[2] - f.mean()[2])
                .isCloseTo(Forecast.Z80 * sigma * Math.sqrt(1 + phi * phi + Math.pow(phi, 4)), within(1e-9));
        assertThat(sigma).isCloseTo(2, within(0.15));
    }

    @Test
    void anUpdateRunsOnWithTheSameCoefficients() {
        double[] y = Simulated.ar1(new Random(6), 1200, 0.5, 20, 2);
        double[] prefix = java.util.Arrays.copyOf(y, 1000);
        Arima model = new Arima(1, 0, 0, 0, 0, 7);
        Arima.Fitted first = model.fit(prefix);
        Arima.Fitted updated = model.update(first, y);
        double mu = java.util.Arrays.stream(prefix).average().orElseThrow();
        double phi = first.ar()[0];

        assertThat(updated.ar()).containsExactly(first.ar());
        assertThat(updated.forecast(2).mean()[1]).isCloseTo(mu + phi * phi * (y[1199] - mu), within(1e-9));
        assertThat(updated.forecast(2).upper95()[1] - updated.forecast(2).mean()[1])
                .isEqualTo(first.forecast(2).upper95()[1] - first.forecast(2).mean()[1]);
    }

    @Test
    void recoversAnMa1Coefficient() {
        Random rnd = new Random(8);
        double[] y = new double[4000];
        double prev = 0;
        for (int t = 0; t < y.length; t++) {
            double e = rnd.nextGaussian();
            y[t] = 5 + e + 0.5 * prev;
            prev = e;
        }
        Arima.Fitted fit = new Arima(0, 0, 1, 0, 0, 7).fit(y);

        assertThat(fit.ma()[0]).isCloseTo(0.5, within(0.05));
    }

    @Test
    void kpssSeparatesNoiseFromARandomWalk() {
        Random rnd = new Random(9);
        double[] noise = new double[500];
        double[] walk = new double[500];
        for (int t = 0; t < 500; t++) {
            noise[t] = rnd.nextGaussian();
            walk[t] = (t == 0 ? 0 : walk[t - 1]) + rnd.nextGaussian();
        }
        assertThat(AutoArima.kpss(noise)).isLessThan(AutoArima.KPSS_CRITICAL_5);
        assertThat(AutoArima.kpss(walk)).isGreaterThan(AutoArima.KPSS_CRITICAL_5);
    }

    @Test
    void seasonalStrengthSeesAWeeklyPattern() {
        Random rnd = new Random(10);
        double[] weekly = Simulated.seasonalTrend(rnd, 365);
        double[] noise = new double[365];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = rnd.nextGaussian();
        }
        assertThat(AutoArima.seasonalStrength(weekly, 7)).isGreaterThan(AutoArima.SEASONAL_STRENGTH_CUT);
        assertThat(AutoArima.seasonalStrength(noise, 7)).isLessThan(0.2);
    }

    @Test
    void autoArimaDifferencesARandomWalkAndNotAnAr1() {
        Random rnd = new Random(12);
        double[] walk = new double[600];
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + rnd.nextGaussian();
        }
        Arima.Fitted w = (Arima.Fitted) new AutoArima(7).fit(walk);
        Arima.Fitted a = (Arima.Fitted) new AutoArima(7).fit(Simulated.ar1(rnd, 600, 0.7, 10, 1));

        assertThat(w.order()).startsWith("ARIMA(").contains(",1,").endsWith("(0,0,0)[7]");
        assertThat(a.order()).matches("ARIMA\\([12],0,[0-2]\\)\\(0,0,0\\)\\[7]");
    }
}
