package io.eventcommerce.insights.forecast;

import io.eventcommerce.analytics.forecast.BacktestSettings;
import io.eventcommerce.analytics.forecast.ModelSelector;
import io.eventcommerce.analytics.forecast.Selection;
import io.eventcommerce.insights.forecast.domain.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast run's work without the database: sparse (product, day, units) rows as the grouped query returns them,
 * assembled into dense series and selected in parallel as ForecastJob does, for {@code bench.products} (5,000)
 * synthetic products of 730 days, 70 % smooth weekly and 30 % intermittent. Not a test of the build (surefire runs
 * {@code *Test} classes): run it with {@code ./mvnw -o test -pl insights-service -am -Dtest=ForecastRunBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints what it measured.
 */
class ForecastRunBenchmark {

    @Test
    void fiveThousandProductsOfTwoYears() {
        int products = Integer.getInteger("bench.products", 5_000);
        int days = 730;
        LocalDate last = LocalDate.of(2026, 12, 1);
        LocalDate first = last.minusDays(days - 1);
        Random rnd = new Random(11);
        List<DailySeries.Row> rows = new ArrayList<>();
        for (int p = 0; p < products; p++) {
            String key = String.format("%08d", p);
            boolean smooth = p % 10 < 7;
            double level = 3 + rnd.nextInt(30);
            for (int t = 0; t < days; t++) {
                double units = smooth
                        ? Math.round(Math.max(0, level * (1 + 0.4 * Math.sin(2 * Math.PI * t / 7)) + 0.002 * t * level
                        + rnd.nextGaussian() * Math.sqrt(level)))
                        : rnd.nextDouble() < 0.25 ? 1 + rnd.nextInt(4) : 0;
                if (units > 0) {
                    rows.add(new DailySeries.Row(key, first.plusDays(t), units));
                }
            }
        }
        long start = System.nanoTime();
        List<DailySeries> series = DailySeries.assemble(rows, last);
        double assemblyMs = (System.nanoTime() - start) / 1e6;

        ModelSelector selector = new ModelSelector(BacktestSettings.DEFAULT);
        start = System.nanoTime();
        List<Selection> selections = series.parallelStream().map(s -> selector.select(s.units())).toList();
        double selectionS = (System.nanoTime() - start) / 1e9;
        long beats = selections.stream().filter(Selection::beatsSeasonalNaive).count();
        double ratio = selections.stream().mapToDouble(Selection::maseRatio).filter(Double::isFinite).average()
                .orElse(Double.NaN);
        System.out.printf("forecast run benchmark: %d products x %d days (%d sparse rows) on %d cores: assembly "
                        + "%.0f ms, selection %.1f s (%.1f ms per series wall); beats seasonal naive %d/%d, "
                        + "mean MASE ratio %.3f%n", products, days, rows.size(),
                Runtime.getRuntime().availableProcessors(), assemblyMs, selectionS, selectionS * 1000 / products,
                beats, products, ratio);
        System.out.println("forecast run benchmark: chosen models " + selections.stream()
                .collect(java.util.stream.Collectors.groupingBy(Selection::model, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
        assertThat(selections).hasSize(products);
    }
}
