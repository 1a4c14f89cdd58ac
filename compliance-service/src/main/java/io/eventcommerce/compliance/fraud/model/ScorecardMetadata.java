package io.eventcommerce.compliance.fraud.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a scorecard came from, stored with it: an assessment names the version that scored it, and an officer or
 * auditor can tell how much data and which settings produced the weights.
 *
 * @param version             the name the service gives this model (unique per stored model)
 * @param trainedAt           when it was trained (passed in, not read from a clock, so training is repeatable)
 * @param examples            training examples
 * @param fraudExamples       of which fraudulent
 * @param dataFrom            the earliest training example's time
 * @param dataTo              the latest training example's time
 * @param l2                  the L2 penalty the weights were fitted with
 * @param positiveClassWeight the weight each fraudulent example had in the fit
 * @param iterations          Newton iterations run
 * @param converged           whether the fit met its tolerance before the iteration limit
 */
public record ScorecardMetadata(String version, Instant trainedAt, int examples, int fraudExamples, Instant dataFrom,
                                Instant dataTo, double l2, double positiveClassWeight, int iterations,
                                boolean converged) {

    public ScorecardMetadata {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        Objects.requireNonNull(trainedAt, "trainedAt");
    }
}
