package io.eventcommerce.compliance.fraud.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScorecardTrainerTest {

    private static final Instant TRAINED_AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<LabelledExample> DATA = SyntheticOrders.generate(20_000, 42);
    private static final ScorecardTrainer TRAINER = new ScorecardTrainer(
            ScorecardTrainer.Options.defaults().withFeatures(SyntheticOrders.TRUE_WEIGHTS.keySet()));

    @Test
    void recoversTheGeneratingModelsWeights() {
        LogisticScorecard scorecard = TRAINER.train(DATA, "synthetic-1", TRAINED_AT);

        assertThat(scorecard.metadata().converged()).isTrue();
        assertThat(scorecard.metadata().iterations()).isLessThan(50);
        SyntheticOrders.TRUE_WEIGHTS.forEach((feature, truth) -> assertThat(
                scorecard.weightPerTransformedUnit(feature)).as(feature.code()).isCloseTo(truth, within(0.2)));
        assertThat(scorecard.weightPerTransformedUnit(Feature.IP_COUNTRY_MISMATCH)).isPositive();
        assertThat(scorecard.weightPerTransformedUnit(Feature.ACCOUNT_AGE_DAYS)).isNegative();

        List<Feature> byStrength = SyntheticOrders.TRUE_WEIGHTS.keySet().stream()
                .sorted(Comparator.comparingDouble((Feature f) -> -Math.abs(scorecard.weightPerTransformedUnit(f))))
                .limit(5)
                .toList();
        assertThat(byStrength).containsExactly(Feature.IP_COUNTRY_MISMATCH, Feature.CARD_COUNTRY_MISMATCH,
                Feature.ORDERS_1H, Feature.AMOUNT_ZSCORE, Feature.ACCOUNT_AGE_DAYS);
    }

    @Test
    void classWeightingKeepsScoresCalibrated() {
        LogisticScorecard scorecard = TRAINER.train(DATA, "synthetic-1", TRAINED_AT);
        double fraudRate = DATA.stream().filter(LabelledExample::fraud).count() / (double) DATA.size();
        double meanScore = DATA.stream().mapToDouble(e -> scorecard.score(e.features()).probability()).average()
                .orElseThrow();

        assertThat(scorecard.metadata().positiveClassWeight()).isGreaterThan(5);
        assertThat(meanScore).isCloseTo(fraudRate, within(fraudRate * 0.15));
        assertThat(rawIntercept(scorecard)).isCloseTo(SyntheticOrders.TRUE_INTERCEPT, within(0.3));

        LogisticScorecard uncorrected = new ScorecardTrainer(TRAINER.options().withCorrectInterceptForClassWeight(false))
                .train(DATA, "synthetic-1", TRAINED_AT);
        assertThat(uncorrected.intercept() - scorecard.intercept())
                .isCloseTo(Math.log(scorecard.metadata().positiveClassWeight()), within(1e-12));
    }

    /** The intercept of the equivalent model on unstandardised transformed values. */
    private static double rawIntercept(LogisticScorecard scorecard) {
        double intercept = scorecard.intercept();
        for (Map.Entry<Feature, Double> w : scorecard.weights().entrySet()) {
            intercept -= w.getValue() * scorecard.standardisation().means().get(w.getKey())
                    / scorecard.standardisation().sds().get(w.getKey());
        }
        return intercept;
    }

    @Test
    void aStrongerPenaltyShrinksTheWeights() {
        LogisticScorecard light = TRAINER.train(DATA, "v", TRAINED_AT);
        LogisticScorecard heavy = new ScorecardTrainer(TRAINER.options().withL2(1.0)).train(DATA, "v", TRAINED_AT);

        assertThat(Math.abs(heavy.weights().get(Feature.IP_COUNTRY_MISMATCH)))
                .isLessThan(Math.abs(light.weights().get(Feature.IP_COUNTRY_MISMATCH)) / 2);
    }

    @Test
    void theSameDataGiveTheSameWeights() {
        LogisticScorecard first = TRAINER.train(SyntheticOrders.generate(5_000, 7), "v", TRAINED_AT);
        LogisticScorecard second = TRAINER.train(SyntheticOrders.generate(5_000, 7), "v", TRAINED_AT);

        assertThat(second.toDefinition()).isEqualTo(first.toDefinition());
        assertThat(second.weights()).isEqualTo(first.weights());
    }

    @Test
    void recordsProvenance() {
        List<LabelledExample> data = SyntheticOrders.generate(2_000, 3);
        LogisticScorecard scorecard = TRAINER.train(data, "v7", TRAINED_AT);

        ScorecardMetadata metadata = scorecard.metadata();
        assertThat(metadata.version()).isEqualTo("v7");
        assertThat(metadata.trainedAt()).isEqualTo(TRAINED_AT);
        assertThat(metadata.examples()).isEqualTo(2_000);
        assertThat(metadata.fraudExamples()).isEqualTo((int) data.stream().filter(LabelledExample::fraud).count());
        assertThat(metadata.dataFrom()).isEqualTo(data.get(0).time());
        assertThat(metadata.dataTo()).isEqualTo(data.get(1_999).time());
        assertThat(scorecard.features()).isEqualTo(SyntheticOrders.TRUE_WEIGHTS.keySet());
    }

    @Test
    void stopsAtTheIterationLimit() {
        LogisticScorecard scorecard = new ScorecardTrainer(TRAINER.options().withMaxIterations(1))
                .train(DATA, "v", TRAINED_AT);

        assertThat(scorecard.metadata().iterations()).isEqualTo(1);
        assertThat(scorecard.metadata().converged()).isFalse();
    }

    @Test
    void aFeatureConstantInTrainingGetsNoWeight() {
        LogisticScorecard scorecard = new ScorecardTrainer(ScorecardTrainer.Options.defaults()
                .withFeatures(java.util.Set.of(Feature.IP_COUNTRY_MISMATCH, Feature.FIRST_ORDER)))
                .train(DATA, "v", TRAINED_AT);

        assertThat(scorecard.weights().get(Feature.FIRST_ORDER)).isCloseTo(0.0, within(1e-12));
        assertThat(scorecard.standardisation().sds().get(Feature.FIRST_ORDER))
                .isEqualTo(Standardisation.CONSTANT_FEATURE_SD);
        assertThat(scorecard.score(FeatureVector.builder().set(Feature.FIRST_ORDER, true).build()).probability())
                .isBetween(0.0, 1.0);
    }

    @Test
    void refusesDataWithoutBothClasses() {
        List<LabelledExample> legitimateOnly = DATA.stream().filter(e -> !e.fraud()).toList();

        assertThatThrownBy(() -> TRAINER.train(legitimateOnly, "v", TRAINED_AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraudulent and legitimate");
    }

    @Test
    void refusesInvalidOptions() {
        ScorecardTrainer.Options defaults = ScorecardTrainer.Options.defaults();
        assertThatThrownBy(() -> defaults.withL2(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPositiveClassWeight(-1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTolerance(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withFeatures(java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
