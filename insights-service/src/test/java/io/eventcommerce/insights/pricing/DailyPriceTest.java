package io.eventcommerce.insights.pricing;

import io.eventcommerce.analytics.elasticity.ElasticityEstimate;
import io.eventcommerce.analytics.elasticity.ElasticityEstimator;
import io.eventcommerce.analytics.elasticity.PriceObservation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailyPriceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void theDaysPriceIsTheAverageUnitPrice() {
        PriceObservation o = new DailyPrice(MONDAY, 4, 30.0, true).observation().orElseThrow();
        assertThat(o.price()).isCloseTo(7.5, within(1e-9));
        assertThat(o.quantity()).isEqualTo(4);
        assertThat(o.promotion()).isTrue();
        assertThat(o.dayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void aDayWithoutUnitsOrRevenueIsNoObservation() {
        assertThat(new DailyPrice(MONDAY, 0, 0, false).observation()).isEmpty();
        assertThat(new DailyPrice(MONDAY, 2, 0, false).observation()).isEmpty();
    }

    /**
     * The IT's two products, on whichever weekday it runs (the weekday dummies move with it): -1.5 inside the
     * interval, and "not enough variation" for the constant price.
     */
    @Test
    void theIntegrationTestsDesignRecoversItsElasticityAndItsConstantPriceOnAnyWeekday() {
        for (int shift = 0; shift < 7; shift++) {
            LocalDate today = MONDAY.plusDays(shift);
            List<PriceObservation> stepped = new ArrayList<>();
            List<PriceObservation> constant = new ArrayList<>();
            for (int i = 0; i < SteppedDemand.DAYS; i++) {
                LocalDate day = today.minusDays(i + 1);
                stepped.add(new DailyPrice(day, SteppedDemand.units(i), SteppedDemand.units(i)
                        * SteppedDemand.price(i), false).observation().orElseThrow());
                constant.add(new DailyPrice(day, 5 + i % 4, (5 + i % 4) * 10.0, false).observation().orElseThrow());
            }
            ElasticityEstimate estimate = ElasticityEstimator.defaults().estimate(stepped);
            assertThat(estimate).as(today.getDayOfWeek().name()).isInstanceOf(ElasticityEstimate.Estimated.class);
            assertThat(((ElasticityEstimate.Estimated) estimate).covers(-1.5)).as(estimate.toString()).isTrue();
            assertThat(ElasticityJob.status(estimate)).isEqualTo("ESTIMATED");
            assertThat(ElasticityJob.status(ElasticityEstimator.defaults().estimate(constant.subList(0, 35))))
                    .isEqualTo("NOT_ENOUGH_VARIATION");
        }
    }

    @Test
    void everyDayFillsTheDaysBetweenSalesWithTheNearestSalesPriceAndNoUnits() {
        List<PriceObservation> days = DailyPrice.everyDay(List.of(new DailyPrice(MONDAY, 1, 10.0, false),
                new DailyPrice(MONDAY.plusDays(1), 0, 0, false), // no price: not a sale
                new DailyPrice(MONDAY.plusDays(5), 2, 16.0, true)));
        assertThat(days).hasSize(6);
        assertThat(days.stream().map(PriceObservation::price).toList())
                .containsExactly(10.0, 10.0, 10.0, 8.0, 8.0, 8.0);
        assertThat(days.stream().map(PriceObservation::quantity).toList())
                .containsExactly(1.0, 0.0, 0.0, 0.0, 0.0, 2.0);
        assertThat(days.get(1).dayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(days.get(5).promotion()).isTrue();
        assertThat(DailyPrice.everyDay(List.of())).isEmpty();
    }
}
