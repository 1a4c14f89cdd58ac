package io.eventcommerce.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifetimeValueTest {

    private static final BgNbdModel PURCHASES = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaModel SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
    private static final double MONTH = 52.0 / 12;

    @Test
    void undiscountedValueIsExpectedPurchasesTimesExpectedSpend() {
        PurchaseSummary customer = new PurchaseSummary(2, 30.43, 38.86);
        LifetimeValue clv = new LifetimeValue(PURCHASES, SPEND, 12, MONTH, 0);
        double expected = PURCHASES.expectedPurchases(customer, 52)
                * SPEND.expectedAverageValue(new SpendSummary(2, 22.35));
        assertThat(clv.value(customer, 22.35)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void discountingWeighsEachMonthsPurchasesByItsDiscountFactor() {
        PurchaseSummary customer = new PurchaseSummary(5, 35, 39);
        double d = 0.01;
        double perPurchase = SPEND.expectedAverageValue(new SpendSummary(5, 40));
        double byHand = 0;
        for (int k = 1; k <= 12; k++) {
            double inMonth = PURCHASES.expectedPurchases(customer, k * MONTH)
                    - PURCHASES.expectedPurchases(customer, (k - 1) * MONTH);
            byHand += inMonth * perPurchase / Math.pow(1 + d, k);
        }
        double value = new LifetimeValue(PURCHASES, SPEND, 12, MONTH, d).value(customer, 40);
        assertThat(value).isCloseTo(byHand, within(1e-9));
        assertThat(value).isLessThan(new LifetimeValue(PURCHASES, SPEND, 12, MONTH, 0).value(customer, 40));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsValuedAtThePopulationMeanSpend() {
        PurchaseSummary customer = new PurchaseSummary(0, 0, 39);
        double value = new LifetimeValue(PURCHASES, SPEND, 12, MONTH, 0).value(customer, 0);
        assertThat(value).isCloseTo(PURCHASES.expectedPurchases(customer, 52) * SPEND.populationMeanValue(),
                within(1e-9));
    }

    @Test
    void anActiveFrequentBuyerIsWorthMoreThanALapsedOne() {
        LifetimeValue clv = new LifetimeValue(PURCHASES, SPEND, 12, MONTH, 0.01);
        assertThat(clv.value(new PurchaseSummary(8, 38, 39), 30))
                .isGreaterThan(clv.value(new PurchaseSummary(8, 10, 39), 30));
    }
}
