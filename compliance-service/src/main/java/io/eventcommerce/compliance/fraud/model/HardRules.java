package io.eventcommerce.compliance.fraud.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The hard rules an assessment applies on top of the model ({@link HardRule}). The thresholds are the service's
 * configuration; {@link #defaults()} are conservative starting values.
 */
public record HardRules(List<HardRule> rules) {

    /** Reason code of the default card rule. */
    public static final String CARD_SHARED_BY_CUSTOMERS = "CARD_SHARED_BY_CUSTOMERS";
    /** Reason code of the default decline rule. */
    public static final String REPEATED_DECLINES = "REPEATED_DECLINES";
    /** Reason code of the default shipping address rule. */
    public static final String SHIPPING_ADDRESS_SHARED_BY_CUSTOMERS = "SHIPPING_ADDRESS_SHARED_BY_CUSTOMERS";

    public HardRules {
        rules = List.copyOf(rules);
        if (rules.stream().map(HardRule::reasonCode).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("hard rules' reason codes must be distinct");
        }
    }

    /** No hard rules: the score alone decides. */
    public static HardRules none() {
        return new HardRules(List.of());
    }

    /**
     * {@code CUSTOMERS_PER_CARD >= 4} rejects (card testing or a stolen card passed around);
     * {@code DECLINES_IN_A_ROW >= 3} and {@code CUSTOMERS_PER_SHIPPING_ADDRESS >= 5} are reviewed (a drop address,
     * or someone trying cards).
     */
    public static HardRules defaults() {
        return of(4, 3, 5);
    }

    /** The default rules with the service's thresholds. */
    public static HardRules of(int customersPerCardReject, int declinesInARowReview,
                               int customersPerShippingAddressReview) {
        return new HardRules(List.of(
                new HardRule(CARD_SHARED_BY_CUSTOMERS, Feature.CUSTOMERS_PER_CARD, customersPerCardReject,
                        Decision.REJECT),
                new HardRule(REPEATED_DECLINES, Feature.DECLINES_IN_A_ROW, declinesInARowReview, Decision.REVIEW),
                new HardRule(SHIPPING_ADDRESS_SHARED_BY_CUSTOMERS, Feature.CUSTOMERS_PER_SHIPPING_ADDRESS,
                        customersPerShippingAddressReview, Decision.REVIEW)));
    }

    /** The rules that fire, most severe floor first, then in configured order. */
    public List<HardRule> firing(FeatureVector vector) {
        return rules.stream()
                .filter(rule -> rule.firesOn(vector))
                .sorted(Comparator.comparing(HardRule::floor).reversed())
                .toList();
    }

    /**
     * What a score becomes once the rules that fire on {@code vector} have floored it: the decision at least each
     * rule's floor, the score at least that floor's threshold, and the rules' reason codes (most severe first). The
     * one place the model's assessment, the rules-only baseline and the evaluation of both apply the rules.
     */
    public Floored floor(double score, DecisionPolicy policy, FeatureVector vector) {
        Decision decision = policy.decide(score);
        double floored = score;
        List<String> reasons = new ArrayList<>();
        for (HardRule rule : firing(vector)) {
            decision = decision.atLeast(rule.floor());
            floored = Math.max(floored, policy.threshold(rule.floor()));
            reasons.add(rule.reasonCode());
        }
        return new Floored(floored, decision, List.copyOf(reasons));
    }

    /** A score after the hard rules: see {@link #floor(double, DecisionPolicy, FeatureVector)}. */
    public record Floored(double score, Decision decision, List<String> reasons) {
    }

    /** The most severe floor among the rules that fire. */
    public Optional<Decision> floor(FeatureVector vector) {
        return firing(vector).stream().map(HardRule::floor).findFirst();
    }
}
