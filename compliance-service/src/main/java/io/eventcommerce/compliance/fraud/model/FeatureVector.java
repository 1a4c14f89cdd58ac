package io.eventcommerce.compliance.fraud.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One order's raw feature values. Immutable, so a vector can be scored, logged and kept as a training example without
 * copies; a feature that is not set reads as 0 (no velocity, no mismatch), which is what a missing history means.
 * Values are checked against their feature's {@link Transform} on the way in.
 */
public final class FeatureVector {

    private static final FeatureVector EMPTY = new FeatureVector(new EnumMap<>(Feature.class));

    private final EnumMap<Feature, Double> values;

    private FeatureVector(EnumMap<Feature, Double> values) {
        this.values = values;
    }

    public static FeatureVector empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException if a value does not fit its feature ({@link Transform#validate})
     */
    public static FeatureVector of(Map<Feature, ? extends Number> values) {
        Builder builder = builder();
        values.forEach((feature, value) -> builder.set(feature, value.doubleValue()));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The raw value, 0 when not set. */
    public double get(Feature feature) {
        return values.getOrDefault(Objects.requireNonNull(feature, "feature"), 0.0);
    }

    /** A copy with one value replaced. */
    public FeatureVector with(Feature feature, double value) {
        feature.transform().validate(feature, value);
        EnumMap<Feature, Double> copy = new EnumMap<>(Feature.class);
        copy.putAll(values);
        copy.put(feature, value);
        return new FeatureVector(copy);
    }

    /** The values that were set, in feature order; unmodifiable. */
    public Map<Feature, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureVector" + values;
    }

    /** Collects values; {@link #set} validates each one at once so the offending feature is named. */
    public static final class Builder {

        private final EnumMap<Feature, Double> values = new EnumMap<>(Feature.class);

        private Builder() {
        }

        public Builder set(Feature feature, double value) {
            Objects.requireNonNull(feature, "feature");
            feature.transform().validate(feature, value);
            values.put(feature, value);
            return this;
        }

        /** An indicator: 1 when {@code on}. */
        public Builder set(Feature feature, boolean on) {
            return set(feature, on ? 1.0 : 0.0);
        }

        public FeatureVector build() {
            EnumMap<Feature, Double> copy = new EnumMap<>(Feature.class);
            copy.putAll(values);
            return new FeatureVector(copy);
        }
    }
}
