package io.eventcommerce.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DecompositionTest {

    private static final double[] WEEK = {10, 12, 11, 13, 20, 35, 30};

    @Test
    void aPureWeeklyPatternIsAllSeason() {
        double[] y = new double[8 * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = WEEK[t % 7];
        }
        Decomposition d = Decomposition.classicalAdditive(y, 7);
        assertThat(d.seasonalStrength()).isCloseTo(1, within(1e-9));
        double mean = 131.0 / 7;
        assertThat(d.seasonal()[5]).isCloseTo(35 - mean, within(1e-9));
        assertThat(d.trend()[3]).isCloseTo(mean, within(1e-9));
        assertThat(d.trend()[0]).isNaN();
    }

    @Test
    void aNoisyWeeklyPatternIsStillStronglySeasonal() {
        Random random = new Random(3);
        double[] y = new double[26 * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = WEEK[t % 7] + random.nextGaussian();
        }
        assertThat(Decomposition.classicalAdditive(y, 7).seasonalStrength()).isGreaterThan(0.95);
    }

    @Test
    void noiseHasNearlyNoSeasonOrTrend() {
        Random random = new Random(4);
        double[] y = new double[52 * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 5 * random.nextGaussian();
        }
        Decomposition d = Decomposition.classicalAdditive(y, 7);
        System.out.printf("white noise, 52 weeks: seasonal strength %.3f, trend strength %.3f%n",
                d.seasonalStrength(), d.trendStrength());
        assertThat(d.seasonalStrength()).isLessThan(0.1);
        // The weekly moving average of noise keeps 1/7 of its variance, so F_t of noise sits near 0.15.
        assertThat(d.trendStrength()).isLessThan(0.3);
    }

    @Test
    void aStrongTrendHasTrendStrengthNearOne() {
        Random random = new Random(5);
        double[] y = new double[20 * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2 * t + random.nextGaussian();
        }
        assertThat(Decomposition.classicalAdditive(y, 7).trendStrength()).isGreaterThan(0.99);
    }

    @Test
    void evenPeriodsUseTheTwoByMAverage() {
        double[] y = new double[4 * 4];
        for (int t = 0; t < y.length; t++) {
            y[t] = t + (t % 4 == 0 ? 4 : 0);
        }
        Decomposition d = Decomposition.classicalAdditive(y, 4);
        // 2x4 MA at t = 2: (y0/2 + y1 + y2 + y3 + y4/2)/4 with y0 = 4, y4 = 8 -> (2 + 1 + 2 + 3 + 4)/4 = 3.
        assertThat(d.trend()[2]).isCloseTo(3, within(1e-12));
        assertThat(d.trend()[1]).isNaN();
        assertThat(d.trend()[14]).isNaN();
    }

    @Test
    void needsTwoPeriods() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decomposition.classicalAdditive(new double[13], 7));
        assertThatIllegalArgumentException().isThrownBy(() -> Decomposition.classicalAdditive(new double[13], 1));
    }
}
