package io.eventcommerce.compliance.fraud.model;

import java.util.Objects;

/**
 * A fact that decides at least {@code floor} whatever the model says: patterns too clear or too rare to leave to
 * learned weights (a card shared by many customers is card testing or a stolen card even if training data never
 * showed it). Fires when the feature's raw value is at least {@code atLeast}.
 *
 * @param reasonCode the reason code it adds, stable like {@link Feature#code()}
 * @param feature    the raw feature it looks at
 * @param atLeast    fires at this raw value or above
 * @param floor      {@link Decision#REVIEW} or {@link Decision#REJECT}
 */
public record HardRule(String reasonCode, Feature feature, double atLeast, Decision floor) {

    public HardRule {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(floor, "floor");
        if (reasonCode.isBlank()) {
            throw new IllegalArgumentException("reasonCode must not be blank");
        }
        if (!Double.isFinite(atLeast)) {
            throw new IllegalArgumentException("atLeast must be finite, was " + atLeast);
        }
        if (floor == Decision.APPROVE) {
            throw new IllegalArgumentException("a hard rule floors at REVIEW or REJECT, not APPROVE");
        }
    }

    public boolean firesOn(FeatureVector vector) {
        return vector.get(feature) >= atLeast;
    }
}
