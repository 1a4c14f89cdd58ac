package io.eventcommerce.compliance.risk.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * A customer's risk score from its {@link RiskInputs}: a fixed, hand-set scorecard in log-odds, not a trained model.
 * Customers' outcomes are too few for a second model, and staff must be able to say why a customer is HIGH; each
 * weight below is a statement they can check ("one chargeback adds 3 log-odds, two add 4.75").
 *
 * <ul>
 *   <li>The base, {@value #INTERCEPT}, is a customer about 3 % likely to be a problem.</li>
 *   <li>Fraud scores of recent orders add {@value #MAX_SCORE_WEIGHT} × the highest and {@value #MEAN_SCORE_WEIGHT}
 *       × the mean: one order at the reject threshold (0.6) adds 3.6 at most.</li>
 *   <li>Chargebacks, officers' rejections and imported fraud labels add {@code weight × log2(1 + n)}: the first one
 *       counts most, the tenth not ten times as much.</li>
 *   <li>Declines in a row add {@value #DECLINE_WEIGHT} each, up to {@value #DECLINE_CAP} of them.</li>
 *   <li>Account age: a new account adds {@value #AGE_WEIGHT}, one of half a year adds nothing, and every further half
 *       year takes {@value #AGE_WEIGHT} off, down to {@code -2 ×} that at 18 months.</li>
 * </ul>
 *
 * Pure and deterministic; the service feeds it and stores what it returns.
 */
public final class RiskScorecard {

    static final double INTERCEPT = -3.5;
    static final double MAX_SCORE_WEIGHT = 4.0;
    static final double MEAN_SCORE_WEIGHT = 2.0;
    static final double CHARGEBACK_WEIGHT = 3.0;
    static final double REJECTION_WEIGHT = 2.0;
    static final double LABEL_WEIGHT = 1.5;
    static final double DECLINE_WEIGHT = 0.5;
    static final int DECLINE_CAP = 10;
    static final double AGE_WEIGHT = 0.5;
    static final double AGE_STEP_DAYS = 182.5;
    static final double AGE_STEPS_CAP = 3;

    private final RiskBounds bounds;

    public RiskScorecard(RiskBounds bounds) {
        this.bounds = bounds;
    }

    public RiskBounds bounds() {
        return bounds;
    }

    public CustomerRisk score(RiskInputs in) {
        Map<RiskFactor, Double> logOdds = new EnumMap<>(RiskFactor.class);
        logOdds.put(RiskFactor.MAX_FRAUD_SCORE, MAX_SCORE_WEIGHT * in.maxFraudScore());
        logOdds.put(RiskFactor.MEAN_FRAUD_SCORE, MEAN_SCORE_WEIGHT * in.meanFraudScore());
        logOdds.put(RiskFactor.CHARGEBACKS, CHARGEBACK_WEIGHT * log2p1(in.chargebacks()));
        logOdds.put(RiskFactor.OFFICER_REJECTIONS, REJECTION_WEIGHT * log2p1(in.officerRejections()));
        logOdds.put(RiskFactor.FRAUD_LABELS, LABEL_WEIGHT * log2p1(in.fraudLabels()));
        logOdds.put(RiskFactor.DECLINES_IN_A_ROW, DECLINE_WEIGHT * Math.min(in.declinesInARow(), DECLINE_CAP));
        logOdds.put(RiskFactor.ACCOUNT_AGE_DAYS,
                AGE_WEIGHT * (1 - Math.min(in.accountAgeDays() / AGE_STEP_DAYS, AGE_STEPS_CAP)));

        Map<RiskFactor, Double> values = in.values();
        Map<RiskFactor, CustomerRisk.Contribution> contributions = new EnumMap<>(RiskFactor.class);
        double logit = INTERCEPT;
        for (Map.Entry<RiskFactor, Double> e : logOdds.entrySet()) {
            logit += e.getValue();
            contributions.put(e.getKey(), new CustomerRisk.Contribution(values.get(e.getKey()), e.getValue()));
        }
        double score = 1 / (1 + Math.exp(-logit));
        // The level of the stored (rounded) score, so that score and level never disagree on a bound.
        double stored = BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).doubleValue();
        return new CustomerRisk(score, bounds.levelOf(stored), logit, INTERCEPT, contributions);
    }

    private static double log2p1(long n) {
        return Math.log1p(n) / Math.log(2);
    }
}
