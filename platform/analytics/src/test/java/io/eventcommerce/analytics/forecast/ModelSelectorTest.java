package io.eventcommerce.analytics.forecast;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The acceptance for forecasts: on series with a known weekly season, trend and Gaussian noise the chosen
 * model beats seasonal naive on backtest MASE, and its 80 % and 95 % intervals cover held-out days within ±5
 * points of nominal. Coverage is pooled over 60 series × 28 days (1,680 held-out days); with independent days the
 * standard error would be 1 point at 80 %, and halving the intervals drops coverage to about 50 % and 75 %, far
 * outside the band, which the test shows too.
 */
class ModelSelectorTest {

    private static final int SERIES = 60;
    private static final int HISTORY = 730;
    private static final int H = 28;
    private static final ModelSelector SELECTOR = new ModelSelector(BacktestSettings.DEFAULT);

    private static double[][] futures;
    private static Selection[] selections;

    @BeforeAll
    static void selectOnSimulatedSeries() {
        Random rnd = new Random(20261203);
        futures = new double[SERIES][];
        selections = new Selection[SERIES];
        for (int i = 0; i < SERIES; i++) {
            double[] y = Simulated.seasonalTrend(rnd, HISTORY + H);
            futures[i] = Arrays.copyOfRange(y, HISTORY, HISTORY + H);
            selections[i] = SELECTOR.select(Arrays.copyOf(y, HISTORY));
        }
    }

    @Test
    void chosenModelBeatsSeasonalNaive() {
        int beats = 0;
        double ratio = 0;
        for (Selection s : selections) {
            beats += s.beatsSeasonalNaive() ? 1 : 0;
            ratio += s.maseRatio();
        }
        System.out.printf("forecast selection: chosen beats seasonal naive on %d of %d series, mean MASE ratio %.3f%n",
                beats, SERIES, ratio / SERIES);
        assertThat(beats).isGreaterThanOrEqualTo(SERIES * 3 / 4);
        assertThat(ratio / SERIES).isLessThan(0.9);
    }

    @Test
    void intervalsCoverHeldOutDaysAtNominalRates() {
        double c80 = coverage(1.0, true);
        double c95 = coverage(1.0, false);
        System.out.printf("forecast coverage on %d held-out days: 80 %% interval %.1f %%, 95 %% interval %.1f %%; "
                + "halved: %.1f %% and %.1f %%%n", SERIES * H, 100 * c80, 100 * c95, 100 * coverage(0.5, true),
                100 * coverage(0.5, false));
        assertThat(c80).isCloseTo(0.80, within(0.05));
        assertThat(c95).isCloseTo(0.95, within(0.05));
    }

    @Test
    void halvedIntervalsWouldFailTheCoverageCheck() {
        assertThat(Math.abs(coverage(0.5, true) - 0.80)).isGreaterThan(0.05);
        assertThat(Math.abs(coverage(0.5, false) - 0.95)).isGreaterThan(0.05);
    }

    /** Share of held-out days inside the chosen model's interval with its half-widths scaled by {@code factor}. */
    private static double coverage(double factor, boolean eighty) {
        int inside = 0;
        for (int i = 0; i < SERIES; i++) {
            Forecast f = selections[i].forecast();
            double[] lo = eighty ? f.lower80() : f.lower95();
            double[] hi = eighty ? f.upper80() : f.upper95();
            for (int j = 0; j < H; j++) {
                double l = f.mean()[j] - factor * (f.mean()[j] - lo[j]);
                double u = f.mean()[j] + factor * (hi[j] - f.mean()[j]);
                if (futures[i][j] >= l && futures[i][j] <= u) {
                    inside++;
                }
            }
        }
        return (double) inside / (SERIES * H);
    }

    @Test
    void recordsEveryCandidatesAccuracyAndTheWinner() {
        Selection s = selections[0];

        assertThat(s.seriesClass()).isEqualTo(SeriesClass.SMOOTH);
        assertThat(s.maseByModel()).containsOnlyKeys("seasonal_naive", "holt_winters_additive",
                "holt_winters_damped", "arima", "xgboost");
        assertThat(s.mase()).isEqualTo(s.maseByModel().values().stream().min(Double::compare).orElseThrow());
        assertThat(s.maseByModel().get(s.model())).isEqualTo(s.mase());
        assertThat(s.seasonalNaiveMase()).isEqualTo(s.maseByModel().get("seasonal_naive"));
        assertThat(s.origins()).isEqualTo(8);
        assertThat(s.evaluationHorizon()).isEqualTo(H);
        assertThat(s.forecast().horizon()).isEqualTo(H);
        assertThat(s.forecast().model()).isEqualTo(s.model());
        for (int j = 0; j < H; j++) {
            assertThat(s.forecast().lower95()[j]).isLessThanOrEqualTo(s.forecast().lower80()[j]);
            assertThat(s.forecast().lower80()[j]).isLessThanOrEqualTo(s.forecast().mean()[j]);
            assertThat(s.forecast().upper80()[j]).isLessThanOrEqualTo(s.forecast().upper95()[j]);
        }
    }

    @Test
    void intermittentSeriesGetCrostonCandidates() {
        Random rnd = new Random(31);
        double[] y = new double[365];
        for (int t = 0; t < y.length; t++) {
            y[t] = rnd.nextDouble() < 0.2 ? 3 + rnd.nextInt(3) : 0;
        }
        Selection s = SELECTOR.select(y);

        assertThat(s.seriesClass()).isEqualTo(SeriesClass.INTERMITTENT);
        assertThat(s.maseByModel()).containsOnlyKeys("seasonal_naive", "croston", "sba");
        // a flat rate near 0.2 × 4 beats repeating last week's random days
        assertThat(s.model()).isIn("croston", "sba");
        assertThat(s.forecast().mean()[0]).isCloseTo(0.8, within(0.3));
        assertThat(s.forecast().lower80()).containsOnly(0.0);
    }

    @Test
    void demandForecastsAreNeverNegative() {
        Random rnd = new Random(41);
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.max(0, 40 - 0.2 * t + 4 * Math.sin(2 * Math.PI * t / 7) + rnd.nextGaussian());
        }
        Forecast f = SELECTOR.select(y).forecast();

        for (double[] band : new double[][] {f.mean(), f.lower80(), f.upper80(), f.lower95(), f.upper95()}) {
            assertThat(Arrays.stream(band).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        }
        assertThat(f.lower95()).contains(0.0);
    }

    @Test
    void shortSeriesEvaluateFewerDaysAndTooShortOnesAreRefused() {
        Random rnd = new Random(51);
        assertThat(BacktestSettings.DEFAULT.minimumHistory()).isEqualTo(70);

        Selection hundred = SELECTOR.select(Simulated.seasonalTrend(rnd, 100));
        Selection eighty = SELECTOR.select(Simulated.seasonalTrend(rnd, 80));

        assertThat(hundred.evaluationHorizon()).isEqualTo(28);
        assertThat(eighty.evaluationHorizon()).isEqualTo(80 - 56 - 7);
        assertThat(eighty.forecast().horizon()).isEqualTo(28);
        assertThatThrownBy(() -> SELECTOR.select(new double[69])).isInstanceOf(IllegalArgumentException.class);
    }
}
