package io.eventcommerce.compliance.fraud.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scorecard, hard rules and decision policy put together: the one call the service makes per order. Immutable; the
 * service builds a new one when an officer activates another model version or changes the configuration.
 */
public final class FraudAssessor {

    /** Reason codes an assessment carries at most by default: enough for an officer, short for the event. */
    public static final int DEFAULT_MAX_REASONS = 3;
    /** A feature must add this many log-odds to be named by default (0.1 is about 10 % more fraud odds). */
    public static final double DEFAULT_MIN_CONTRIBUTION = 0.1;

    private final LogisticScorecard scorecard;
    private final HardRules rules;
    private final DecisionPolicy policy;
    private final int maxReasons;
    private final double minContribution;

    /**
     * @param maxReasons      model reason codes at most (hard rules' codes always come on top), &ge; 0
     * @param minContribution a model feature is named only above this contribution (log-odds), &ge; 0
     */
    public FraudAssessor(LogisticScorecard scorecard, HardRules rules, DecisionPolicy policy, int maxReasons,
                         double minContribution) {
        this.scorecard = Objects.requireNonNull(scorecard, "scorecard");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxReasons < 0) {
            throw new IllegalArgumentException("maxReasons must be >= 0, was " + maxReasons);
        }
        if (!(minContribution >= 0) || !Double.isFinite(minContribution)) {
            throw new IllegalArgumentException("minContribution must be >= 0, was " + minContribution);
        }
        this.maxReasons = maxReasons;
        this.minContribution = minContribution;
    }

    public FraudAssessor(LogisticScorecard scorecard, HardRules rules, DecisionPolicy policy) {
        this(scorecard, rules, policy, DEFAULT_MAX_REASONS, DEFAULT_MIN_CONTRIBUTION);
    }

    public Assessment assess(FeatureVector vector) {
        Score explanation = scorecard.score(vector);
        HardRules.Floored floored = rules.floor(explanation.probability(), policy, vector);
        List<String> reasons = new ArrayList<>(floored.reasons());
        for (Feature feature : explanation.reasons(maxReasons, minContribution)) {
            if (!reasons.contains(feature.code())) {
                reasons.add(feature.code());
            }
        }
        return new Assessment(floored.score(), explanation.probability(), floored.decision(), reasons, scorecard.metadata().version(),
                explanation);
    }

    public LogisticScorecard scorecard() {
        return scorecard;
    }

    public HardRules rules() {
        return rules;
    }

    public DecisionPolicy policy() {
        return policy;
    }
}
