package io.eventcommerce.insights.trends;

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

/** Reads the trends the last trends run stored. */
@ApplicationScoped
@Transactional
public class MarketTrends {

    /**
     * One series' trend: direction at 5 %, Sen's slope per week with its interval, the Mann-Kendall p-value and
     * tau, the seasonal and trend strength (null when too short), over {@code weeks} weeks from {@code firstWeek}.
     */
    public record Trend(String level, String key, String metric, String direction, BigDecimal slope,
                        BigDecimal slopeLower, BigDecimal slopeUpper, BigDecimal pValue, BigDecimal tau,
                        BigDecimal seasonalStrength, BigDecimal trendStrength, int weeks, LocalDate firstWeek,
                        BigDecimal total, Instant computedAt) {
    }

    private static final String COLUMNS = """
            SELECT series_level, trend_key, metric, direction, slope, slope_lower, slope_upper, p_value, tau,
                seasonal_strength, trend_strength, weeks, first_week, total, computed_at
            FROM market_trends""";

    private final EntityManager em;

    public MarketTrends(EntityManager em) {
        this.em = em;
    }

    /** One level's series of one metric, the most significant first; {@code direction} '' for all. */
    public Page<Trend> list(String level, String metric, String direction, int page, int size) {
        String where = " WHERE series_level = ?1 AND metric = ?2 AND (?3 = '' OR direction = ?3)";
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM market_trends" + where)
                .setParameter(1, level).setParameter(2, metric).setParameter(3, direction).getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + where + " ORDER BY p_value, trend_key")
                .setParameter(1, level).setParameter(2, metric).setParameter(3, direction)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(MarketTrends::trend).toList(), page, size, total);
    }

    /** A series' trends, units then revenue. */
    public List<Trend> one(String level, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE series_level = ?1 AND trend_key = ?2 "
                + "ORDER BY metric DESC").setParameter(1, level).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("trend", level + "/" + key);
        }
        return rows.stream().map(MarketTrends::trend).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Trend trend(Object[] r) {
        return new Trend((String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                (BigDecimal) r[10], ((Number) r[11]).intValue(), day(r[12]), (BigDecimal) r[13],
                Timestamps.instant(r[14]));
    }
}
