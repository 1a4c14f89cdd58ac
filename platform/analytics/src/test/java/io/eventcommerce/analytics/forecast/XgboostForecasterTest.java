package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class XgboostForecasterTest {

    @Test
    void learnsAWeeklyPatternAndCompetesInTheBacktest() {
        Random rnd = new Random(5);
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = 20 + (t % 7 >= 5 ? 15 : 0) + rnd.nextGaussian();
        }
        Forecast f = new XgboostForecaster(7).fit(y).forecast(14);
        assertThat(f.mean()).hasSize(14);
        // The weekend days of the next week are forecast well above the weekdays.
        int weekend = 0;
        for (int i = 0; i < 7; i++) {
            weekend = (y.length + i) % 7 >= 5 ? i : weekend;
        }
        assertThat(f.mean()[weekend]).isGreaterThan(f.mean()[(weekend + 3) % 7] + 8);
        for (int i = 0; i < 14; i++) {
            assertThat(f.lower95()[i]).isLessThanOrEqualTo(f.lower80()[i]);
            assertThat(f.upper80()[i]).isLessThanOrEqualTo(f.upper95()[i]);
        }
        ModelSelector selector = new ModelSelector(BacktestSettings.DEFAULT,
                List.of(new SeasonalNaive(7), new XgboostForecaster(7)), List.of(new SeasonalNaive(7)));
        Selection s = selector.select(y);
        assertThat(s.maseByModel()).containsKey("xgboost");
    }
}
