package io.eventcommerce.compliance.fraud.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FraudAssessorTest {

    private static final ScorecardMetadata METADATA = new ScorecardMetadata("hand-2",
            Instant.parse("2026-06-01T00:00:00Z"), 0, 0, Instant.EPOCH, Instant.EPOCH, 1e-3, 1.0, 0, true);

    /** Only the IP mismatch matters: logit -5 without it (p 0.0067), -5 + 4 = -1 with it (p 0.269). */
    private static final LogisticScorecard SCORECARD = new LogisticScorecard(METADATA, -5.0,
            Map.of(Feature.IP_COUNTRY_MISMATCH, 4.0),
            new Standardisation(Map.of(Feature.IP_COUNTRY_MISMATCH, 0.0), Map.of(Feature.IP_COUNTRY_MISMATCH, 1.0)));

    private static final DecisionPolicy POLICY = new DecisionPolicy(0.2, 0.6);
    private static final FraudAssessor ASSESSOR = new FraudAssessor(SCORECARD, HardRules.defaults(), POLICY);

    @Test
    void theScoreDecidesWhenNoRuleFires() {
        Assessment clean = ASSESSOR.assess(FeatureVector.empty());
        Assessment mismatch = ASSESSOR.assess(FeatureVector.builder().set(Feature.IP_COUNTRY_MISMATCH, true).build());

        assertThat(clean.decision()).isEqualTo(Decision.APPROVE);
        assertThat(clean.reasons()).isEmpty();
        assertThat(clean.score()).isCloseTo(1 / (1 + Math.exp(5)), within(1e-12));
        assertThat(mismatch.decision()).isEqualTo(Decision.REVIEW);
        assertThat(mismatch.decisionCode()).isEqualTo("REVIEW");
        assertThat(mismatch.reasons()).containsExactly("IP_COUNTRY_MISMATCH");
        assertThat(mismatch.scoreDecimal()).isEqualByComparingTo(new BigDecimal("0.2689"));
        assertThat(mismatch.modelVersion()).isEqualTo("hand-2");
    }

    @Test
    void aCardSharedByFourCustomersIsRejectedWhateverTheScore() {
        Assessment three = ASSESSOR.assess(FeatureVector.builder().set(Feature.CUSTOMERS_PER_CARD, 3).build());
        Assessment four = ASSESSOR.assess(FeatureVector.builder().set(Feature.CUSTOMERS_PER_CARD, 4).build());

        assertThat(three.decision()).isEqualTo(Decision.APPROVE);
        assertThat(four.decision()).isEqualTo(Decision.REJECT);
        assertThat(four.reasons()).containsExactly(HardRules.CARD_SHARED_BY_CUSTOMERS);
        assertThat(four.score()).isEqualTo(0.6);
        assertThat(four.modelProbability()).isLessThan(0.01);
    }

    @Test
    void aReviewFloorNeverLowersARejection() {
        LogisticScorecard alarmed = new LogisticScorecard(METADATA, 3.0, SCORECARD.weights(),
                SCORECARD.standardisation());
        FraudAssessor assessor = new FraudAssessor(alarmed, HardRules.defaults(), POLICY);
        FeatureVector declines = FeatureVector.builder()
                .set(Feature.DECLINES_IN_A_ROW, 3)
                .set(Feature.IP_COUNTRY_MISMATCH, true)
                .build();

        Assessment assessment = assessor.assess(declines);

        assertThat(assessment.decision()).isEqualTo(Decision.REJECT);
        assertThat(assessment.score()).isEqualTo(assessment.modelProbability());
        assertThat(assessment.reasons()).containsExactly(HardRules.REPEATED_DECLINES, "IP_COUNTRY_MISMATCH");
        assertThat(ASSESSOR.assess(FeatureVector.builder().set(Feature.DECLINES_IN_A_ROW, 3).build()).decision())
                .isEqualTo(Decision.REVIEW);
        assertThat(ASSESSOR.assess(FeatureVector.builder().set(Feature.DECLINES_IN_A_ROW, 2).build()).decision())
                .isEqualTo(Decision.APPROVE);
    }

    @Test
    void rulesComeFirstMostSevereFirst() {
        FeatureVector vector = FeatureVector.builder()
                .set(Feature.DECLINES_IN_A_ROW, 5)
                .set(Feature.CUSTOMERS_PER_CARD, 6)
                .set(Feature.IP_COUNTRY_MISMATCH, true)
                .build();

        Assessment assessment = ASSESSOR.assess(vector);

        assertThat(assessment.decision()).isEqualTo(Decision.REJECT);
        assertThat(assessment.reasons()).containsExactly(HardRules.CARD_SHARED_BY_CUSTOMERS,
                HardRules.REPEATED_DECLINES, "IP_COUNTRY_MISMATCH");
    }

    @Test
    void thresholdsAreConfigurable() {
        HardRules strict = HardRules.of(2, 1, 2);
        FeatureVector vector = FeatureVector.builder().set(Feature.CUSTOMERS_PER_CARD, 2).build();

        assertThat(new FraudAssessor(SCORECARD, strict, POLICY).assess(vector).decision()).isEqualTo(Decision.REJECT);
        assertThat(new FraudAssessor(SCORECARD, HardRules.none(), POLICY).assess(vector.with(
                Feature.CUSTOMERS_PER_CARD, 50)).decision()).isEqualTo(Decision.APPROVE);
        assertThat(new FraudAssessor(SCORECARD, HardRules.none(), new DecisionPolicy(0.1, 0.25))
                .assess(FeatureVector.builder().set(Feature.IP_COUNTRY_MISMATCH, true).build()).decision())
                .isEqualTo(Decision.REJECT);
    }

    @Test
    void refusesMalformedRules() {
        assertThatThrownBy(() -> new HardRule("X", Feature.ORDERS_1H, 3, Decision.APPROVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HardRules(List.of(
                new HardRule("X", Feature.ORDERS_1H, 3, Decision.REVIEW),
                new HardRule("X", Feature.ORDERS_24H, 9, Decision.REVIEW))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FraudAssessor(SCORECARD, HardRules.none(), POLICY, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
