package io.eventcommerce.compliance.fraud.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mean and standard deviation of each transformed feature over the training data. Standardising puts all
 * features on one scale, so that one L2 penalty treats them alike, Newton's method is well conditioned, and a
 * contribution {@code weight * z} reads as "how far this order is from the average training order, in log-odds".
 * The statistics belong to the model: scoring with other means would shift every score.
 *
 * @param means transformed-value mean per feature; its keys are the model's features
 * @param sds   transformed-value population standard deviation per feature, &gt; 0
 */
public record Standardisation(Map<Feature, Double> means, Map<Feature, Double> sds) {

    /**
     * A feature constant over the training data gets this sd: its standardised value is then 0 on every training
     * example, the penalised fit leaves its weight at 0, and a new value still scores finitely.
     */
    public static final double CONSTANT_FEATURE_SD = 1.0;

    private static final double MIN_SD = 1e-9;

    public Standardisation {
        if (!means.keySet().equals(sds.keySet())) {
            throw new IllegalArgumentException("means and sds must cover the same features");
        }
        sds.forEach((feature, sd) -> {
            if (!(sd > 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("sd of " + feature + " must be positive, was " + sd);
            }
        });
        means.forEach((feature, mean) -> {
            if (!Double.isFinite(mean)) {
                throw new IllegalArgumentException("mean of " + feature + " must be finite, was " + mean);
            }
        });
        means = Collections.unmodifiableMap(copy(means));
        sds = Collections.unmodifiableMap(copy(sds));
    }

    private static EnumMap<Feature, Double> copy(Map<Feature, Double> map) {
        EnumMap<Feature, Double> copy = new EnumMap<>(Feature.class);
        copy.putAll(map);
        return copy;
    }

    /** Learns the statistics of {@code features} from {@code vectors} (two passes, for accuracy). */
    public static Standardisation fit(Set<Feature> features, List<FeatureVector> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to learn a standardisation from");
        }
        EnumMap<Feature, Double> means = new EnumMap<>(Feature.class);
        EnumMap<Feature, Double> sds = new EnumMap<>(Feature.class);
        int n = vectors.size();
        for (Feature feature : features) {
            double sum = 0;
            for (FeatureVector vector : vectors) {
                sum += feature.transformed(vector.get(feature));
            }
            double mean = sum / n;
            double squares = 0;
            for (FeatureVector vector : vectors) {
                double d = feature.transformed(vector.get(feature)) - mean;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / n);
            means.put(feature, mean);
            sds.put(feature, sd < MIN_SD ? CONSTANT_FEATURE_SD : sd);
        }
        return new Standardisation(means, sds);
    }

    public Set<Feature> features() {
        return means.keySet();
    }

    /** {@code (transform(raw) - mean) / sd} of one of the model's features. */
    public double standardise(Feature feature, double raw) {
        Double mean = means.get(feature);
        if (mean == null) {
            throw new IllegalArgumentException(feature + " is not standardised by this model");
        }
        return (feature.transformed(raw) - mean) / sds.get(feature);
    }
}
