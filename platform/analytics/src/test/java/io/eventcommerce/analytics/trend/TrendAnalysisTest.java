package io.eventcommerce.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

    private static final double[] WEEK = {-8, -5, -4, -2, 3, 9, 7};

    @Test
    void aSmallTrendUnderAStrongWeeklyCycleIsFoundOnceTheSeasonIsRemoved() {
        Random random = new Random(21);
        double[] y = new double[12 * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.1 * t + WEEK[t % 7] + random.nextGaussian();
        }
        TrendAnalysis analysis = TrendAnalysis.of(y, 7, 0.05, MannKendall.Variance.INDEPENDENT);
        assertThat(analysis.direction()).isEqualTo(TrendDirection.GROWTH);
        assertThat(analysis.seasonalStrength()).isGreaterThan(0.9);
        assertThat(analysis.test().slope()).isCloseTo(0.1, within(0.02));
        assertThat(analysis.test().slopeLower()).isLessThan(0.1);
        assertThat(analysis.test().slopeUpper()).isGreaterThan(0.1);
    }

    @Test
    void aSeasonalSeriesWithoutTrendIsRarelyCalledATrend() {
        int runs = 500;
        int falseAlarms = 0;
        for (int seed = 0; seed < runs; seed++) {
            Random random = new Random(90_000 + seed);
            double[] y = new double[12 * 7];
            for (int t = 0; t < y.length; t++) {
                y[t] = 100 + WEEK[t % 7] + random.nextGaussian();
            }
            if (TrendAnalysis.of(y, 7, 0.05, MannKendall.Variance.INDEPENDENT).direction()
                    != TrendDirection.NO_TREND) {
                falseAlarms++;
            }
        }
        double rate = falseAlarms / (double) runs;
        System.out.printf("seasonal series without trend, 12 weeks: false-positive rate %.3f%n", rate);
        // alpha = 0.05 with three binomial standard errors (0.0097) of slack.
        assertThat(rate).isBetween(0.02, 0.075);
    }

    @Test
    void aShortSeriesIsTestedWithoutStrengths() {
        TrendAnalysis analysis = TrendAnalysis.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 7, 0.05,
                MannKendall.Variance.INDEPENDENT);
        assertThat(analysis.direction()).isEqualTo(TrendDirection.GROWTH);
        assertThat(analysis.seasonalStrength()).isNaN();
        assertThat(analysis.trendStrength()).isNaN();
    }
}
