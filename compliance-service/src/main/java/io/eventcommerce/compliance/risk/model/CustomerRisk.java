package io.eventcommerce.compliance.risk.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's risk as {@link RiskScorecard} computed it: {@code logit = intercept + sum(contributions)} exactly, so
 * the factors account for the score.
 *
 * @param score         {@code 1 / (1 + exp(-logit))}, 0..1
 * @param level         the score's band
 * @param contributions per factor, its raw value and its contribution in log-odds; factor order
 */
public record CustomerRisk(double score, RiskLevel level, double logit, double intercept,
                           Map<RiskFactor, Contribution> contributions) {

    /** One factor: what was counted, and what it added to (or, negative, took off) the log-odds. */
    public record Contribution(double value, double logOdds) {
    }

    public CustomerRisk {
        EnumMap<RiskFactor, Contribution> copy = new EnumMap<>(RiskFactor.class);
        copy.putAll(contributions);
        contributions = Collections.unmodifiableMap(copy);
    }

    /** The score as stored (DECIMAL(4,3)), 3 places, half up: a change below that is no change. */
    public BigDecimal scoreDecimal() {
        return BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP);
    }

    /** The factors that raised the score, largest first: the reasons a customer is rated risky. */
    public List<RiskFactor> reasons() {
        return contributions.entrySet().stream().filter(e -> e.getValue().logOdds() > 0)
                .sorted(Map.Entry.comparingByValue(Comparator.comparingDouble(Contribution::logOdds).reversed()))
                .map(Map.Entry::getKey).toList();
    }
}
