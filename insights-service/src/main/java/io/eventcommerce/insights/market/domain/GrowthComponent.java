package io.eventcommerce.insights.market.domain;

import java.util.List;
import java.util.Map;

/**
 * Growth: the category's revenue in the market over the window against the window before, g = current / previous −
 * 1, scored by a logistic curve, 1 / (1 + e^(−g / {@code scale})): flat scores 0.5, +18 % 0.67 and +100 % 0.98 at
 * the default scale 0.25. g is capped at {@code cap} (+100 %), and a market × category that sold nothing in the
 * window before (new) scores as the cap.
 */
public final class GrowthComponent implements ScoreComponent {

    public static final String NAME = "growth";
    private static final double FLAT = 0.005;

    private final double scale;
    private final double cap;

    public GrowthComponent(double scale, double cap) {
        if (!(scale > 0) || !(cap > 0)) {
            throw new IllegalArgumentException("scale and cap must be positive");
        }
        this.scale = scale;
        this.cap = cap;
    }

    public static GrowthComponent defaults() {
        return new GrowthComponent(0.25, 1.0);
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
        Double growth = c.growth();
        double g = growth == null ? cap : Math.max(-1, Math.min(cap, growth));
        double score = Math.max(Double.MIN_NORMAL, 1 / (1 + Math.exp(-g / scale)));
        String days = c.windowDays() + " days";
        String phrase;
        if (growth == null) {
            phrase = "new (nothing in the previous " + days + ")";
        } else if (Math.abs(growth) < FLAT) {
            phrase = "flat over the previous " + days + " (" + signed(growth) + ")";
        } else {
            phrase = (growth > 0 ? "growing " : "shrinking ") + Format.percent(Math.abs(growth)) + " over the previous "
                    + days;
        }
        Double yoy = c.yearOverYear();
        phrase += yoy == null ? ", no sales in the same days a year earlier" : ", " + signed(yoy) + " year over year";
        return new ComponentScore(NAME, growth, Math.min(1, score), phrase + " (growth " + Format.number(score) + ")",
                Map.of("scale", scale, "cap", cap));
    }

    private static String signed(double ratio) {
        return (ratio >= 0 ? "+" : "−") + Format.percent(Math.abs(ratio));
    }
}
