package io.eventcommerce.compliance.fraud.model;

import java.util.List;
import java.util.Objects;

/**
 * A points-based rule set with hand-set, not learned, weights: the yardstick the model must beat ("model vs rules")
 * and what a shop without a trained model would run. Each rule that fires adds its points; the score is the sum,
 * capped at 1, and goes through the same {@link DecisionPolicy} and {@link HardRules} as the model's.
 *
 * @param rules the point rules
 */
public record RulesBaseline(List<PointRule> rules) {

    public RulesBaseline {
        rules = List.copyOf(rules);
    }

    /**
     * The fixed baseline: IP country mismatch 0.25; card country mismatch 0.20; billing/shipping country mismatch
     * 0.15; 3+ orders in the last hour 0.20; 2+ declines in a row 0.20; a card used by 2+ customers 0.30; an amount
     * 3+ robust sd above the customer's usual 0.20; half or more of the amount in high-risk categories 0.15; a first
     * order 0.10; 10+ of one item 0.10; placed at night (UTC) 0.05. With the default thresholds (0.2 / 0.6) an
     * order needs two strong signals to be held and about four to be rejected.
     */
    public static RulesBaseline standard() {
        return new RulesBaseline(List.of(
                new PointRule(Feature.IP_COUNTRY_MISMATCH, 1, 0.25),
                new PointRule(Feature.CARD_COUNTRY_MISMATCH, 1, 0.20),
                new PointRule(Feature.BILLING_SHIPPING_COUNTRY_MISMATCH, 1, 0.15),
                new PointRule(Feature.ORDERS_1H, 3, 0.20),
                new PointRule(Feature.DECLINES_IN_A_ROW, 2, 0.20),
                new PointRule(Feature.CUSTOMERS_PER_CARD, 2, 0.30),
                new PointRule(Feature.AMOUNT_ZSCORE, 3, 0.20),
                new PointRule(Feature.HIGH_RISK_CATEGORY_SHARE, 0.5, 0.15),
                new PointRule(Feature.FIRST_ORDER, 1, 0.10),
                new PointRule(Feature.MAX_LINE_QUANTITY, 10, 0.10),
                new PointRule(Feature.NIGHT_TIME, 1, 0.05)));
    }

    /** The sum of the firing rules' points, at most 1. */
    public double score(FeatureVector vector) {
        double points = 0;
        for (PointRule rule : rules) {
            if (vector.get(rule.feature()) >= rule.atLeast()) {
                points += rule.points();
            }
        }
        return Math.min(1.0, points);
    }

    /**
     * Adds {@code points} when the raw feature is at least {@code atLeast}.
     *
     * @param points 0..1
     */
    public record PointRule(Feature feature, double atLeast, double points) {

        public PointRule {
            Objects.requireNonNull(feature, "feature");
            if (!Double.isFinite(atLeast)) {
                throw new IllegalArgumentException("atLeast must be finite, was " + atLeast);
            }
            if (!(points >= 0 && points <= 1)) {
                throw new IllegalArgumentException("points must be in [0, 1], were " + points);
            }
        }
    }
}
