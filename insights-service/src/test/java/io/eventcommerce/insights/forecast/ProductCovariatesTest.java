package io.eventcommerce.insights.forecast;

import io.eventcommerce.analytics.forecast.Covariates;
import io.eventcommerce.insights.forecast.domain.DailySeries;
import io.eventcommerce.insights.forecast.domain.ProductDay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ProductCovariatesTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    @Test
    void everyDayOfTheSeriesGetsAPriceAndTheDaysDiscountRate() {
        // Sales on days 0, 1 and 4 at 10, 10 and 20 a unit; day 1 half its units 20 % off; days 5–6 sell nothing.
        DailySeries series = new DailySeries("p", D, new double[] {2, 4, 0, 0, 1, 0, 0});
        List<ProductDay> days = List.of(new ProductDay(D, 2, 20, 0), new ProductDay(D.plusDays(1), 4, 40, 0.4),
                new ProductDay(D.plusDays(4), 1, 20, 0));

        Covariates c = ProductDay.covariates(series, days);

        // Median of 10, 10, 10, 20, 20, 20, 20 is 20; day 2 is nearer the 10, day 3 the 20; 5–6 hold the last.
        assertThat(c.relativePrice()).containsExactly(0.5, 0.5, 0.5, 1, 1, 1, 1);
        assertThat(c.promotion()[1]).isCloseTo(0.1, offset(1e-12));
        assertThat(c.promotion()[0]).isZero();
        assertThat(c.promotion()[5]).isZero();
        assertThat(c.days()).isEqualTo(7);
    }

    @Test
    void aProductWithoutAPricedDayHasNoCovariates() {
        DailySeries series = new DailySeries("p", D, new double[] {1, 1});
        assertThat(ProductDay.covariates(series, List.of(new ProductDay(D, 1, 0, 0)))).isNull();
        assertThat(ProductDay.covariates(series, List.of())).isNull();
    }
}
