package io.eventcommerce.compliance.fraud.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogisticScorecardTest {

    private static final ScorecardMetadata METADATA = new ScorecardMetadata("hand-1",
            Instant.parse("2026-06-01T00:00:00Z"), 0, 0, Instant.EPOCH, Instant.EPOCH, 1e-3, 1.0, 0, true);

    /** IP mismatch: mean 0.1, sd 0.3, weight 1.0; orders in 1 h: mean 0.5, sd 0.5, weight 0.5; age: weight -0.8. */
    private static final LogisticScorecard HAND = new LogisticScorecard(METADATA, -3.0,
            Map.of(Feature.IP_COUNTRY_MISMATCH, 1.0, Feature.ORDERS_1H, 0.5, Feature.ACCOUNT_AGE_DAYS, -0.8),
            new Standardisation(
                    Map.of(Feature.IP_COUNTRY_MISMATCH, 0.1, Feature.ORDERS_1H, 0.5, Feature.ACCOUNT_AGE_DAYS, 4.0),
                    Map.of(Feature.IP_COUNTRY_MISMATCH, 0.3, Feature.ORDERS_1H, 0.5, Feature.ACCOUNT_AGE_DAYS, 1.0)));

    @Test
    void contributionsAreWeightTimesStandardisedValueAndAddUpToTheLogit() {
        FeatureVector vector = FeatureVector.builder()
                .set(Feature.IP_COUNTRY_MISMATCH, true)
                .set(Feature.ORDERS_1H, 3)
                .set(Feature.ACCOUNT_AGE_DAYS, Math.expm1(6.0))
                .set(Feature.NIGHT_TIME, true)
                .build();

        Score score = HAND.score(vector);

        assertThat(score.contributions()).containsOnlyKeys(Feature.IP_COUNTRY_MISMATCH, Feature.ORDERS_1H,
                Feature.ACCOUNT_AGE_DAYS);
        assertThat(score.contributions().get(Feature.IP_COUNTRY_MISMATCH)).isCloseTo(3.0, within(1e-12));
        assertThat(score.contributions().get(Feature.ORDERS_1H))
                .isCloseTo(0.5 * (Math.log(4) - 0.5) / 0.5, within(1e-12));
        assertThat(score.contributions().get(Feature.ACCOUNT_AGE_DAYS)).isCloseTo(-1.6, within(1e-9));
        double sum = score.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(score.intercept()).isEqualTo(-3.0);
        assertThat(score.logit()).isCloseTo(-3.0 + sum, within(1e-12));
        assertThat(Math.log(score.probability() / (1 - score.probability()))).isCloseTo(score.logit(), within(1e-9));
    }

    @Test
    void anOrderAtTheTrainingMeansScoresTheIntercept() {
        FeatureVector average = FeatureVector.builder()
                .set(Feature.ORDERS_1H, Math.expm1(0.5))
                .set(Feature.ACCOUNT_AGE_DAYS, Math.expm1(4.0))
                .build();
        Score score = HAND.score(average);

        // the IP indicator cannot sit at its mean 0.1: its absent mismatch takes (0 - 0.1) / 0.3 log-odds away
        assertThat(score.contributions().get(Feature.ORDERS_1H)).isCloseTo(0.0, within(1e-12));
        assertThat(score.contributions().get(Feature.ACCOUNT_AGE_DAYS)).isCloseTo(0.0, within(1e-12));
        assertThat(score.logit()).isCloseTo(-3.0 - 1.0 / 3, within(1e-9));
        assertThat(score.reasons(3, 0)).isEmpty();
    }

    @Test
    void reasonsAreThePositiveContributionsLargestFirst() {
        FeatureVector young = FeatureVector.builder()
                .set(Feature.IP_COUNTRY_MISMATCH, true)   // +3.0
                .set(Feature.ORDERS_1H, 3)                // +0.886
                .set(Feature.ACCOUNT_AGE_DAYS, 1)         // -0.8 * (log 2 - 4) = +2.645
                .build();
        Score score = HAND.score(young);

        assertThat(score.reasons(3, 0)).containsExactly(Feature.IP_COUNTRY_MISMATCH, Feature.ACCOUNT_AGE_DAYS,
                Feature.ORDERS_1H);
        assertThat(score.reasons(2, 0)).containsExactly(Feature.IP_COUNTRY_MISMATCH, Feature.ACCOUNT_AGE_DAYS);
        assertThat(score.reasons(3, 1.0)).containsExactly(Feature.IP_COUNTRY_MISMATCH, Feature.ACCOUNT_AGE_DAYS);
        assertThat(score.reasons(0, 0)).isEmpty();

        Score oldAccount = HAND.score(young.with(Feature.ACCOUNT_AGE_DAYS, 5000));
        assertThat(oldAccount.contributions().get(Feature.ACCOUNT_AGE_DAYS)).isNegative();
        assertThat(oldAccount.reasons(3, -5)).containsExactly(Feature.IP_COUNTRY_MISMATCH, Feature.ORDERS_1H);
    }

    @Test
    void aStoredScorecardScoresExactlyTheSameAfterAJsonRoundTrip() throws Exception {
        LogisticScorecard trained = new ScorecardTrainer().train(SyntheticOrders.generate(3_000, 11), "v2",
                Instant.parse("2026-06-01T00:00:00Z"));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();

        String stored = json.writeValueAsString(trained.toDefinition());
        LogisticScorecard loaded = LogisticScorecard.fromDefinition(json.readValue(stored, ScorecardDefinition.class));

        assertThat(loaded.toDefinition()).isEqualTo(trained.toDefinition());
        assertThat(stored).contains("\"feature\":\"IP_COUNTRY_MISMATCH\"", "\"transform\":\"INDICATOR\"",
                "\"version\":\"v2\"");
        for (LabelledExample example : SyntheticOrders.generate(500, 12)) {
            assertThat(loaded.score(example.features())).isEqualTo(trained.score(example.features()));
        }
    }

    @Test
    void refusesADefinitionItCannotScoreFaithfully() {
        ScorecardDefinition good = HAND.toDefinition();

        assertThatThrownBy(() -> LogisticScorecard.fromDefinition(new ScorecardDefinition(2, good.metadata(),
                good.intercept(), good.terms()))).hasMessageContaining("format");
        assertThatThrownBy(() -> LogisticScorecard.fromDefinition(withTerm(good,
                new ScorecardDefinition.Term("NO_SUCH_FEATURE", "INDICATOR", 0, 1, 1))))
                .hasMessageContaining("unknown feature");
        assertThatThrownBy(() -> LogisticScorecard.fromDefinition(withTerm(good,
                new ScorecardDefinition.Term("NIGHT_TIME", "LOG1P", 0, 1, 1))))
                .hasMessageContaining("transform");
        assertThatThrownBy(() -> LogisticScorecard.fromDefinition(withTerm(good, good.terms().get(0))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> LogisticScorecard.fromDefinition(withTerm(good,
                new ScorecardDefinition.Term("NIGHT_TIME", "INDICATOR", 0, 0, 1))))
                .hasMessageContaining("sd");
    }

    private static ScorecardDefinition withTerm(ScorecardDefinition definition, ScorecardDefinition.Term term) {
        List<ScorecardDefinition.Term> terms = new ArrayList<>(definition.terms());
        terms.add(term);
        return new ScorecardDefinition(definition.format(), definition.metadata(), definition.intercept(), terms);
    }

    @Test
    void weightsAndStandardisationMustCoverTheSameFeatures() {
        assertThatThrownBy(() -> new LogisticScorecard(METADATA, 0, Map.of(Feature.NIGHT_TIME, 1.0),
                new Standardisation(Map.of(Feature.ORDERS_1H, 0.0), Map.of(Feature.ORDERS_1H, 1.0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogisticScorecard(METADATA, 0, Map.of(Feature.NIGHT_TIME, Double.NaN),
                new Standardisation(Map.of(Feature.NIGHT_TIME, 0.0), Map.of(Feature.NIGHT_TIME, 1.0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extremeLogitsStayProbabilities() {
        assertThat(LogisticScorecard.sigmoid(800)).isEqualTo(1.0);
        assertThat(LogisticScorecard.sigmoid(-800)).isEqualTo(0.0);
        assertThat(LogisticScorecard.sigmoid(0)).isEqualTo(0.5);
    }
}
