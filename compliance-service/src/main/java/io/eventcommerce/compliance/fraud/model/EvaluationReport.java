package io.eventcommerce.compliance.fraud.model;

import java.time.Instant;
import java.util.Objects;

/**
 * How a model did on orders placed after those it learned from, next to the rules-only baseline on the same orders,
 * so the service can show whether the learned weights earn their keep and what the thresholds cost. Plain numbers,
 * for the model table and the API.
 *
 * @param modelVersion   the evaluated scorecard
 * @param cutoff         training examples are before it, test examples at or after it
 * @param trainExamples  training examples
 * @param trainFraud     of which fraudulent
 * @param testExamples   hold-out examples
 * @param testFraud      of which fraudulent
 * @param reviewAt       the policy's review threshold used
 * @param rejectAt       the policy's reject threshold used
 * @param model          the scorecard alone (no hard rules)
 * @param modelWithRules the scorecard with the hard rules, as the service runs it
 * @param rulesOnly      {@link RulesBaseline} with the hard rules
 */
public record EvaluationReport(String modelVersion, Instant cutoff, int trainExamples, int trainFraud,
                               int testExamples, int testFraud, double reviewAt, double rejectAt, Figures model,
                               Figures modelWithRules, Figures rulesOnly) {

    public EvaluationReport {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelWithRules, "modelWithRules");
        Objects.requireNonNull(rulesOnly, "rulesOnly");
    }

    /**
     * One scorer's figures on the hold-out. "At REVIEW" counts every order held or rejected (decision REVIEW or
     * above); "at REJECT" only the rejected. A precision with nothing flagged is 0.
     *
     * @param rocAuc                  probability that a random fraudulent order scores above a random legitimate
     *                                one (ties count half)
     * @param averagePrecision        area under the precision-recall curve (step-wise, ties as one threshold)
     * @param precisionAtReview       fraudulent share of the orders held or rejected
     * @param recallAtReview          share of the fraudulent orders held or rejected
     * @param precisionAtReject       fraudulent share of the rejected orders
     * @param recallAtReject          share of the fraudulent orders rejected
     * @param legitimateHeldShare     share of the legitimate orders held for review (decision REVIEW)
     * @param legitimateDeclinedShare share of the legitimate orders rejected
     */
    public record Figures(double rocAuc, double averagePrecision, double precisionAtReview, double recallAtReview,
                          double precisionAtReject, double recallAtReject, double legitimateHeldShare,
                          double legitimateDeclinedShare) {
    }
}
