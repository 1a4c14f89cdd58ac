package io.eventcommerce.analytics.clv;

/**
 * What the Gamma-Gamma model needs to know about one repeat customer: x repeat purchases ({@code frequency} &gt; 0)
 * and their mean value z&#772; ({@code averageValue} &gt; 0). Customers without repeat purchases carry no spend
 * information in this model and are not summaries.
 */
public record SpendSummary(int frequency, double averageValue) {

    public SpendSummary {
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be >= 1, was " + frequency);
        }
        if (!(averageValue > 0) || Double.isInfinite(averageValue)) {
            throw new IllegalArgumentException("averageValue must be > 0, was " + averageValue);
        }
    }
}
