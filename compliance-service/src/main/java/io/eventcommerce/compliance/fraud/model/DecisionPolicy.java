package io.eventcommerce.compliance.fraud.model;

/**
 * Where the score turns into a decision. Two thresholds rather than one because the costs differ: a held order
 * costs an officer's minutes and a delay, a rejected one a lost customer if wrong; so the band between them goes to
 * a person. Both are probabilities of fraud (the trainer keeps scores calibrated), configured by the service.
 *
 * @param reviewAt a score at least this is held for review, 0 &lt; reviewAt &lt; rejectAt
 * @param rejectAt a score at least this is rejected, at most 1
 */
public record DecisionPolicy(double reviewAt, double rejectAt) {

    public DecisionPolicy {
        if (!(reviewAt > 0) || !(reviewAt < rejectAt) || !(rejectAt <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < reviewAt < rejectAt <= 1, were reviewAt="
                    + reviewAt + ", rejectAt=" + rejectAt);
        }
    }

    /**
     * Review at 0.2, reject at 0.6: with about 2 % of orders fraudulent, held orders are ten times as likely as the
     * average to be fraud, rejected ones more likely fraud than not. A start; the service's configuration decides.
     */
    public static DecisionPolicy defaults() {
        return new DecisionPolicy(0.2, 0.6);
    }

    public Decision decide(double score) {
        if (score >= rejectAt) {
            return Decision.REJECT;
        }
        return score >= reviewAt ? Decision.REVIEW : Decision.APPROVE;
    }

    /** The lowest score that decides {@code decision}: 0, {@link #reviewAt} or {@link #rejectAt}. */
    public double threshold(Decision decision) {
        return switch (decision) {
            case APPROVE -> 0.0;
            case REVIEW -> reviewAt;
            case REJECT -> rejectAt;
        };
    }
}
