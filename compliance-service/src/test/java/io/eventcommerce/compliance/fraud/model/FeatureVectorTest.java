package io.eventcommerce.compliance.fraud.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureVectorTest {

    @Test
    void anUnsetFeatureReadsZero() {
        FeatureVector vector = FeatureVector.builder().set(Feature.ORDERS_1H, 2).build();

        assertThat(vector.get(Feature.ORDERS_1H)).isEqualTo(2.0);
        assertThat(vector.get(Feature.CUSTOMERS_PER_CARD)).isZero();
        assertThat(FeatureVector.empty().get(Feature.ORDER_TOTAL)).isZero();
    }

    @Test
    void isImmutable() {
        FeatureVector.Builder builder = FeatureVector.builder().set(Feature.ORDERS_1H, 2);
        FeatureVector vector = builder.build();
        builder.set(Feature.ORDERS_1H, 5);
        FeatureVector changed = vector.with(Feature.ORDERS_1H, 7);

        assertThat(vector.get(Feature.ORDERS_1H)).isEqualTo(2.0);
        assertThat(changed.get(Feature.ORDERS_1H)).isEqualTo(7.0);
        assertThatThrownBy(() -> vector.asMap().put(Feature.NIGHT_TIME, 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(FeatureVector.of(Map.of(Feature.ORDERS_1H, 2))).isEqualTo(vector);
    }

    @Test
    void refusesValuesNoCorrectFeatureComputationGives() {
        FeatureVector.Builder builder = FeatureVector.builder();
        assertThatThrownBy(() -> builder.set(Feature.ORDERS_24H, -1)).hasMessageContaining("ORDERS_24H");
        assertThatThrownBy(() -> builder.set(Feature.FIRST_ORDER, 0.5)).hasMessageContaining("FIRST_ORDER");
        assertThatThrownBy(() -> builder.set(Feature.HIGH_RISK_CATEGORY_SHARE, 1.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.set(Feature.ORDER_TOTAL, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.set(Feature.AMOUNT_ZSCORE, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.set(Feature.AMOUNT_ZSCORE, -4).build().get(Feature.AMOUNT_ZSCORE)).isEqualTo(-4.0);
    }

    @Test
    void transformsBendCountsCapZScoresAndKeepIndicators() {
        assertThat(Feature.ORDERS_7D.transformed(0)).isZero();
        assertThat(Feature.ORDERS_7D.transformed(9)).isCloseTo(Math.log(10), within(1e-12));
        assertThat(Feature.AMOUNT_ZSCORE.transformed(40)).isEqualTo(Transform.CAP);
        assertThat(Feature.AMOUNT_ZSCORE.transformed(-40)).isEqualTo(-Transform.CAP);
        assertThat(Feature.AMOUNT_ZSCORE.transformed(1.5)).isEqualTo(1.5);
        assertThat(Feature.NIGHT_TIME.transformed(1)).isEqualTo(1.0);
        assertThat(Feature.HIGH_RISK_CATEGORY_SHARE.transformed(0.25)).isEqualTo(0.25);
    }

    @Test
    void codesAreUniqueAndFindTheirFeature() {
        assertThat(Arrays.stream(Feature.values()).map(Feature::code).distinct()).hasSize(Feature.values().length);
        for (Feature feature : Feature.values()) {
            assertThat(Feature.fromCode(feature.code())).isSameAs(feature);
            assertThat(feature.description()).isNotBlank();
        }
        assertThatThrownBy(() -> Feature.fromCode("NOPE")).isInstanceOf(IllegalArgumentException.class);
    }
}
