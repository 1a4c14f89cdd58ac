package io.eventcommerce.analytics.rfm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Scores customers 1&ndash;5 per RFM dimension by quintile among themselves and names their {@link RfmSegment}.
 *
 * <p>The score of a value is &lfloor;5 (r &minus; &frac12;) / n&rfloor; + 1, where r is its rank among the n
 * customers (1 = lowest; for recency the rank of the negated days, so the most recent rank highest) and tied
 * values share their average rank. Without ties this cuts the customers into five equal groups; with ties, equal
 * values always get equal scores (most customers have one order, and they are all frequency 1 or all 2, never
 * split by list order or id). So the result depends only on the values, not on the input's order, and groups can
 * be uneven where ties are large. A lone customer scores 3, the middle.
 */
public final class RfmScoring {

    private static final NaturalRanking AVERAGE_RANKS = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private RfmScoring() {
    }

    /** The scores, in the order of {@code customers}. */
    public static List<RfmScore> score(List<CustomerActivity> customers) {
        int n = customers.size();
        if (n == 0) {
            return List.of();
        }
        int[] recency = quintiles(customers, c -> -c.daysSinceLastOrder());
        int[] frequency = quintiles(customers, CustomerActivity::orders);
        int[] monetary = quintiles(customers, CustomerActivity::revenue);
        List<RfmScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(new RfmScore(customers.get(i).customerId(), recency[i], frequency[i], monetary[i],
                    RfmSegment.of(recency[i], frequency[i], monetary[i])));
        }
        return scores;
    }

    private static int[] quintiles(List<CustomerActivity> customers, ToDoubleFunction<CustomerActivity> value) {
        int n = customers.size();
        double[] ranks = AVERAGE_RANKS.rank(customers.stream().mapToDouble(value).toArray());
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.min(5, (int) Math.floor(5 * (ranks[i] - 0.5) / n) + 1);
        }
        return scores;
    }
}
