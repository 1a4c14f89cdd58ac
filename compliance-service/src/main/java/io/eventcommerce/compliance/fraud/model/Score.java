package io.eventcommerce.compliance.fraud.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scorecard's answer for one order, with its explanation: {@code logit = intercept + sum(contributions)} exactly
 * as computed, so the reason codes account for the score rather than being guessed afterwards. A contribution is
 * relative to the average training order (the intercept is that order's log-odds): positive means "this made the
 * order look riskier than usual".
 *
 * @param probability   {@code 1 / (1 + exp(-logit))}, 0..1
 * @param logit         the log-odds
 * @param intercept     the model's intercept
 * @param contributions per model feature, {@code weight * standardised value}, in log-odds; feature order
 */
public record Score(double probability, double logit, double intercept, Map<Feature, Double> contributions) {

    public Score {
        EnumMap<Feature, Double> copy = new EnumMap<>(Feature.class);
        copy.putAll(contributions);
        contributions = Collections.unmodifiableMap(copy);
    }

    /**
     * The reason codes: the features whose contribution is above {@code minContribution} (at least 0: a feature
     * that lowered the score is no reason to suspect the order), largest first, at most {@code max}. Ties keep
     * feature order, so the list is deterministic.
     */
    public List<Feature> reasons(int max, double minContribution) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        double floor = Math.max(0.0, minContribution);
        return contributions.entrySet().stream()
                .filter(e -> e.getValue() > floor)
                .sorted(Map.Entry.<Feature, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The probability for {@code FraudAssessed.score} (DECIMAL), 4 places, half up. */
    public BigDecimal probabilityDecimal() {
        return BigDecimal.valueOf(probability).setScale(4, RoundingMode.HALF_UP);
    }
}
