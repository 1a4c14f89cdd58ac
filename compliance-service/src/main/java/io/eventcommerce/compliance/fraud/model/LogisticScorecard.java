package io.eventcommerce.compliance.fraud.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fraud model: logistic regression on standardised, transformed features. Chosen over richer models because
 * every score decomposes exactly into per-feature contributions in log-odds, which become the reason codes an
 * officer reads and the saga carries, and because its few numbers can be stored, reviewed and versioned.
 * Immutable and thread-safe; scoring does no I/O.
 */
public final class LogisticScorecard {

    private final ScorecardMetadata metadata;
    private final double intercept;
    private final EnumMap<Feature, Double> weights;
    private final Standardisation standardisation;

    /**
     * @param weights log-odds per standard deviation, one per feature of {@code standardisation}
     * @throws IllegalArgumentException if weights and standardisation cover different features or a number is not
     *                                  finite
     */
    public LogisticScorecard(ScorecardMetadata metadata, double intercept, Map<Feature, Double> weights,
                             Standardisation standardisation) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.standardisation = Objects.requireNonNull(standardisation, "standardisation");
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite, was " + intercept);
        }
        if (!weights.keySet().equals(standardisation.features())) {
            throw new IllegalArgumentException("weights " + weights.keySet()
                    + " and standardisation " + standardisation.features() + " cover different features");
        }
        weights.forEach((feature, weight) -> {
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + feature + " must be finite, was " + weight);
            }
        });
        this.intercept = intercept;
        this.weights = new EnumMap<>(Feature.class);
        this.weights.putAll(weights);
    }

    /** Scores one order. Features of the vector that the model does not use are ignored. */
    public Score score(FeatureVector vector) {
        EnumMap<Feature, Double> contributions = new EnumMap<>(Feature.class);
        double logit = intercept;
        for (Map.Entry<Feature, Double> term : weights.entrySet()) {
            Feature feature = term.getKey();
            double contribution = term.getValue() * standardisation.standardise(feature, vector.get(feature));
            contributions.put(feature, contribution);
            logit += contribution;
        }
        return new Score(sigmoid(logit), logit, intercept, contributions);
    }

    /** {@code 1 / (1 + e^-x)} without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    public ScorecardMetadata metadata() {
        return metadata;
    }

    public double intercept() {
        return intercept;
    }

    /** Log-odds per standard deviation of the transformed feature; comparable across features. */
    public Map<Feature, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /**
     * Log-odds per unit of the transformed feature ({@code weight / sd}): the coefficient of a logistic model on
     * unstandardised transformed values, for comparing with a known model or another tool's fit.
     */
    public double weightPerTransformedUnit(Feature feature) {
        Double weight = weights.get(feature);
        if (weight == null) {
            throw new IllegalArgumentException(feature + " is not in this model");
        }
        return weight / standardisation.sds().get(feature);
    }

    public Standardisation standardisation() {
        return standardisation;
    }

    public Set<Feature> features() {
        return Collections.unmodifiableSet(weights.keySet());
    }

    /** The model as plain data, for storage; {@link #fromDefinition} reads it back. */
    public ScorecardDefinition toDefinition() {
        List<ScorecardDefinition.Term> terms = new ArrayList<>();
        weights.forEach((feature, weight) -> terms.add(new ScorecardDefinition.Term(feature.code(),
                feature.transform().name(), standardisation.means().get(feature), standardisation.sds().get(feature),
                weight)));
        return new ScorecardDefinition(ScorecardDefinition.FORMAT, metadata, intercept, terms);
    }

    /**
     * @throws IllegalArgumentException for another format, an unknown feature, a feature stored twice or under a
     *                                  transform it no longer has
     */
    public static LogisticScorecard fromDefinition(ScorecardDefinition definition) {
        if (definition.format() != ScorecardDefinition.FORMAT) {
            throw new IllegalArgumentException("scorecard format " + definition.format() + " is not "
                    + ScorecardDefinition.FORMAT);
        }
        EnumMap<Feature, Double> weights = new EnumMap<>(Feature.class);
        EnumMap<Feature, Double> means = new EnumMap<>(Feature.class);
        EnumMap<Feature, Double> sds = new EnumMap<>(Feature.class);
        for (ScorecardDefinition.Term term : definition.terms()) {
            Feature feature = Feature.fromCode(term.feature());
            if (!feature.transform().name().equals(term.transform())) {
                throw new IllegalArgumentException(feature + " was trained under transform " + term.transform()
                        + " but is now " + feature.transform());
            }
            if (weights.put(feature, term.weight()) != null) {
                throw new IllegalArgumentException(feature + " appears twice");
            }
            means.put(feature, term.mean());
            sds.put(feature, term.sd());
        }
        return new LogisticScorecard(definition.metadata(), definition.intercept(), weights,
                new Standardisation(means, sds));
    }

    @Override
    public String toString() {
        return "LogisticScorecard[" + metadata.version() + ", intercept=" + intercept + ", weights=" + weights + "]";
    }
}
