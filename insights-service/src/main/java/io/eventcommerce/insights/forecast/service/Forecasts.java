package io.eventcommerce.insights.forecast.service;

import io.quarkus.cache.CacheResult;
import io.eventcommerce.insights.forecast.domain.ForecastLevel;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored forecasts as charts want them: the last 90 days of paid units (0 on days without sales) followed by
 * the forecast days with their 80 % and 95 % intervals, and the model with its backtest accuracy.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Forecasts {

    /** Days of history shown before the forecast. */
    public static final int HISTORY_DAYS = 90;

    private final EntityManager em;

    public Forecasts(EntityManager em) {
        this.em = em;
    }

    /** One day of a chart: {@code value} is the paid units (history) or the point forecast; bands only ahead. */
    public record Point(LocalDate day, BigDecimal value, BigDecimal lower80, BigDecimal upper80, BigDecimal lower95,
                        BigDecimal upper95) {
    }

    /**
     * @param key         the product or category id, {@code all} for the total
     * @param naiveMase   seasonal naive's backtest MASE on the same origins (the benchmark)
     */
    public record SeriesForecast(String scope, String key, String model, String seriesClass, BigDecimal backtestMase,
                                 BigDecimal naiveMase, int historyDays, int origins, Instant generatedAt,
                                 UUID runId, List<Point> history, List<Point> forecast) {
    }

    /** @param forecastUnits the point forecasts summed over the horizon */
    public record ProductForecastSummary(UUID productId, String sku, String model, BigDecimal backtestMase,
                                         BigDecimal naiveMase, BigDecimal forecastUnits, Instant generatedAt) {
    }

    public enum ProductSort { UNITS, MASE, RATIO }

    public SeriesForecast product(UUID productId) {
        return find(ForecastLevel.PRODUCT, productId.toString())
                .orElseThrow(() -> DomainException.notFound("product forecast", productId));
    }

    @CacheResult(cacheName = "reports-forecasts-category")
    public SeriesForecast category(UUID categoryId) {
        return find(ForecastLevel.CATEGORY, categoryId.toString())
                .orElseThrow(() -> DomainException.notFound("category forecast", categoryId));
    }

    @CacheResult(cacheName = "reports-forecasts-total")
    public SeriesForecast total() {
        return find(ForecastLevel.TOTAL, ForecastSeries.TOTAL_KEY)
                .orElseThrow(() -> DomainException.notFound("total forecast", ForecastSeries.TOTAL_KEY));
    }

    @CacheResult(cacheName = "reports-forecasts-products")
    public Page<ProductForecastSummary> products(ProductSort sort, int page, int size) {
        String order = switch (sort) {
            case UNITS -> "units DESC";
            // Unknown accuracies last, on both flavours (no NULLS LAST in MySQL).
            case MASE -> "CASE WHEN d.backtest_mase IS NULL THEN 1 ELSE 0 END, d.backtest_mase";
            case RATIO -> "CASE WHEN d.naive_mase IS NULL OR d.naive_mase = 0 OR d.backtest_mase IS NULL THEN 1"
                    + " ELSE 0 END, d.backtest_mase / NULLIF(d.naive_mase, 0)";
        };
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM demand_forecasts").getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.product_id, p.sku, d.model, d.backtest_mase, d.naive_mase,
                    (SELECT SUM(x.mean) FROM demand_forecast_point x WHERE x.product_id = d.product_id) AS units,
                    d.generated_at
                FROM demand_forecasts d LEFT JOIN product p ON p.product_id = d.product_id
                ORDER BY """ + " " + order + ", d.product_id")
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(r -> new ProductForecastSummary(UUID.fromString(r[0].toString()),
                (String) r[1], (String) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                r[5] == null ? BigDecimal.ZERO : (BigDecimal) r[5], instant(r[6]))).toList(), page, size, total);
    }

    private java.util.Optional<SeriesForecast> find(ForecastLevel level, String key) {
        boolean product = level == ForecastLevel.PRODUCT;
        String where = product ? "product_id = ?1" : "scope_key = ?1 AND scope = ?2";
        var header = em.createNativeQuery("SELECT model, series_class, backtest_mase, naive_mase, history_days,"
                + " origins, generated_at, run_id, first_day FROM "
                + (product ? "demand_forecasts" : "market_intelligence_forecasts") + " WHERE " + where)
                .setParameter(1, key);
        var points = em.createNativeQuery("SELECT day, mean, lower_80, upper_80, lower_95, upper_95 FROM "
                + (product ? "demand_forecast_point" : "market_intelligence_forecast_point") + " WHERE " + where
                + " ORDER BY day").setParameter(1, key);
        if (!product) {
            header.setParameter(2, level.name());
            points.setParameter(2, level.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> h = header.getResultList();
        if (h.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] r = h.get(0);
        LocalDate firstDay = ForecastSeries.day(r[8]);
        @SuppressWarnings("unchecked")
        List<Object[]> pts = points.getResultList();
        List<Point> forecast = pts.stream().map(p -> new Point(ForecastSeries.day(p[0]), (BigDecimal) p[1],
                (BigDecimal) p[2], (BigDecimal) p[3], (BigDecimal) p[4], (BigDecimal) p[5])).toList();
        return java.util.Optional.of(new SeriesForecast(level.name(), key, (String) r[0], (String) r[1],
                (BigDecimal) r[2], (BigDecimal) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                instant(r[6]), UUID.fromString(r[7].toString()), history(level, key, firstDay), forecast));
    }

    /** Paid units of the {@value #HISTORY_DAYS} days before {@code firstDay}, one point per day. */
    private List<Point> history(ForecastLevel level, String key, LocalDate firstDay) {
        LocalDate from = firstDay.minusDays(HISTORY_DAYS);
        String join = level == ForecastLevel.CATEGORY ? " JOIN product p ON p.product_id = l.product_id" : "";
        String filter = switch (level) {
            case PRODUCT -> " AND l.product_id = ?3";
            case CATEGORY -> " AND p.category_id = ?3";
            case TOTAL -> "";
        };
        var q = em.createNativeQuery("SELECT f.placed_day, SUM(l.quantity) FROM order_line_fact l"
                + " JOIN order_fact f ON f.order_id = l.order_id" + join
                + " WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL AND f.placed_day >= ?1 AND f.placed_day < ?2"
                + filter + " GROUP BY f.placed_day").setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(firstDay));
        if (level != ForecastLevel.TOTAL) {
            q.setParameter(3, key);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        for (Object[] row : rows) {
            byDay.put(ForecastSeries.day(row[0]), new BigDecimal(row[1].toString()));
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < ChronoUnit.DAYS.between(from, firstDay); i++) {
            LocalDate d = from.plusDays(i);
            out.add(new Point(d, byDay.getOrDefault(d, BigDecimal.ZERO), null, null, null, null));
        }
        return out;
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC)
                : value instanceof Instant i ? i : Instant.parse(value.toString());
    }
}
