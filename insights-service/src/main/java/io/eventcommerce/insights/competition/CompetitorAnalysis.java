package io.eventcommerce.insights.competition;

import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the competitor analysis the last {@code competitor-analysis} run stored. */
@ApplicationScoped
@Transactional
public class CompetitorAnalysis {

    /**
     * One region and category: watched products, how many are undercut and their share, the observations used,
     * our price position (1 = level), the position's trend (null direction: fewer than 4 weeks observed).
     */
    public record Row(String region, UUID categoryId, int products, int undercut, BigDecimal undercutShare,
                      int observations, BigDecimal pricePosition, String trendDirection, BigDecimal trendSlope,
                      BigDecimal trendPValue, int trendWeeks, UUID runId, Instant computedAt) {
    }

    private final EntityManager em;

    public CompetitorAnalysis(EntityManager em) {
        this.em = em;
    }

    /** The rows, by region and category; null filters match everything. */
    public List<Row> list(String region, UUID categoryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT region, category_id, products, undercut, undercut_share, observations, price_position,
                    trend_direction, trend_slope, trend_p_value, trend_weeks, run_id, computed_at
                FROM competitor_analysis WHERE (?1 = '' OR region = ?1) AND (?2 = '' OR category_id = ?2)
                ORDER BY region, category_id""")
                .setParameter(1, region == null ? "" : region)
                .setParameter(2, categoryId == null ? "" : categoryId.toString()).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], UUID.fromString((String) r[1]),
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (BigDecimal) r[4],
                ((Number) r[5]).intValue(), (BigDecimal) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                ((Number) r[10]).intValue(), UUID.fromString((String) r[11]), Timestamps.instant(r[12]))).toList();
    }
}
