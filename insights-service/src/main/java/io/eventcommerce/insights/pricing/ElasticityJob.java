package io.eventcommerce.insights.pricing;

import io.eventcommerce.analytics.elasticity.ElasticityEstimate;
import io.eventcommerce.analytics.elasticity.ElasticityEstimator;
import io.eventcommerce.analytics.elasticity.PriceObservation;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Nightly own-price elasticity per product: the daily average unit prices and units of its counted sales over the
 * lookback window, regressed log-log with weekday and discount controls (analytics ElasticityEstimator) where its
 * daily units are sizeable every day ({@link #continuous}); any other product is fitted as a Poisson count model over
 * every day, the days without a sale priced from their neighbours ({@link DailyPrice#everyDay}). Both take the shop's
 * demand level around each day as an offset ({@link #exposure}). A product
 * whose price barely moved gets NOT_ENOUGH_VARIATION rather than a confident-looking number. Rows are replaced in
 * batches of {@value #BATCH} products, one transaction each.
 */
@ApplicationScoped
public class ElasticityJob implements AnalysisJob {

    static final String KIND = "elasticity";
    private static final int BATCH = 200;
    /** The shop's demand level of a day is taken over the day and 3 either side. */
    private static final int EXPOSURE_HALF_WINDOW = 3;
    private static final double CONTINUOUS_DAYS = 0.9;
    private static final double CONTINUOUS_UNITS = 10;

    private final DataSource dataSource;
    private final AnalysisRuns runs;
    private final int lookbackDays;
    private final ElasticityEstimator estimator = ElasticityEstimator.defaults();

    public ElasticityJob(DataSource dataSource, AnalysisRuns runs,
                         @ConfigProperty(name = "insights.analysis.elasticity.lookback-days", defaultValue = "730")
                         int lookbackDays) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Products' own-price elasticity (log-log on daily average prices and units), read at "
                + "/pricing/elasticity.";
    }

    @Scheduled(cron = "${insights.analysis.elasticity.cron:0 50 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    /** The status stored for an estimate. */
    static String status(ElasticityEstimate estimate) {
        if (estimate instanceof ElasticityEstimate.NotEstimated n) {
            return n.reason() == ElasticityEstimate.Reason.NOT_ENOUGH_PRICE_VARIATION ? "NOT_ENOUGH_VARIATION"
                    : n.reason().name();
        }
        return "ESTIMATED";
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        String runId = progress.runId().toString();
        Instant now = Timestamps.now();
        LocalDate since = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(lookbackDays);
        Map<String, List<DailyPrice>> products = QuarkusTransaction.requiringNew().call(() -> days(since));
        TreeMap<LocalDate, Long> shop = new TreeMap<>();
        products.values().forEach(days -> days.forEach(d -> shop.merge(d.day(), d.units(), Long::sum)));
        LocalDate first = shop.isEmpty() ? LocalDate.EPOCH : shop.firstKey();
        LocalDate last = shop.isEmpty() ? LocalDate.EPOCH : shop.lastKey();
        progress.total(products.size());
        Map<String, Long> statuses = new TreeMap<>();
        List<Map.Entry<String, List<DailyPrice>>> all = new ArrayList<>(products.entrySet());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map.Entry<String, List<DailyPrice>>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<String, List<DailyPrice>> product : batch) {
                ToDoubleFunction<LocalDate> exposure = exposure(shop, first, last, product.getValue());
                List<PriceObservation> observations = product.getValue().stream().map(d -> d.observation(exposure))
                        .flatMap(Optional::stream).toList();
                List<PriceObservation> everyDay = DailyPrice.everyDay(product.getValue(), exposure);
                // Log-log OLS only where every day is a sizeable count; otherwise the counts over every day.
                ElasticityEstimate estimate = continuous(observations, everyDay.size())
                        ? estimator.estimate(observations) : estimator.estimateCounts(everyDay);
                statuses.merge(status(estimate), 1L, Long::sum);
                rows.add(new Object[] {product.getKey(), estimate, product.getValue(),
                        (int) observations.stream().mapToDouble(PriceObservation::price).distinct().count()});
            }
            QuarkusTransaction.requiringNew().run(() -> write(runId, now, rows));
            progress.advance(batch.size());
        }
        int removed = QuarkusTransaction.requiringNew().call(() -> removeOthers(runId));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("products", products.size());
        summary.put("statuses", statuses);
        summary.put("lookbackDays", lookbackDays);
        summary.put("removed", removed);
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }


    /**
     * Whether a product's daily units are continuous enough for the log-log OLS on its selling days: it sells on at
     * least {@value #CONTINUOUS_DAYS} of its days, {@value #CONTINUOUS_UNITS} units or more a selling day. Otherwise
     * the zero days it drops and the small counts it logs carry the price's effect (a best seller of about one unit
     * a day came out -0.59 for a true -2.37 on the generator's small data set), and the Poisson counts are right.
     */
    static boolean continuous(List<PriceObservation> sellingDays, int days) {
        double units = sellingDays.stream().mapToDouble(PriceObservation::quantity).sum();
        return sellingDays.size() >= CONTINUOUS_DAYS * days && units >= CONTINUOUS_UNITS * sellingDays.size();
    }

    /**
     * The shop's demand level around each day for one product: the units of every other product over the week
     * centred on the day (at least one), the regression's offset. Seasonality and trend (the December peak, a year's
     * growth) move every product; left out, a price that held through the peak reads as demand rising with price.
     * The product's own units are left out of its level: a best seller's price would otherwise move its own offset.
     */
    static ToDoubleFunction<LocalDate> exposure(Map<LocalDate, Long> shop, LocalDate first, LocalDate last,
                                                List<DailyPrice> own) {
        Map<LocalDate, Long> mine = new HashMap<>();
        own.forEach(d -> mine.merge(d.day(), d.units(), Long::sum));
        return day -> {
            long units = 0;
            int days = 0;
            for (int offset = -EXPOSURE_HALF_WINDOW; offset <= EXPOSURE_HALF_WINDOW; offset++) {
                LocalDate d = day.plusDays(offset);
                if (!d.isBefore(first) && !d.isAfter(last)) {
                    units += shop.getOrDefault(d, 0L) - mine.getOrDefault(d, 0L);
                    days++;
                }
            }
            // A daily mean, so the window's days cut off by the start or the end of the history do not lower it.
            return Math.max(1, units) / (double) Math.max(1, days);
        };
    }

    private Map<String, List<DailyPrice>> days(LocalDate since) {
        Map<String, List<DailyPrice>> products = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT l.product_id, o.placed_day, SUM(l.quantity), SUM(l.line_total),
                    MAX(CASE WHEN o.discount > 0 THEN 1 ELSE 0 END)
                FROM order_line_fact l JOIN order_fact o ON o.order_id = l.order_id
                WHERE o.paid_at IS NOT NULL AND o.undone_at IS NULL AND o.placed_day >= ?
                GROUP BY l.product_id, o.placed_day ORDER BY l.product_id, o.placed_day""")) {
            ps.setDate(1, Date.valueOf(since));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DailyPrice(
                            rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getBigDecimal(4).doubleValue(),
                            rs.getInt(5) == 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading products' daily sales failed", e);
        }
        return products;
    }

    private void write(String runId, Instant now, List<Object[]> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM price_elasticity WHERE product_id = ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO price_elasticity (product_id, run_id, status, elasticity, standard_error,
                         lower_bound, upper_bound, confidence, observations, distinct_prices, price_variation,
                         first_day, last_day, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Object[] row : rows) {
                String productId = (String) row[0];
                ElasticityEstimate estimate = (ElasticityEstimate) row[1];
                @SuppressWarnings("unchecked")
                List<DailyPrice> days = (List<DailyPrice>) row[2];
                delete.setString(1, productId);
                delete.addBatch();
                insert.setString(1, productId);
                insert.setString(2, runId);
                insert.setString(3, status(estimate));
                if (estimate instanceof ElasticityEstimate.Estimated e) {
                    insert.setBigDecimal(4, scaled(e.elasticity(), 4));
                    insert.setBigDecimal(5, scaled(e.standardError(), 4));
                    insert.setBigDecimal(6, scaled(e.lower(), 4));
                    insert.setBigDecimal(7, scaled(e.upper(), 4));
                    insert.setBigDecimal(8, scaled(e.confidence(), 4));
                    insert.setBigDecimal(11, scaled(finite(e.priceVariation()), 6));
                } else {
                    ElasticityEstimate.NotEstimated n = (ElasticityEstimate.NotEstimated) estimate;
                    for (int i = 4; i <= 8; i++) {
                        insert.setObject(i, null);
                    }
                    insert.setBigDecimal(11, scaled(finite(n.priceVariation()), 6));
                }
                insert.setInt(9, estimate.observations());
                insert.setInt(10, (Integer) row[3]);
                insert.setDate(12, Date.valueOf(days.get(0).day()));
                insert.setDate(13, Date.valueOf(days.get(days.size() - 1).day()));
                insert.setTimestamp(14, Timestamp.from(now));
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing elasticities failed", e);
        }
    }

    private int removeOthers(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM price_elasticity WHERE run_id <> ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing stale elasticities failed", e);
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static BigDecimal scaled(double value, int scale) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }
}
