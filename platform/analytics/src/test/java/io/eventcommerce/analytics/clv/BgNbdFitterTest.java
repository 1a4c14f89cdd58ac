package io.eventcommerce.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

class BgNbdFitterTest {

    @Test
    void recoversTheParametersOfTenThousandSimulatedCustomers() {
        BgNbdModel truth = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        List<PurchaseSummary> customers = BgNbdSimulation.customers(truth, 10_000, 39, 2005);

        long start = System.nanoTime();
        BgNbdFitter.Fit fit = BgNbdFitter.fit(customers);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BG/NBD fit of 10,000 simulated customers: %d ms, %d evaluations, %s%n", millis,
                fit.evaluations(), fit.model());

        // Sampling error for 10,000 customers is a few percent on r and alpha, more on the drop-out pair.
        assertThat(fit.model().r()).isCloseTo(truth.r(), withinPercentage(10));
        assertThat(fit.model().alpha()).isCloseTo(truth.alpha(), withinPercentage(15));
        assertThat(fit.model().a()).isCloseTo(truth.a(), withinPercentage(35));
        assertThat(fit.model().b()).isCloseTo(truth.b(), withinPercentage(35));
    }

    @Test
    void refusesDataWithoutRepeatPurchases() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BgNbdFitter.fit(List.of(new PurchaseSummary(0, 0, 10))));
        assertThatIllegalArgumentException().isThrownBy(() -> BgNbdFitter.fit(List.of()));
    }
}
