package io.eventcommerce.insights.forecast;

import io.eventcommerce.analytics.forecast.BacktestSettings;
import io.eventcommerce.analytics.forecast.Covariates;
import io.eventcommerce.analytics.forecast.Forecast;
import io.eventcommerce.analytics.forecast.SeriesClass;
import io.eventcommerce.analytics.forecast.ModelSelector;
import io.eventcommerce.analytics.forecast.Selection;
import io.eventcommerce.insights.forecast.domain.ForecastLevel;
import io.eventcommerce.insights.forecast.domain.RunSummary;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {

    @Test
    void countsPerLevelAndComparesWithSeasonalNaive() {
        Random rnd = new Random(3);
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = 20 + (i % 7 == 5 ? 15 : 0) + rnd.nextGaussian() * 2;
        }
        Selection s = new ModelSelector(BacktestSettings.DEFAULT).select(y);
        RunSummary summary = new RunSummary();
        summary.forecast(ForecastLevel.PRODUCT, s);
        summary.skipped(ForecastLevel.PRODUCT);

        Map<String, Object> map = summary.toMap(12);
        @SuppressWarnings("unchecked")
        Map<String, Object> products = (Map<String, Object>) map.get("product");
        assertThat(products).containsEntry("series", 2).containsEntry("forecast", 1).containsEntry("skipped", 1)
                .containsEntry("beatsSeasonalNaiveShare", s.beatsSeasonalNaive() ? 1.0 : 0.0);
        assertThat((double) products.get("meanMaseRatio")).isCloseTo(s.maseRatio(), org.assertj.core.data.Offset
                .offset(1e-4));
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) map.get("total");
        assertThat(total).containsEntry("series", 0).containsEntry("meanMaseRatio", null);
        assertThat(map).containsEntry("elapsedMs", 12L);
        assertThat(products).containsEntry("withCovariates", 0).containsEntry("modelReadCovariates", 0);
    }

    @Test
    void countsTheSeriesWithCovariatesAndThoseWhoseModelReadThem() {
        Selection plain = new Selection(SeriesClass.SMOOTH, "seasonal_naive", 1, 1, Map.of(), 8, 28,
                Forecast.gaussian("seasonal_naive", new double[1], new double[1]));
        Selection read = new Selection(SeriesClass.SMOOTH, "xgboost", 0.8, 1, Map.of(), 8, 28,
                Forecast.gaussian("xgboost", new double[1], new double[1]), Covariates.NAMES);
        RunSummary summary = new RunSummary();
        summary.forecast(ForecastLevel.PRODUCT, plain, true);
        summary.forecast(ForecastLevel.PRODUCT, read, true);
        summary.forecast(ForecastLevel.PRODUCT, plain);
        @SuppressWarnings("unchecked")
        Map<String, Object> products = (Map<String, Object>) summary.toMap(1).get("product");
        assertThat(products).containsEntry("forecast", 3).containsEntry("withCovariates", 2)
                .containsEntry("modelReadCovariates", 1);
    }
}
