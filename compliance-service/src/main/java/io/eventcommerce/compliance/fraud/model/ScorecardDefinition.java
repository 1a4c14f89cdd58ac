package io.eventcommerce.compliance.fraud.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@link LogisticScorecard} as plain data, for the service's model table (one JSON document) and its REST API:
 * records of strings and numbers that Jackson writes and reads as they are, with features keyed by their stable
 * {@link Feature#code()}. Reading it back gives a scorecard that scores bit for bit the same.
 *
 * @param format    this layout's version, {@value #FORMAT}; a reader refuses others rather than misread them
 * @param metadata  provenance
 * @param intercept log-odds of the average training order
 * @param terms     one per model feature
 */
public record ScorecardDefinition(int format, ScorecardMetadata metadata, double intercept, List<Term> terms) {

    public static final int FORMAT = 1;

    public ScorecardDefinition {
        Objects.requireNonNull(metadata, "metadata");
        terms = List.copyOf(terms);
    }

    /**
     * One feature's part of the model. The transform is stored so that a model trained under another transform of
     * the feature is refused instead of scoring on the wrong scale.
     *
     * @param feature   {@link Feature#code()}
     * @param transform {@link Transform} name
     * @param mean      transformed-value mean of the training data
     * @param sd        transformed-value standard deviation of the training data
     * @param weight    log-odds per standard deviation
     */
    public record Term(String feature, String transform, double mean, double sd, double weight) {

        public Term {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(transform, "transform");
        }
    }
}
