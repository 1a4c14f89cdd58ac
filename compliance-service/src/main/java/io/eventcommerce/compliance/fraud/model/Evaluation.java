package io.eventcommerce.compliance.fraud.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges a scorecard the way production will: trained on the earlier orders, tested on the later ones (a random
 * split would let the model learn from the future, e.g. a fraud ring's later orders, and look better than it is).
 * The ranking figures (ROC-AUC, average precision) say how well the score sorts orders regardless of thresholds;
 * the threshold figures say what the configured {@link DecisionPolicy} costs: fraud caught against legitimate
 * customers held or turned away. All figures are computed for the rules-only baseline on the same orders too.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Examples sorted by time and cut at a time.
     *
     * @param train  examples before {@code cutoff}
     * @param test   examples at or after it
     * @param cutoff the time of the first test example
     */
    public record Split(List<LabelledExample> train, List<LabelledExample> test, Instant cutoff) {

        public Split {
            train = List.copyOf(train);
            test = List.copyOf(test);
            Objects.requireNonNull(cutoff, "cutoff");
        }
    }

    /**
     * Splits by example time: the earliest {@code trainShare} of the examples (by count) train, the rest test.
     * Examples at the cutoff time all go to the test side, so that no instant is on both sides; the train share is
     * therefore at most {@code trainShare}. The order of examples with equal times is kept (stable sort), so the
     * split, and training on it, are deterministic.
     *
     * @param trainShare strictly between 0 and 1
     * @throws IllegalArgumentException if either side would be empty
     */
    public static Split timeSplit(List<LabelledExample> examples, double trainShare) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must be strictly between 0 and 1, was " + trainShare);
        }
        List<LabelledExample> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparing(LabelledExample::time));
        int index = (int) Math.floor(sorted.size() * trainShare);
        if (index <= 0 || index >= sorted.size()) {
            throw new IllegalArgumentException("a " + trainShare + " split of " + sorted.size()
                    + " examples leaves one side empty");
        }
        Instant cutoff = sorted.get(index).time();
        List<LabelledExample> train = new ArrayList<>();
        List<LabelledExample> test = new ArrayList<>();
        for (LabelledExample example : sorted) {
            (example.time().isBefore(cutoff) ? train : test).add(example);
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("every example is at or after the cutoff " + cutoff);
        }
        return new Split(train, test, cutoff);
    }

    /**
     * Splits, trains on the earlier part and evaluates on the later one.
     *
     * @throws IllegalArgumentException if a side lacks fraudulent or legitimate examples
     */
    public static EvaluationReport holdOut(List<LabelledExample> examples, double trainShare,
                                           ScorecardTrainer trainer, String version, Instant trainedAt,
                                           HardRules rules, DecisionPolicy policy, RulesBaseline baseline) {
        Split split = timeSplit(examples, trainShare);
        LogisticScorecard scorecard = trainer.train(split.train(), version, trainedAt);
        return evaluate(scorecard, split, rules, policy, baseline);
    }

    /**
     * Evaluates a trained scorecard on {@code split.test()}; {@code split.train()} is only counted.
     *
     * @throws IllegalArgumentException if the test side lacks fraudulent or legitimate examples (no AUC then)
     */
    public static EvaluationReport evaluate(LogisticScorecard scorecard, Split split, HardRules rules,
                                            DecisionPolicy policy, RulesBaseline baseline) {
        List<LabelledExample> test = split.test();
        int n = test.size();
        boolean[] fraud = new boolean[n];
        double[] modelScores = new double[n];
        Decision[] modelDecisions = new Decision[n];
        double[] assessedScores = new double[n];
        Decision[] assessedDecisions = new Decision[n];
        double[] ruleScores = new double[n];
        Decision[] ruleDecisions = new Decision[n];
        FraudAssessor assessor = new FraudAssessor(scorecard, rules, policy);
        for (int i = 0; i < n; i++) {
            LabelledExample example = test.get(i);
            fraud[i] = example.fraud();
            Assessment assessment = assessor.assess(example.features());
            modelScores[i] = assessment.modelProbability();
            modelDecisions[i] = policy.decide(modelScores[i]);
            assessedScores[i] = assessment.score();
            assessedDecisions[i] = assessment.decision();
            HardRules.Floored rulesOnly = rules.floor(baseline.score(example.features()), policy, example.features());
            ruleScores[i] = rulesOnly.score();
            ruleDecisions[i] = rulesOnly.decision();
        }
        return new EvaluationReport(scorecard.metadata().version(), split.cutoff(), split.train().size(),
                count(split.train()), n, count(test), policy.reviewAt(), policy.rejectAt(),
                figures(modelScores, modelDecisions, fraud),
                figures(assessedScores, assessedDecisions, fraud),
                figures(ruleScores, ruleDecisions, fraud));
    }

    private static int count(List<LabelledExample> examples) {
        return (int) examples.stream().filter(LabelledExample::fraud).count();
    }

    /** A scorer's figures from its scores and decisions on labelled orders. */
    public static EvaluationReport.Figures figures(double[] scores, Decision[] decisions, boolean[] fraud) {
        if (decisions.length != fraud.length) {
            throw new IllegalArgumentException("decisions and labels differ in length");
        }
        int positives = 0;
        int flagged = 0;
        int flaggedFraud = 0;
        int rejected = 0;
        int rejectedFraud = 0;
        int legitimateHeld = 0;
        int legitimateRejected = 0;
        for (int i = 0; i < fraud.length; i++) {
            positives += fraud[i] ? 1 : 0;
            if (decisions[i] != Decision.APPROVE) {
                flagged++;
                flaggedFraud += fraud[i] ? 1 : 0;
            }
            if (decisions[i] == Decision.REJECT) {
                rejected++;
                rejectedFraud += fraud[i] ? 1 : 0;
            }
            if (!fraud[i] && decisions[i] == Decision.REVIEW) {
                legitimateHeld++;
            }
            if (!fraud[i] && decisions[i] == Decision.REJECT) {
                legitimateRejected++;
            }
        }
        int negatives = fraud.length - positives;
        return new EvaluationReport.Figures(rocAuc(scores, fraud), averagePrecision(scores, fraud),
                ratio(flaggedFraud, flagged), ratio(flaggedFraud, positives), ratio(rejectedFraud, rejected),
                ratio(rejectedFraud, positives), ratio(legitimateHeld, negatives),
                ratio(legitimateRejected, negatives));
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /**
     * ROC-AUC from ranks (Mann–Whitney U): {@code (sum of the fraudulent orders' ranks - P(P+1)/2) / (P N)}, tied
     * scores getting their average rank, i.e. a tie between a fraudulent and a legitimate order counts half.
     *
     * @throws IllegalArgumentException without both classes
     */
    public static double rocAuc(double[] scores, boolean[] fraud) {
        check(scores, fraud);
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                if (fraud[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Average precision: {@code sum over thresholds of (recall_k - recall_k-1) * precision_k}, thresholds taken at
     * each distinct score from the highest down (orders with equal scores enter together), as scikit-learn's
     * {@code average_precision_score}. Unlike ROC-AUC it is dominated by the top of the ranking, where the REVIEW
     * and REJECT decisions are, which is why it is the better figure for rare fraud.
     *
     * @throws IllegalArgumentException without both classes
     */
    public static double averagePrecision(double[] scores, boolean[] fraud) {
        check(scores, fraud);
        Integer[] order = ascending(scores);
        long positives = 0;
        for (boolean f : fraud) {
            positives += f ? 1 : 0;
        }
        double ap = 0;
        long truePositives = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long groupPositives = 0;
            for (int k = j; k <= i; k++) {
                groupPositives += fraud[order[k]] ? 1 : 0;
            }
            truePositives += groupPositives;
            seen += i - j + 1;
            if (groupPositives > 0) {
                ap += ((double) groupPositives / positives) * ((double) truePositives / seen);
            }
            i = j - 1;
        }
        return ap;
    }

    private static void check(double[] scores, boolean[] fraud) {
        if (scores.length != fraud.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        boolean anyFraud = false;
        boolean anyLegitimate = false;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            anyFraud |= fraud[i];
            anyLegitimate |= !fraud[i];
        }
        if (!anyFraud || !anyLegitimate) {
            throw new IllegalArgumentException("ranking figures need fraudulent and legitimate orders");
        }
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
        return order;
    }
}
