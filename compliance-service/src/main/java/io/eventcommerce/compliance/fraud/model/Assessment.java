package io.eventcommerce.compliance.fraud.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one order, shaped for {@code FraudAssessed}: the reported score is the model's probability raised
 * to the threshold of a hard rule's floor, so that score and decision never contradict each other on the event
 * (a REJECT never carries a score below the reject threshold); the model's own probability is kept alongside for
 * the review screen and monitoring.
 *
 * @param score            0..1, for {@code FraudAssessed.score}
 * @param modelProbability the scorecard's probability before any floor
 * @param decision         the policy's decision on the score, at least every firing rule's floor
 * @param reasons          reason codes, most important first: firing hard rules (most severe first), then the
 *                         features that raised the score most
 * @param modelVersion     the scorecard's version
 * @param explanation      the scorecard's full answer (every contribution)
 */
public record Assessment(double score, double modelProbability, Decision decision, List<String> reasons,
                         String modelVersion, Score explanation) {

    public Assessment {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(explanation, "explanation");
        reasons = List.copyOf(reasons);
    }

    /** {@code FraudAssessed}'s decision string. */
    public String decisionCode() {
        return decision.code();
    }

    /** {@link #score} for {@code FraudAssessed.score} (DECIMAL), 4 places, half up. */
    public BigDecimal scoreDecimal() {
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
    }
}
