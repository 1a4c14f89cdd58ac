package io.eventcommerce.compliance.fraud.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void aPerfectRankingHasAucAndAveragePrecisionOne() {
        double[] scores = {0.1, 0.2, 0.3, 0.8, 0.9};
        boolean[] fraud = {F, F, F, T, T};

        assertThat(Evaluation.rocAuc(scores, fraud)).isEqualTo(1.0);
        assertThat(Evaluation.averagePrecision(scores, fraud)).isEqualTo(1.0);
        assertThat(Evaluation.rocAuc(scores, new boolean[]{T, T, F, F, F})).isEqualTo(0.0);
    }

    @Test
    void aRandomRankingHasAucOneHalf() {
        Random random = new Random(1);
        int n = 20_000;
        double[] scores = new double[n];
        boolean[] fraud = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            fraud[i] = random.nextDouble() < 0.1;
            positives += fraud[i] ? 1 : 0;
        }

        assertThat(Evaluation.rocAuc(scores, fraud)).isCloseTo(0.5, within(0.02));
        // a random ranking's average precision is about the fraud rate
        assertThat(Evaluation.averagePrecision(scores, fraud)).isCloseTo(positives / (double) n, within(0.02));
    }

    @Test
    void aucOfASmallCaseWithTies() {
        // pairs (fraud, legitimate): 0.5>0.2, 0.5=0.5 (half), 0.9>0.2, 0.9>0.5 -> 3.5 of 4
        assertThat(Evaluation.rocAuc(new double[]{0.2, 0.5, 0.5, 0.9}, new boolean[]{F, T, F, T}))
                .isEqualTo(0.875);
        // scikit-learn's documented example: 0.75
        assertThat(Evaluation.rocAuc(new double[]{0.1, 0.4, 0.35, 0.8}, new boolean[]{F, F, T, T}))
                .isEqualTo(0.75);
        // everything tied: one half
        assertThat(Evaluation.rocAuc(new double[]{0.3, 0.3, 0.3}, new boolean[]{T, F, F})).isEqualTo(0.5);
    }

    @Test
    void averagePrecisionOfSmallCases() {
        // scikit-learn's documented example: 0.8333...
        assertThat(Evaluation.averagePrecision(new double[]{0.1, 0.4, 0.35, 0.8}, new boolean[]{F, F, T, T}))
                .isCloseTo(5.0 / 6, within(1e-12));
        // tie at the top between a fraud and a legitimate order: 1/2 * 1/2 + 1/2 * 2/3
        assertThat(Evaluation.averagePrecision(new double[]{0.9, 0.9, 0.1}, new boolean[]{T, F, T}))
                .isCloseTo(0.25 + 1.0 / 3, within(1e-12));
    }

    @Test
    void rankingFiguresNeedBothClasses() {
        assertThatThrownBy(() -> Evaluation.rocAuc(new double[]{0.1, 0.2}, new boolean[]{F, F}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluation.averagePrecision(new double[]{0.1}, new boolean[]{T, F}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdFiguresCountDecisions() {
        double[] scores = {0.9, 0.7, 0.5, 0.3, 0.1, 0.05};
        Decision[] decisions = {Decision.REJECT, Decision.REJECT, Decision.REVIEW, Decision.REVIEW,
                Decision.APPROVE, Decision.APPROVE};
        boolean[] fraud = {T, F, T, F, T, F};

        EvaluationReport.Figures figures = Evaluation.figures(scores, decisions, fraud);

        assertThat(figures.precisionAtReview()).isEqualTo(0.5);   // 2 fraud of 4 flagged
        assertThat(figures.recallAtReview()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(figures.precisionAtReject()).isEqualTo(0.5);   // 1 of 2
        assertThat(figures.recallAtReject()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(figures.legitimateHeldShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(figures.legitimateDeclinedShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(figures.rocAuc()).isCloseTo(6.0 / 9, within(1e-12));
    }

    @Test
    void timeSplitTrainsOnThePastAndTestsOnTheFuture() {
        List<LabelledExample> examples = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            examples.add(new LabelledExample(FeatureVector.empty(), i % 3 == 0, t0.plusSeconds(60L * (i / 2))));
        }
        Collections.shuffle(examples, new Random(5));

        Evaluation.Split split = Evaluation.timeSplit(examples, 0.5);

        // times 0,0,1,1,2,2,3,3,4,4 min: the 6th example is at 2 min, and both 2-minute examples go to the test
        assertThat(split.cutoff()).isEqualTo(t0.plusSeconds(120));
        assertThat(split.train()).hasSize(4).allMatch(e -> e.time().isBefore(split.cutoff()));
        assertThat(split.test()).hasSize(6).allMatch(e -> !e.time().isBefore(split.cutoff()));
        assertThatThrownBy(() -> Evaluation.timeSplit(examples, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluation.timeSplit(examples, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModelBeatsTheRulesOnDataFromALogisticModel() throws Exception {
        List<LabelledExample> examples = SyntheticOrders.generate(20_000, 99);
        ScorecardTrainer trainer = new ScorecardTrainer();

        EvaluationReport report = Evaluation.holdOut(examples, 0.7, trainer, "eval-1",
                Instant.parse("2026-06-01T00:00:00Z"), HardRules.defaults(), DecisionPolicy.defaults(),
                RulesBaseline.standard());

        assertThat(report.trainExamples()).isEqualTo(14_000);
        assertThat(report.testExamples()).isEqualTo(6_000);
        assertThat(report.cutoff()).isEqualTo(SyntheticOrders.START.plusSeconds(60L * 14_000));
        assertThat(report.testFraud()).isEqualTo((int) examples.subList(14_000, 20_000).stream()
                .filter(LabelledExample::fraud).count());
        assertThat(report.model().rocAuc()).isGreaterThan(0.75);
        assertThat(report.model().rocAuc()).isGreaterThan(report.rulesOnly().rocAuc());
        assertThat(report.model().averagePrecision()).isGreaterThan(report.rulesOnly().averagePrecision());
        // the synthetic data trigger no hard rule: with and without them the model's figures agree
        assertThat(report.modelWithRules()).isEqualTo(report.model());
        assertThat(report.model().recallAtReview()).isGreaterThanOrEqualTo(report.model().recallAtReject());

        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        assertThat(json.readValue(json.writeValueAsString(report), EvaluationReport.class)).isEqualTo(report);
    }
}
