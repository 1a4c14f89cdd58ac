package io.eventcommerce.compliance.fraud.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A past order with its known outcome, for training and evaluation. The time orders the examples for a time split:
 * a model is judged on orders placed after the ones it learned from, as it will be in production.
 *
 * @param features the order's features as they were when it was placed
 * @param fraud    whether it turned out fraudulent (chargeback, confirmed by an officer, generator ground truth)
 * @param time     when it was placed
 */
public record LabelledExample(FeatureVector features, boolean fraud, Instant time) {

    public LabelledExample {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(time, "time");
    }
}
