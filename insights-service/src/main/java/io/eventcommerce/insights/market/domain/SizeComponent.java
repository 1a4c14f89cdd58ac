package io.eventcommerce.insights.market.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Size: the category's revenue in the market over the window, on a log scale against the largest market × category
 * of the same level and currency, ln(1 + revenue) / ln(1 + largest). The log keeps a small market from vanishing
 * next to the largest: a tenth of its size scores about 0.8 where the largest takes 50,000.
 */
public final class SizeComponent implements ScoreComponent {

    public static final String NAME = "size";
    /** The floor of a score: a market × category with a cent of revenue still gets a rank. */
    private static final double FLOOR = 1e-6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ComponentScore> score(List<MarketFigures> candidates) {
        Map<String, Double> largest = new HashMap<>();
        candidates.forEach(c -> largest.merge(c.level() + "/" + c.currency(), c.revenue(), Math::max));
        return candidates.stream().map(c -> {
            double max = largest.get(c.level() + "/" + c.currency());
            double score = max <= 0 ? 1 : Math.log1p(Math.max(0, c.revenue())) / Math.log1p(max);
            score = Math.min(1, Math.max(FLOOR, score));
            String phrase = "size " + Format.number(score) + " (log scale against the largest " + c.level()
                    .toLowerCase(java.util.Locale.ROOT) + " × category, " + Format.amount(max, c.currency()) + ")";
            return new ComponentScore(NAME, c.revenue(), score, phrase, Map.of("largestRevenue", Format.money(max)));
        }).toList();
    }
}
