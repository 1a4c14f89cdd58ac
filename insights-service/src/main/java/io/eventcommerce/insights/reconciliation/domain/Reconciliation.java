package io.eventcommerce.insights.reconciliation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One run's comparison of a day's figures, carried on from the run before. A read model is at most seconds behind
 * its source and a run can race an order just committed, so one DIFFERENCE is only noted; the same figure differing
 * in {@value #RUNS_TO_ALERT} runs in a row raises an alert, once, until it matches again. A figure one side lacks
 * counts as 0 there (a currency the read model never saw).
 */
public final class Reconciliation {

    public static final int RUNS_TO_ALERT = 2;

    public enum Status { MATCH, DIFFERENCE }

    /** What the run before left of a figure. */
    public record Previous(Status status, Instant firstSeen, int consecutiveRuns, Instant alertedAt) {
    }

    /**
     * A figure after this run. {@code alert}: this run raises its alert; {@code alertedAt} stays set while the
     * difference lasts so no later run raises it again.
     */
    public record Check(String figure, BigDecimal source, BigDecimal readModel, BigDecimal difference, Status status,
                        Instant firstSeen, int consecutiveRuns, boolean alert, Instant alertedAt) {
    }

    private Reconciliation() {
    }

    public static List<Check> compare(Map<String, BigDecimal> source, Map<String, BigDecimal> readModel,
                                      Map<String, Previous> previous, Instant now) {
        List<Check> checks = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(source.keySet());
        names.addAll(readModel.keySet());
        for (String figure : names) {
            BigDecimal s = scaled(source.get(figure));
            BigDecimal r = scaled(readModel.get(figure));
            BigDecimal difference = r.subtract(s);
            Status status = difference.signum() == 0 ? Status.MATCH : Status.DIFFERENCE;
            Previous before = previous.get(figure);
            boolean same = before != null && before.status() == status;
            int runs = same ? before.consecutiveRuns() + 1 : 1;
            Instant firstSeen = same ? before.firstSeen() : now;
            Instant alertedBefore = same ? before.alertedAt() : null;
            boolean alert = status == Status.DIFFERENCE && runs >= RUNS_TO_ALERT && alertedBefore == null;
            checks.add(new Check(figure, s, r, difference, status, firstSeen, runs, alert,
                    alert ? now : alertedBefore));
        }
        return checks;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.UNNECESSARY);
    }
}
