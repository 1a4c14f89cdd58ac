package io.eventcommerce.compliance.risk.model;

/**
 * Where the levels begin: a score at or above {@code mediumAt} is MEDIUM, at or above {@code highAt} HIGH.
 * Bounds, not a model: compliance chooses how many customers it wants to look at.
 */
public record RiskBounds(double mediumAt, double highAt) {

    public RiskBounds {
        if (!(0 < mediumAt && mediumAt < highAt && highAt <= 1)) {
            throw new IllegalArgumentException("need 0 < medium-at < high-at <= 1, were " + mediumAt + ", " + highAt);
        }
    }

    public RiskLevel levelOf(double score) {
        return score >= highAt ? RiskLevel.HIGH : score >= mediumAt ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }
}
