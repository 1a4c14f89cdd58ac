package io.eventcommerce.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    private static final GammaGammaModel CDNOW = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    void expectedValueIsTheWeightedMeanOfPopulationAndCustomer() {
        double population = CDNOW.populationMeanValue();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
        SpendSummary customer = new SpendSummary(4, 50);
        double weight = 6.25 * 4 / (6.25 * 4 + 3.74 - 1);
        assertThat(CDNOW.expectedAverageValue(customer))
                .isCloseTo(weight * 50 + (1 - weight) * population, within(1e-9));
    }

    @Test
    void moreTransactionsPullTheExpectationTowardsTheCustomersOwnMean() {
        double few = CDNOW.expectedAverageValue(new SpendSummary(1, 100));
        double many = CDNOW.expectedAverageValue(new SpendSummary(20, 100));
        assertThat(few).isLessThan(many).isGreaterThan(CDNOW.populationMeanValue());
        assertThat(many).isLessThan(100);
    }
}
