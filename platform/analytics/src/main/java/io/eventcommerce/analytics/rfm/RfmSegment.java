package io.eventcommerce.analytics.rfm;

/**
 * The named segments and the table that assigns them from the recency score R and the combined frequency-monetary
 * score FM = &lceil;(F + M) / 2&rceil;, both 1&ndash;5. The names and their meaning follow the usual eleven-segment
 * RFM scheme of marketing practice; the cells are this project's, one table read row by row:
 *
 * <pre>
 *            FM=1            FM=2                FM=3                FM=4             FM=5
 *   R=5   new customers   potential loyalists potential loyalists champions        champions
 *   R=4   promising       potential loyalists potential loyalists loyal customers  loyal customers
 *   R=3   about to sleep  about to sleep      need attention      loyal customers  loyal customers
 *   R=2   hibernating     hibernating         at risk             at risk          can't lose them
 *   R=1   lost            hibernating         at risk             at risk          can't lose them
 * </pre>
 *
 * Recent and valuable are champions; valuable but gone quiet are at risk, and the most valuable of those cannot
 * be lost; recent with little history yet are new or promising; quiet with little value, hibernating or lost.
 */
public enum RfmSegment {
    CHAMPIONS,
    LOYAL_CUSTOMERS,
    POTENTIAL_LOYALISTS,
    NEW_CUSTOMERS,
    PROMISING,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANT_LOSE_THEM,
    HIBERNATING,
    LOST;

    private static final RfmSegment[][] BY_RECENCY_THEN_FM = {
        {LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL_CUSTOMERS, LOYAL_CUSTOMERS},
        {PROMISING, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, LOYAL_CUSTOMERS, LOYAL_CUSTOMERS},
        {NEW_CUSTOMERS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS},
    };

    /** The segment of scores R, F, M, each 1&ndash;5. */
    public static RfmSegment of(int recency, int frequency, int monetary) {
        requireScore(recency);
        requireScore(frequency);
        requireScore(monetary);
        int fm = (frequency + monetary + 1) / 2;
        return BY_RECENCY_THEN_FM[recency - 1][fm - 1];
    }

    private static void requireScore(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("scores are 1..5, was " + score);
        }
    }
}
