package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SeasonalNaiveTest {

    @Test
    void repeatsTheLastSeason() {
        double[] y = {9, 9, 9, 1, 2, 3, 4, 5, 6, 7}; // last season: 1..7
        Forecast f = new SeasonalNaive(7).fit(y).forecast(10);

        assertThat(f.mean()).containsExactly(1, 2, 3, 4, 5, 6, 7, 1, 2, 3);
        assertThat(f.model()).isEqualTo("seasonal_naive");
    }

    @Test
    void intervalsWidenBySeasonsAhead() {
        // seasonal differences 2, −2, 2, −2 → σ² = 4
        double[] y = {1, 5, 3, 3, 5, 1};
        Forecast f = new SeasonalNaive(2).fit(y).forecast(5);

        assertThat(f.upper80()[0] - f.mean()[0]).isCloseTo(Forecast.Z80 * 2, within(1e-12));
        assertThat(f.upper80()[1] - f.mean()[1]).isCloseTo(Forecast.Z80 * 2, within(1e-12));
        assertThat(f.upper95()[2] - f.mean()[2]).isCloseTo(Forecast.Z95 * 2 * Math.sqrt(2), within(1e-12));
        assertThat(f.mean()[4] - f.lower95()[4]).isCloseTo(Forecast.Z95 * 2 * Math.sqrt(3), within(1e-12));
    }

    @Test
    void needsMoreThanOneSeason() {
        assertThatThrownBy(() -> new SeasonalNaive(7).fit(new double[7]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
