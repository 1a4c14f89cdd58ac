package io.eventcommerce.insights.market.domain;

import java.util.List;
import java.util.Map;

/**
 * Penetration: the market's share of the category's revenue over its share of all revenue (index 1: the market
 * buys the category as much as anything else), scored 1 / (1 + index): an under-penetrated market (index under 1)
 * has room to grow and scores over 0.5, an over-penetrated one under.
 */
public final class PenetrationComponent implements ScoreComponent {

    public static final String NAME = "penetration";
    private static final double PAR = 0.1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ComponentScore> score(List<MarketFigures> candidates) {
        return candidates.stream().map(PenetrationComponent::score).toList();
    }

    private static ComponentScore score(MarketFigures c) {
        double index = c.penetrationIndex();
        double score = 1 / (1 + index);
        String word = index < 1 - PAR ? "under-penetrated" : index > 1 + PAR ? "over-penetrated" : "at par";
        Double marketShare = c.marketShare();
        String phrase = word + " (" + c.market() + " is " + (marketShare == null ? "none"
                : Format.percent(marketShare)) + " of all revenue: index " + Format.number(index) + ", penetration "
                + Format.number(score) + ")";
        return new ComponentScore(NAME, index, score, phrase, Map.of());
    }
}
