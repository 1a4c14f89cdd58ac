package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MaseTest {

    @Test
    void scalesByInSampleSeasonalDifferences() {
        // season 2: |3−1| + |4−2| + |6−3| + |5−4| = 2 + 2 + 3 + 1 → scale 2
        double[] training = {1, 2, 3, 4, 6, 5};
        // errors 1, 3 → MAE 2 → MASE 1
        assertThat(Mase.scale(training, 2)).isEqualTo(2.0);
        assertThat(Mase.of(new double[] {7, 8}, new double[] {6, 5}, training, 2)).isCloseTo(1.0, within(1e-12));
        assertThat(Mase.of(new double[] {7, 8}, new double[] {7, 7}, training, 2)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void fallsBackToFirstDifferencesThenHasNoScale() {
        assertThat(Mase.scale(new double[] {1, 2, 1, 2}, 2)).isEqualTo(1.0);
        assertThat(Mase.scale(new double[] {3, 3, 3}, 2)).isNaN();
    }
}
