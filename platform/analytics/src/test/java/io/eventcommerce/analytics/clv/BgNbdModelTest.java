package io.eventcommerce.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    /** The CDNOW estimates as published (Fader, Hardie &amp; Lee 2005). */
    private static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    @Test
    void conditionalExpectationMatchesThePublishedWorkedExample() {
        // Fader, Hardie & Lee's Excel note: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks.
        PurchaseSummary customer = new PurchaseSummary(2, 30.43, 38.86);
        assertThat(CDNOW.expectedPurchases(customer, 39)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void aCustomerSeenOnlyAtTheirFirstPurchaseIsANewCustomer() {
        PurchaseSummary justArrived = new PurchaseSummary(0, 0, 0);
        for (double t : new double[] {1, 10, 39, 78, 200}) {
            assertThat(CDNOW.expectedPurchases(justArrived, t))
                    .isCloseTo(CDNOW.expectedPurchasesNewCustomer(t), within(1e-12));
        }
    }

    @Test
    void newCustomerExpectationMatchesSimulation() {
        List<PurchaseSummary> simulated = BgNbdSimulation.customers(CDNOW, 200_000, 78, 11);
        double mean = simulated.stream().mapToInt(PurchaseSummary::frequency).average().orElseThrow();
        double sd = Math.sqrt(simulated.stream().mapToDouble(c -> Math.pow(c.frequency() - mean, 2)).sum()
                / simulated.size());
        // Within four standard errors of the Monte Carlo mean.
        assertThat(CDNOW.expectedPurchasesNewCustomer(78)).isCloseTo(mean, within(4 * sd / Math.sqrt(2e5)));
    }

    @Test
    void probabilityAliveFallsTheLongerACustomerHasBeenQuiet() {
        double recent = CDNOW.probabilityAlive(new PurchaseSummary(5, 38, 39));
        double quiet = CDNOW.probabilityAlive(new PurchaseSummary(5, 5, 39));
        assertThat(recent).isGreaterThan(quiet).isLessThanOrEqualTo(1);
        assertThat(quiet).isPositive();
        assertThat(CDNOW.probabilityAlive(new PurchaseSummary(0, 0, 39))).isEqualTo(1);
        // A frequent buyer quiet for long: the odds term overflows naively, the value must still be sane.
        assertThat(CDNOW.probabilityAlive(new PurchaseSummary(300, 1, 39))).isBetween(0.0, 1e-6);
    }

    @Test
    void expectationsGrowWithTheHorizonAndScaleWithAliveness() {
        PurchaseSummary customer = new PurchaseSummary(3, 20, 39);
        double previous = 0;
        for (int t = 1; t <= 104; t++) {
            double e = CDNOW.expectedPurchases(customer, t);
            assertThat(e).isGreaterThan(previous);
            previous = e;
        }
        assertThat(CDNOW.expectedPurchases(customer, 0)).isZero();
    }

    @Test
    void logLikelihoodIsEquationSixComputedInLogSpace() {
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        int x = 2;
        double tx = 30.43;
        double age = 38.86;
        double common = Math.exp(Gamma.logGamma(r + x) - Gamma.logGamma(r)) * Math.pow(alpha, r);
        double beta = Math.exp(Beta.logBeta(a, b + x) - Beta.logBeta(a, b));
        double dropped = Math.exp(Beta.logBeta(a + 1, b + x - 1) - Beta.logBeta(a, b));
        double direct = common * (beta / Math.pow(alpha + age, r + x) + dropped / Math.pow(alpha + tx, r + x));
        assertThat(CDNOW.logLikelihood(new PurchaseSummary(x, tx, age))).isCloseTo(Math.log(direct), within(1e-10));
    }

    @Test
    void logLikelihoodOfFrequentBuyersStaysFinite() {
        // Both terms underflow a double for x = 500 (they are about e^-1800); the log-sum-exp keeps it finite.
        // It is a density of purchase times, so it may well be positive.
        assertThat(CDNOW.logLikelihood(new PurchaseSummary(500, 38.9, 39))).isFinite();
        assertThat(CDNOW.logLikelihood(new PurchaseSummary(0, 0, 39))).isFinite().isNegative();
    }
}
