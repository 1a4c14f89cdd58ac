package io.eventcommerce.insights.market.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Price position: our prices against the competitors' in the market's region and the category, from the latest
 * competitor analysis (position p = our price / the competitors' mean over the watched products; 1 = level), scored
 * 1 / (1 + p^{@code steepness}): level scores 0.5, 8 % cheaper (0.92) 0.58, 20 % cheaper 0.71, 10 % dearer 0.41 and
 * 50 % dearer 0.16 at the default steepness 4; the score tends to 1 as p falls to 0 and to its floor as p grows, so
 * a cheaper market converts better and ranks higher, all else equal. A country takes its region's position. Where
 * no competitor observation covers the region × category the score is the level one, 0.5: neutral, so a market is
 * neither zeroed nor ranked down for want of data, and the phrase says "no competitor prices".
 *
 * <p>The analysis compares prices in one currency (insights.competition.currency); p is a ratio, so it applies to
 * the region × category in every currency the market pulse ranks.
 */
public final class PricePositionComponent implements ScoreComponent {

    public static final String NAME = "pricePosition";
    /** The score of a position of 1, and of a market × category without competitor prices. */
    public static final double NEUTRAL = 0.5;
    private static final double LEVEL = 0.005;

    /**
     * One region × category of the competitor analysis: the position, the watched products, how many a competitor
     * undercuts, and the run that computed it.
     */
    public record Position(String region, UUID categoryId, double position, int products, int undercut,
                           String runId) {

        public Position {
            if (!(position > 0) || !Double.isFinite(position)) {
                throw new IllegalArgumentException("price position " + position + " is not positive");
            }
        }
    }

    private final Map<String, Position> positions = new HashMap<>();
    private final double steepness;

    public PricePositionComponent(List<Position> positions, double steepness) {
        if (!(steepness > 0)) {
            throw new IllegalArgumentException("steepness must be positive");
        }
        positions.forEach(p -> this.positions.put(key(p.region(), p.categoryId().toString()), p));
        this.steepness = steepness;
    }

    public static PricePositionComponent defaults(List<Position> positions) {
        return new PricePositionComponent(positions, 4);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ComponentScore> score(List<MarketFigures> candidates) {
        return candidates.stream().map(this::score).toList();
    }

    private ComponentScore score(MarketFigures c) {
        Position p = positions.get(key(c.region(), c.categoryId()));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", c.region());
        inputs.put("steepness", steepness);
        if (p == null) {
            inputs.put("competitorPrices", false);
            return new ComponentScore(NAME, null, NEUTRAL, "no competitor prices in " + c.region()
                    + " for the category (price position " + Format.number(NEUTRAL) + ", neutral)", inputs);
        }
        double score = Math.min(1, Math.max(Double.MIN_NORMAL, 1 / (1 + Math.pow(p.position(), steepness))));
        double gap = p.position() - 1;
        String where = Math.abs(gap) < LEVEL ? "priced level with competitors"
                : "priced " + Format.percent(Math.abs(gap)) + (gap < 0 ? " below" : " above") + " competitors";
        String phrase = where + " in " + c.region() + " (index " + Format.number(p.position()) + ", " + p.products()
                + (p.products() == 1 ? " product, " : " products, ") + p.undercut() + " undercut; price position "
                + Format.number(score) + ")";
        inputs.put("competitorPrices", true);
        inputs.put("products", p.products());
        inputs.put("undercut", p.undercut());
        if (p.runId() != null) {
            inputs.put("competitorAnalysisRunId", p.runId());
        }
        return new ComponentScore(NAME, p.position(), score, phrase, inputs);
    }

    private static String key(String region, String categoryId) {
        return region + "|" + categoryId;
    }
}
