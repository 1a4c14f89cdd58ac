package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class XgboostForecasterTest {

    /**
     * Weekend peaks, and a summer block (days 150–210 of each year) in which weekdays double while weekends do not:
     * a calendar effect no additive weekly season describes, over noise seasonal naive repeats.
     */
    private static double[] calendarSeries(long seed, int n) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            boolean weekend = t % 7 >= 5;
            boolean summer = t % 365 >= 150 && t % 365 < 210;
            double mean = weekend ? 40 : summer ? 36 : 18;
            y[t] = Math.max(0, Math.round(mean + 4 * rnd.nextGaussian()));
        }
        return y;
    }

    @Test
    void beatsSeasonalNaiveOnANonLinearCalendarEffectAndIsChosen() {
        double[] y = calendarSeries(5, 1000);
        ModelSelector selector = new ModelSelector(BacktestSettings.DEFAULT,
                List.of(new SeasonalNaive(7), new XgboostForecaster(7)), List.of(new SeasonalNaive(7)));
        Selection s = selector.select(y);
        assertThat(s.maseByModel()).containsKeys("seasonal_naive", "xgboost");
        assertThat(s.model()).isEqualTo("xgboost");
        assertThat(s.forecast().model()).isEqualTo("xgboost");
        assertThat(s.mase()).isLessThan(0.85 * s.seasonalNaiveMase());
        assertThat(s.origins()).isEqualTo(8);
        Forecast f = s.forecast();
        for (int i = 0; i < f.horizon(); i++) {
            assertThat(f.lower95()[i]).isLessThanOrEqualTo(f.lower80()[i]);
            assertThat(f.lower80()[i]).isLessThanOrEqualTo(f.mean()[i]);
            assertThat(f.mean()[i]).isLessThanOrEqualTo(f.upper80()[i]);
            assertThat(f.upper80()[i]).isLessThanOrEqualTo(f.upper95()[i]);
        }
    }

    @Test
    void isADefaultCandidateOfSmoothSeriesAndDeterministic() {
        double[] y = calendarSeries(9, 800);
        Selection a = new ModelSelector(BacktestSettings.DEFAULT).select(y);
        Selection b = new ModelSelector(BacktestSettings.DEFAULT).select(y);
        assertThat(a.seriesClass()).isEqualTo(SeriesClass.SMOOTH);
        assertThat(a.maseByModel()).containsKey("xgboost");
        assertThat(a.maseByModel().get("xgboost")).isLessThan(a.seasonalNaiveMase());
        assertThat(b.maseByModel()).isEqualTo(a.maseByModel());
        assertThat(b.forecast()).isEqualTo(a.forecast());
    }

    @Test
    void isNoCandidateForIntermittentLowVolumeOrShortSeries() {
        Random rnd = new Random(3);
        double[] intermittent = new double[700];
        for (int t = 0; t < intermittent.length; t++) {
            intermittent[t] = rnd.nextDouble() < 0.2 ? 1 + rnd.nextInt(3) : 0;
        }
        ModelSelector selector = new ModelSelector(BacktestSettings.DEFAULT);
        assertThat(selector.select(intermittent).maseByModel()).doesNotContainKey("xgboost");

        double[] low = new double[700];
        for (int t = 0; t < low.length; t++) {
            low[t] = t % 7 == 0 ? 1 : 1 + t % 2;
        }
        assertThat(new XgboostForecaster(7).appliesTo(low)).isFalse();
        assertThat(selector.select(low).maseByModel()).doesNotContainKey("xgboost");
        assertThat(new XgboostForecaster(7).appliesTo(calendarSeries(1, 100))).isFalse();
        assertThat(new XgboostForecaster(7).appliesTo(calendarSeries(1, 400))).isTrue();
    }
}
