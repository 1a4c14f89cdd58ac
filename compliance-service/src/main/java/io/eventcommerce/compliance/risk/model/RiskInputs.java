package io.eventcommerce.compliance.risk.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The facts about one customer that its risk score is computed from, as the service counts them from its own
 * event-fed tables.
 *
 * @param maxFraudScore     highest fraud score (0..1) of its orders in the window; 0 without any
 * @param meanFraudScore    mean fraud score (0..1) of its orders in the window; 0 without any
 * @param chargebacks       fraud chargebacks, ever
 * @param officerRejections orders an officer rejected, ever
 * @param fraudLabels       orders labelled fraud by an import, ever
 * @param declinesInARow    payment declines in a row now
 * @param accountAgeDays    days since registration (or its first order)
 */
public record RiskInputs(double maxFraudScore, double meanFraudScore, long chargebacks, long officerRejections,
                         long fraudLabels, long declinesInARow, double accountAgeDays) {

    public RiskInputs {
        if (maxFraudScore < 0 || maxFraudScore > 1 || meanFraudScore < 0 || meanFraudScore > 1) {
            throw new IllegalArgumentException("fraud scores are 0..1, were " + maxFraudScore + ", " + meanFraudScore);
        }
        if (chargebacks < 0 || officerRejections < 0 || fraudLabels < 0 || declinesInARow < 0 || accountAgeDays < 0
                || Double.isNaN(accountAgeDays)) {
            throw new IllegalArgumentException("counts and age must be >= 0");
        }
    }

    /** The raw value of each factor, for display. */
    public Map<RiskFactor, Double> values() {
        Map<RiskFactor, Double> v = new EnumMap<>(RiskFactor.class);
        v.put(RiskFactor.MAX_FRAUD_SCORE, maxFraudScore);
        v.put(RiskFactor.MEAN_FRAUD_SCORE, meanFraudScore);
        v.put(RiskFactor.CHARGEBACKS, (double) chargebacks);
        v.put(RiskFactor.OFFICER_REJECTIONS, (double) officerRejections);
        v.put(RiskFactor.FRAUD_LABELS, (double) fraudLabels);
        v.put(RiskFactor.DECLINES_IN_A_ROW, (double) declinesInARow);
        v.put(RiskFactor.ACCOUNT_AGE_DAYS, accountAgeDays);
        return v;
    }
}
