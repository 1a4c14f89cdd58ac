package io.eventcommerce.insights.trends;

import io.eventcommerce.analytics.trend.MannKendall;
import io.eventcommerce.analytics.trend.TrendAnalysis;
import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.analytics.geo.Regions;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nightly market trends: weekly paid units and revenue per product, category and region (Regions of the order's
 * country) over the last {@code weeks} full weeks, each tested by Mann-Kendall with Sen's slope (the seasonal
 * Kendall test over a {@code season-weeks} cycle where the series spans two), with the seasonal strength of its
 * decomposition. Rows are replaced in batches of {@value #BATCH} series, one transaction each.
 */
@ApplicationScoped
public class TrendsJob implements AnalysisJob {

    static final String KIND = "trends";
    static final List<String> LEVELS = List.of("PRODUCT", "CATEGORY", "REGION");
    private static final int BATCH = 200;
    private static final double ALPHA = 0.05;

    private final DataSource dataSource;
    private final AnalysisRuns runs;
    private final int weeks;
    private final int seasonWeeks;
    private final int minWeeks;

    public TrendsJob(DataSource dataSource, AnalysisRuns runs,
                     @ConfigProperty(name = "insights.analysis.trends.weeks", defaultValue = "52") int weeks,
                     @ConfigProperty(name = "insights.analysis.trends.season-weeks", defaultValue = "4")
                     int seasonWeeks,
                     @ConfigProperty(name = "insights.analysis.trends.min-weeks", defaultValue = "4") int minWeeks) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.weeks = weeks;
        this.seasonWeeks = seasonWeeks;
        this.minWeeks = Math.max(3, minWeeks);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Weekly units and revenue trends (Mann-Kendall, Sen's slope) per product, category and region, read "
                + "at /trends.";
    }

    @Scheduled(cron = "${insights.analysis.trends.cron:0 40 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    /** One tested series: level, key, metric and the analysis. */
    record Row(String level, String key, String metric, TrendAnalysis analysis, int weeks, LocalDate firstWeek,
               double total) {
    }

    /** The rows of one series, none when it has fewer than {@code minWeeks} weeks from its first sale. */
    static List<Row> rows(String level, String key, WeeklySeries series, int seasonWeeks, int minWeeks) {
        double[] units = series.units();
        if (units.length < minWeeks) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(2);
        rows.add(row(level, key, "UNITS", units, series, seasonWeeks));
        rows.add(row(level, key, "REVENUE", series.revenue(), series, seasonWeeks));
        return rows;
    }

    private static Row row(String level, String key, String metric, double[] values, WeeklySeries series,
                           int seasonWeeks) {
        TrendAnalysis analysis = TrendAnalysis.of(values, seasonWeeks, ALPHA, MannKendall.Variance.HAMED_RAO);
        return new Row(level, key, metric, analysis, values.length, series.startWeek(),
                Arrays.stream(values).sum());
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        String runId = progress.runId().toString();
        Instant now = Timestamps.now();
        LocalDate first = WeeklySeries.firstWeek(now.atOffset(ZoneOffset.UTC).toLocalDate(), weeks);
        Map<String, Map<String, WeeklySeries>> series = QuarkusTransaction.requiringNew().call(() -> series(first));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> directions = new TreeMap<>();
        int total = series.values().stream().mapToInt(Map::size).sum();
        progress.total(total);
        for (String level : LEVELS) {
            for (Map.Entry<String, WeeklySeries> e : series.get(level).entrySet()) {
                rows.addAll(rows(level, e.getKey(), e.getValue(), seasonWeeks, minWeeks));
            }
        }
        rows.forEach(r -> directions.merge(r.level() + "/" + r.metric() + "/" + r.analysis().direction().name(), 1L,
                Long::sum));
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            QuarkusTransaction.requiringNew().run(() -> write(runId, now, batch));
            progress.advance(batch.size() / 2);
        }
        int removed = QuarkusTransaction.requiringNew().call(() -> removeOthers(runId));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("series", total);
        summary.put("tested", rows.size() / 2);
        summary.put("firstWeek", first.toString());
        summary.put("weeks", weeks);
        summary.put("seasonWeeks", seasonWeeks);
        summary.put("directions", directions);
        summary.put("removed", removed);
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }


    private Map<String, Map<String, WeeklySeries>> series(LocalDate first) {
        Map<String, Map<String, WeeklySeries>> byLevel = new LinkedHashMap<>();
        LEVELS.forEach(l -> byLevel.put(l, new TreeMap<>()));
        LocalDate end = first.plusWeeks(weeks);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT l.product_id, p.category_id, o.country, o.placed_day, SUM(l.quantity), SUM(l.line_total)
                FROM order_line_fact l JOIN order_fact o ON o.order_id = l.order_id
                LEFT JOIN product p ON p.product_id = l.product_id
                WHERE o.paid_at IS NOT NULL AND o.undone_at IS NULL AND o.placed_day >= ? AND o.placed_day < ?
                GROUP BY l.product_id, p.category_id, o.country, o.placed_day""")) {
            ps.setDate(1, Date.valueOf(first));
            ps.setDate(2, Date.valueOf(end));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getDate(4).toLocalDate();
                    double units = rs.getLong(5);
                    double revenue = rs.getBigDecimal(6).doubleValue();
                    add(byLevel, "PRODUCT", rs.getString(1), first, day, units, revenue);
                    String category = rs.getString(2);
                    if (category != null) {
                        add(byLevel, "CATEGORY", category, first, day, units, revenue);
                    }
                    add(byLevel, "REGION", Regions.of(rs.getString(3)), first, day, units, revenue);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading weekly sales failed", e);
        }
        return byLevel;
    }

    private void add(Map<String, Map<String, WeeklySeries>> byLevel, String level, String key, LocalDate first,
                     LocalDate day, double units, double revenue) {
        byLevel.get(level).computeIfAbsent(key, k -> new WeeklySeries(first, weeks)).add(day, units, revenue);
    }

    private void write(String runId, Instant now, List<Row> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM market_trends WHERE series_level = ? AND trend_key = ? AND metric = ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO market_trends (series_level, trend_key, metric, run_id, direction, slope, slope_lower,
                         slope_upper, p_value, tau, seasonal_strength, trend_strength, weeks, first_week, total,
                         computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Row r : rows) {
                MannKendall.Result t = r.analysis().test();
                delete.setString(1, r.level());
                delete.setString(2, r.key());
                delete.setString(3, r.metric());
                delete.addBatch();
                insert.setString(1, r.level());
                insert.setString(2, r.key());
                insert.setString(3, r.metric());
                insert.setString(4, runId);
                insert.setString(5, r.analysis().direction().name());
                insert.setBigDecimal(6, orZero(scaled(t.slope(), 4)));
                insert.setBigDecimal(7, scaled(t.slopeLower(), 4));
                insert.setBigDecimal(8, scaled(t.slopeUpper(), 4));
                insert.setBigDecimal(9, orZero(scaled(Double.isFinite(t.pValue()) ? t.pValue() : 1, 6)));
                insert.setBigDecimal(10, orZero(scaled(t.tau(), 6)));
                insert.setBigDecimal(11, scaled(r.analysis().seasonalStrength(), 6));
                insert.setBigDecimal(12, scaled(r.analysis().trendStrength(), 6));
                insert.setInt(13, r.weeks());
                insert.setDate(14, Date.valueOf(r.firstWeek()));
                insert.setBigDecimal(15, orZero(scaled(r.total(), 2)));
                insert.setTimestamp(16, Timestamp.from(now));
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing trends failed", e);
        }
    }

    private int removeOthers(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM market_trends WHERE run_id <> ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing stale trends failed", e);
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal scaled(double value, int scale) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }
}
