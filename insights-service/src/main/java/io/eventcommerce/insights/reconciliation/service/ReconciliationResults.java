package io.eventcommerce.insights.reconciliation.service;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The latest reconciliation results, per day and per figure, for /reconciliation. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReconciliationResults {

    /** A day: DIFFERENCE if any figure differs; {@code alerted} the figures whose alert was raised. */
    public record DaySummary(LocalDate day, String status, long figures, long differences, long alerted,
                             Instant computedAt, Instant checkedAt) {
    }

    public record FigureResult(String figure, BigDecimal sourceValue, BigDecimal readModelValue,
                               BigDecimal difference, String status, Instant firstSeen, int consecutiveRuns,
                               Instant alertedAt) {
    }

    public record DayResult(LocalDate day, String status, Instant computedAt, Instant checkedAt,
                            List<FigureResult> figures) {
    }

    private static final String DIFFERENCES = "SUM(CASE WHEN status = 'DIFFERENCE' THEN 1 ELSE 0 END)";
    private static final String BY_DAY = """
            SELECT day, %1$s, COUNT(*), SUM(CASE WHEN alerted_at IS NOT NULL THEN 1 ELSE 0 END), MAX(computed_at),
                MAX(checked_at)
            FROM reconciliation_result GROUP BY day
            HAVING ?1 = '' OR (?1 = 'DIFFERENCE' AND %1$s > 0) OR (?1 = 'MATCH' AND %1$s = 0)""".formatted(DIFFERENCES);

    private final EntityManager em;

    public ReconciliationResults(EntityManager em) {
        this.em = em;
    }

    /** Days newest first; {@code status} MATCH, DIFFERENCE or null for all. */
    public Page<DaySummary> days(String status, int page, int size) {
        String filter = status == null ? "" : status;
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (" + BY_DAY + ") t")
                .setParameter(1, filter).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(BY_DAY + " ORDER BY day DESC").setParameter(1, filter)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(r -> {
            long differences = ((Number) r[1]).longValue();
            return new DaySummary(ReconciliationStore.date(r[0]), differences > 0 ? "DIFFERENCE" : "MATCH",
                    ((Number) r[2]).longValue(), differences, ((Number) r[3]).longValue(),
                    Timestamps.instant(r[4]), Timestamps.instant(r[5]));
        }).toList(), page, size, total);
    }

    /** The day's figures; 404 for a day not reconciled (no checkpoint, or no run since it arrived). */
    public DayResult day(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT figure, source_value, read_model_value, difference, status, first_seen,
                            consecutive_runs, alerted_at, computed_at, checked_at
                        FROM reconciliation_result WHERE day = ?1 ORDER BY figure""")
                .setParameter(1, day).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("reconciliation of day", day);
        }
        List<FigureResult> figures = rows.stream().map(r -> new FigureResult((String) r[0],
                new BigDecimal(r[1].toString()), new BigDecimal(r[2].toString()), new BigDecimal(r[3].toString()),
                (String) r[4], Timestamps.instant(r[5]), ((Number) r[6]).intValue(),
                r[7] == null ? null : Timestamps.instant(r[7]))).toList();
        boolean differs = figures.stream().anyMatch(f -> f.status().equals("DIFFERENCE"));
        return new DayResult(day, differs ? "DIFFERENCE" : "MATCH", Timestamps.instant(rows.get(0)[8]),
                Timestamps.instant(rows.get(0)[9]), figures);
    }
}
