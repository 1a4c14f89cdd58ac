package io.eventcommerce.analytics.clv;

/**
 * A customer's discounted expected value over a finite horizon, combining {@link BgNbdModel} (how many purchases
 * when) with {@link GammaGammaModel} (worth how much each), the discrete approximation of Fader, Hardie &amp; Lee,
 * "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis" (JMR 2005) also used by the lifetimes library:
 *
 * <pre>
 *   CLV = sum over k = 1..K of (E[Y(k&Delta;)] &minus; E[Y((k&minus;1)&Delta;)]) &middot; E[Z] / (1 + d)^k
 * </pre>
 *
 * where E[Y(t)] is the BG/NBD conditional expectation of purchases in (T, T+t], &Delta; the length of a period
 * in the summaries' time unit (e.g. 52/12 weeks for a month), K the number of periods, d the discount rate per
 * period and E[Z] the Gamma-Gamma expected transaction value (the population mean for a customer without repeat
 * purchases). Purchases in period k are discounted as if they fell at its end. The value is revenue; apply a
 * margin outside if profit is wanted.
 *
 * @param periods        K, the number of periods of the horizon (12 for a year of months)
 * @param periodLength   &Delta;, one period in the time unit of the summaries
 * @param discountRate   d, per period (a 12 %/year rate is about 0.0095 per month)
 */
public record LifetimeValue(BgNbdModel purchases, GammaGammaModel spend, int periods, double periodLength,
                            double discountRate) {

    public LifetimeValue {
        if (periods < 1 || !(periodLength > 0) || !(discountRate >= 0)) {
            throw new IllegalArgumentException("need periods >= 1, periodLength > 0, discountRate >= 0");
        }
    }

    /** CLV of a customer; {@code averageValue} is their z&#772;, ignored (and may be 0) when x = 0. */
    public double value(PurchaseSummary customer, double averageValue) {
        double perPurchase = customer.frequency() > 0
                ? spend.expectedAverageValue(new SpendSummary(customer.frequency(), averageValue))
                : spend.populationMeanValue();
        double total = 0;
        double before = 0;
        double discount = 1;
        for (int k = 1; k <= periods; k++) {
            double upTo = purchases.expectedPurchases(customer, k * periodLength);
            discount /= 1 + discountRate;
            total += (upTo - before) * perPurchase * discount;
            before = upTo;
        }
        return total;
    }
}
