package io.eventcommerce.analytics.forecast;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure for the target (5,000 products of two years in under two minutes on two cores): time of a
 * whole backtest and selection of one 730-day smooth series, the worst case (four candidates, ARIMA's grid).
 * Not a timing assertion and not part of the build's tests (surefire runs {@code *Test} classes): run it with
 * {@code ./mvnw -o test -pl platform/analytics -Dtest=ForecastBenchmark}; it prints what it measured.
 */
class ForecastBenchmark {

    @Test
    void oneSeriesOfTwoYears() {
        Random rnd = new Random(7);
        int series = 60;
        double[][] ys = new double[series][];
        for (int i = 0; i < series; i++) {
            ys[i] = Simulated.seasonalTrend(rnd, 730);
        }
        ModelSelector selector = new ModelSelector(BacktestSettings.DEFAULT);
        for (int i = 0; i < 20; i++) {
            selector.select(ys[i]);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int beats = 0;
        double ratio = 0;
        java.util.Map<String, Integer> chosen = new java.util.TreeMap<>();
        for (double[] y : ys) {
            Selection s = selector.select(y);
            beats += s.beatsSeasonalNaive() ? 1 : 0;
            ratio += s.maseRatio();
            chosen.merge(s.model(), 1, Integer::sum);
        }
        double wallMs = (System.nanoTime() - start) / 1e6 / series;
        // CPU time of this thread: what a series costs one core, whatever else the machine is running
        double msPerSeries = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / series;
        double fiveThousandOnTwoCores = msPerSeries * 5000 / 2 / 1000;
        System.out.printf("forecast benchmark: %.1f ms CPU (%.1f ms wall) per 730-day series; 5,000 series on 2 "
                + "cores ≈ %.0f s; beats seasonal naive %d/%d, mean MASE ratio %.3f, chosen %s%n", msPerSeries,
                wallMs, fiveThousandOnTwoCores, beats, series, ratio / series, chosen);
        Random r = new Random(8);
        double[][] sparse = new double[series][];
        for (int i = 0; i < series; i++) {
            sparse[i] = new double[730];
            for (int t = 0; t < 730; t++) {
                sparse[i][t] = r.nextDouble() < 0.3 ? 1 + r.nextInt(4) : 0;
            }
            selector.select(sparse[i]);
        }
        long cpuSparse = threads.getCurrentThreadCpuTime();
        for (double[] y : sparse) {
            selector.select(y);
        }
        double msSparse = (threads.getCurrentThreadCpuTime() - cpuSparse) / 1e6 / series;
        System.out.printf("forecast benchmark: %.2f ms CPU per 730-day intermittent series%n", msSparse);
        assertThat(msPerSeries).isPositive();
    }
}
