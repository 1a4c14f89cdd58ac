package io.eventcommerce.analytics.rfm;

/** A customer's quintile scores (5 = most recent, most frequent, most spending) and their segment. */
public record RfmScore(String customerId, int recency, int frequency, int monetary, RfmSegment segment) {

    /** The conventional three-digit code, e.g. "545". */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
