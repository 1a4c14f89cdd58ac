package io.eventcommerce.compliance.risk.model;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RiskScorecardTest {

    private final RiskScorecard scorecard = new RiskScorecard(new RiskBounds(0.25, 0.60));

    /** A customer of 400 days whose recent orders all scored low: nothing else known about it. */
    private static RiskInputs clean() {
        return new RiskInputs(0.08, 0.04, 0, 0, 0, 0, 400);
    }

    private static RiskInputs with(RiskInputs in, UnaryOperator<Builder> change) {
        return change.apply(new Builder(in)).build();
    }

    @Test
    void aLongStandingCleanCustomerIsLowAndItsAgeLowersTheScore() {
        CustomerRisk risk = scorecard.score(clean());
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.contributions().get(RiskFactor.ACCOUNT_AGE_DAYS).logOdds()).isNegative();
        assertThat(risk.score()).isLessThan(scorecard.score(with(clean(), b -> b.age(3))).score());
        assertThat(risk.reasons()).doesNotContain(RiskFactor.ACCOUNT_AGE_DAYS);
    }

    @Test
    void aNewCustomerWithoutHistoryIsLowToo() {
        assertThat(scorecard.score(new RiskInputs(0, 0, 0, 0, 0, 0, 0)).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void oneChargebackMakesALongStandingCustomerAtLeastMediumAndTwoHigh() {
        CustomerRisk one = scorecard.score(with(clean(), b -> b.chargebacks(1)));
        CustomerRisk two = scorecard.score(with(clean(), b -> b.chargebacks(2)));
        assertThat(one.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(two.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(one.reasons()).startsWith(RiskFactor.CHARGEBACKS);
        // The first chargeback counts most: the second adds less than the first.
        double first = one.contributions().get(RiskFactor.CHARGEBACKS).logOdds();
        double second = two.contributions().get(RiskFactor.CHARGEBACKS).logOdds() - first;
        assertThat(second).isPositive().isLessThan(first);
    }

    @Test
    void aRejectedOrderOfANewAccountIsHigh() {
        CustomerRisk risk = scorecard.score(new RiskInputs(0.7, 0.7, 0, 1, 0, 0, 2));
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.reasons()).containsSubsequence(RiskFactor.MAX_FRAUD_SCORE, RiskFactor.OFFICER_REJECTIONS);
    }

    @Test
    void everyRiskFactorRaisesTheScoreAndAgeLowersIt() {
        double base = scorecard.score(clean()).score();
        assertThat(scorecard.score(with(clean(), b -> b.max(0.5))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.mean(0.06))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.chargebacks(1))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.rejections(1))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.labels(1))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.declines(2))).score()).isGreaterThan(base);
        assertThat(scorecard.score(with(clean(), b -> b.age(800))).score()).isLessThan(base);
    }

    @Test
    void declinesAndAgeAreCapped() {
        assertThat(scorecard.score(with(clean(), b -> b.declines(50))).score())
                .isEqualTo(scorecard.score(with(clean(), b -> b.declines(RiskScorecard.DECLINE_CAP))).score());
        assertThat(scorecard.score(with(clean(), b -> b.age(5_000))).score())
                .isEqualTo(scorecard.score(with(clean(), b -> b.age(600))).score());
    }

    @Test
    void theContributionsAccountForTheScoreExactly() {
        CustomerRisk risk = scorecard.score(new RiskInputs(0.35, 0.2, 1, 1, 2, 3, 40));
        double sum = risk.intercept() + risk.contributions().values().stream()
                .mapToDouble(CustomerRisk.Contribution::logOdds).sum();
        assertThat(risk.logit()).isCloseTo(sum, within(1e-12));
        assertThat(risk.score()).isCloseTo(1 / (1 + Math.exp(-sum)), within(1e-12));
        assertThat(risk.contributions()).containsOnlyKeys(RiskFactor.values());
        assertThat(risk.contributions().get(RiskFactor.DECLINES_IN_A_ROW).value()).isEqualTo(3.0);
        assertThat(risk.reasons()).doesNotHaveDuplicates()
                .allSatisfy(f -> assertThat(risk.contributions().get(f).logOdds()).isPositive());
    }

    @Test
    void theLevelIsThatOfTheStoredScoreAndTheBoundsAreSettings() {
        RiskInputs in = new RiskInputs(0.35, 0.2, 0, 0, 0, 1, 40);
        CustomerRisk risk = scorecard.score(in);
        double stored = risk.scoreDecimal().doubleValue();
        assertThat(new RiskScorecard(new RiskBounds(stored, 0.9)).score(in).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(new RiskScorecard(new RiskBounds(stored + 0.001, 0.9)).score(in).level())
                .isEqualTo(RiskLevel.LOW);
        assertThat(new RiskScorecard(new RiskBounds(0.01, stored)).score(in).level()).isEqualTo(RiskLevel.HIGH);
        assertThatThrownBy(() -> new RiskBounds(0.6, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskInputs(1.2, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskInputs(0, 0, -1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameInputsGiveTheSameScore() {
        RiskInputs in = new RiskInputs(0.35, 0.2, 1, 0, 0, 2, 40);
        assertThat(scorecard.score(in)).isEqualTo(scorecard.score(in));
    }

    /** Changes one input of a RiskInputs. */
    private static final class Builder {
        private double max;
        private double mean;
        private long chargebacks;
        private long rejections;
        private long labels;
        private long declines;
        private double age;

        Builder(RiskInputs in) {
            max = in.maxFraudScore();
            mean = in.meanFraudScore();
            chargebacks = in.chargebacks();
            rejections = in.officerRejections();
            labels = in.fraudLabels();
            declines = in.declinesInARow();
            age = in.accountAgeDays();
        }

        Builder max(double v) { max = v; return this; }
        Builder mean(double v) { mean = v; return this; }
        Builder chargebacks(long v) { chargebacks = v; return this; }
        Builder rejections(long v) { rejections = v; return this; }
        Builder labels(long v) { labels = v; return this; }
        Builder declines(long v) { declines = v; return this; }
        Builder age(double v) { age = v; return this; }

        RiskInputs build() {
            return new RiskInputs(max, mean, chargebacks, rejections, labels, declines, age);
        }
    }
}
