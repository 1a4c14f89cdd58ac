package io.eventcommerce.analytics.clv;

/**
 * What the BG/NBD model needs to know about one customer, in the notation of Fader, Hardie &amp; Lee (2005):
 * {@code frequency} = x, the number of repeat purchases (the first purchase is not counted); {@code recency} =
 * t<sub>x</sub>, the time from the first to the last repeat purchase (0 when x = 0); {@code age} = T, the time from
 * the first purchase to the end of observation. All times in the same unit.
 */
public record PurchaseSummary(int frequency, double recency, double age) {

    public PurchaseSummary {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
        }
        if (!(recency >= 0) || !(age >= recency)) {
            throw new IllegalArgumentException("need 0 <= recency <= age, was " + recency + ", " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 when there is no repeat purchase");
        }
    }
}
