package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesClassTest {

    @Test
    void classifiesByAdiAndCv2() {
        // every day, sizes 10 ± 1: ADI 1, CV² tiny
        assertThat(SeriesClass.of(new double[] {10, 11, 9, 10, 11, 9})).isEqualTo(SeriesClass.SMOOTH);
        // every day, sizes 1 and 20: CV² = 0.81
        assertThat(SeriesClass.of(new double[] {1, 20, 1, 20})).isEqualTo(SeriesClass.ERRATIC);
        // demand one day in three (ADI 3), sizes 5 and 6
        assertThat(SeriesClass.of(new double[] {0, 0, 5, 0, 0, 6})).isEqualTo(SeriesClass.INTERMITTENT);
        // ADI 3, sizes 1 and 20
        assertThat(SeriesClass.of(new double[] {0, 0, 1, 0, 0, 20})).isEqualTo(SeriesClass.LUMPY);
        assertThat(SeriesClass.of(new double[5])).isEqualTo(SeriesClass.ZERO);
        assertThat(SeriesClass.LUMPY.isIntermittent()).isTrue();
        assertThat(SeriesClass.ERRATIC.isIntermittent()).isFalse();
    }
}
