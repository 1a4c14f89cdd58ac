package io.eventcommerce.insights.competition;

import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nightly competitor analysis (kind {@value #KIND}): per region and category our price position, the share of our
 * watched products undercut and the trend of the position over {@code insights.competition.trend-weeks} weeks
 * ({@link PricePosition}), into {@code competitor_analysis}. Rows are replaced in batches of {@value #BATCH}, one
 * transaction each; rows of groups no longer observed are removed at the end.
 */
@ApplicationScoped
public class CompetitorAnalysisJob implements AnalysisJob {

    static final String KIND = "competitor-analysis";
    private static final int BATCH = 200;

    private final DataSource dataSource;
    private final AnalysisRuns runs;
    private final CompetitorReads reads;
    private final int windowDays;
    private final int weeks;
    private final BigDecimal threshold;

    public CompetitorAnalysisJob(DataSource dataSource, AnalysisRuns runs, CompetitorReads reads,
                                 @ConfigProperty(name = "insights.competition.window-days", defaultValue = "28")
                                 int windowDays,
                                 @ConfigProperty(name = "insights.competition.trend-weeks", defaultValue = "12")
                                 int weeks,
                                 @ConfigProperty(name = "insights.competition.undercut-threshold",
                                         defaultValue = "0.05") BigDecimal threshold) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.reads = reads;
        this.windowDays = windowDays;
        this.weeks = weeks;
        this.threshold = threshold;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Competitor price position, share of products undercut and its trend (Mann-Kendall, Sen's slope) "
                + "per region and category, read at /competitors/analysis.";
    }

    @Scheduled(cron = "${insights.analysis.competitor-analysis.cron:0 0 4 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        String runId = progress.runId().toString();
        Instant now = Timestamps.now();
        Instant from = now.minus(Duration.ofDays(Math.max(7L * weeks, windowDays)));
        List<PriceIndex.Quote> quotes = QuarkusTransaction.requiringNew().call(() -> reads.quotes(from, "", null));
        List<PricePosition.Result> results = PricePosition.analyse(quotes, now, windowDays, weeks, threshold);
        progress.total(results.size());
        Map<String, Long> directions = new TreeMap<>();
        results.forEach(r -> directions.merge(r.trendDirection() == null ? "TOO_FEW_WEEKS" : r.trendDirection(), 1L,
                Long::sum));
        for (int i = 0; i < results.size(); i += BATCH) {
            List<PricePosition.Result> batch = results.subList(i, Math.min(results.size(), i + BATCH));
            QuarkusTransaction.requiringNew().run(() -> write(runId, now, batch));
            progress.advance(batch.size());
        }
        int removed = QuarkusTransaction.requiringNew().call(() -> removeOthers(runId));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("observations", quotes.size());
        summary.put("groups", results.size());
        summary.put("windowDays", windowDays);
        summary.put("weeks", weeks);
        summary.put("directions", directions);
        summary.put("removed", removed);
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    private void write(String runId, Instant now, List<PricePosition.Result> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM competitor_analysis WHERE region = ? AND category_id = ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO competitor_analysis (region, category_id, run_id, products, undercut,
                         undercut_share, observations, price_position, trend_direction, trend_slope, trend_p_value,
                         trend_weeks, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (PricePosition.Result r : rows) {
                delete.setString(1, r.region());
                delete.setString(2, r.categoryId().toString());
                delete.addBatch();
                insert.setString(1, r.region());
                insert.setString(2, r.categoryId().toString());
                insert.setString(3, runId);
                insert.setInt(4, r.products());
                insert.setInt(5, r.undercut());
                insert.setBigDecimal(6, r.undercutShare());
                insert.setInt(7, r.observations());
                insert.setBigDecimal(8, r.position());
                insert.setString(9, r.trendDirection());
                insert.setBigDecimal(10, r.trendSlope());
                insert.setBigDecimal(11, r.trendPValue());
                insert.setInt(12, r.trendWeeks());
                insert.setTimestamp(13, Timestamp.from(now));
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the competitor analysis failed", e);
        }
    }

    private int removeOthers(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM competitor_analysis WHERE run_id <> ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing stale competitor analysis rows failed", e);
        }
    }
}
