package io.eventcommerce.insights.customers;

import io.eventcommerce.analytics.clv.BgNbdFitter;
import io.eventcommerce.analytics.clv.GammaGammaFitter;
import io.eventcommerce.analytics.clv.LifetimeValue;
import io.eventcommerce.analytics.clv.PurchaseSummary;
import io.eventcommerce.analytics.clv.SpendSummary;
import io.eventcommerce.analytics.rfm.RfmScore;
import io.eventcommerce.analytics.rfm.RfmScoring;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps customer_segments (RFM) and customer_lifetime_value current: fits BG/NBD and Gamma-Gamma by maximum
 * likelihood on every customer's counted sales, then scores and values each customer and replaces the rows in
 * batches of {@value #BATCH} customers, one transaction each. Hourly, because a customer's probability alive moves
 * with every day of silence and a marketing list should not be a night old.
 */
@ApplicationScoped
public class CustomerValueJob implements AnalysisJob {

    static final String KIND = "customer-value";
    private static final int BATCH = 500;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final DataSource dataSource;
    private final AnalysisRuns runs;
    private final int horizonDays;
    private final double annualDiscountRate;

    public CustomerValueJob(DataSource dataSource, AnalysisRuns runs,
                            @ConfigProperty(name = "insights.analysis.customer-value.horizon-days",
                                    defaultValue = "365") int horizonDays,
                            @ConfigProperty(name = "insights.analysis.customer-value.annual-discount-rate",
                                    defaultValue = "0.10") double annualDiscountRate) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.horizonDays = horizonDays;
        this.annualDiscountRate = annualDiscountRate;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Customers' RFM segments and lifetime values (BG/NBD + Gamma-Gamma), read at /customers/segments and "
                + "/customers/value.";
    }

    @Scheduled(cron = "${insights.analysis.customer-value.cron:0 10 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        runs.startScheduled(kind());
    }

    /** Monthly periods over the horizon, the annual rate turned into a monthly one. */
    static LifetimeValue lifetimeValue(BgNbdFitter.Fit purchases, GammaGammaFitter.Fit spend, int horizonDays,
                                       double annualDiscountRate) {
        int periods = Math.max(1, (int) Math.round(horizonDays / DAYS_PER_MONTH));
        double periodDays = (double) horizonDays / periods;
        double rate = Math.pow(1 + annualDiscountRate, periodDays / 365.25) - 1;
        return new LifetimeValue(purchases.model(), spend.model(), periods, periodDays / 7, rate);
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        String runId = progress.runId().toString();
        Instant now = Timestamps.now();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<CustomerHistory> customers = QuarkusTransaction.requiringNew().call(this::histories);
        progress.total(customers.size());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("customers", customers.size());
        if (customers.isEmpty()) {
            summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
            return summary;
        }
        List<PurchaseSummary> purchases = customers.stream().map(c -> c.purchases(today)).toList();
        List<SpendSummary> spends = customers.stream().filter(c -> c.days().size() > 1 && c.averageRepeatValue() > 0)
                .map(c -> new SpendSummary(c.days().size() - 1, c.averageRepeatValue())).toList();
        long fitStarted = System.nanoTime();
        BgNbdFitter.Fit bgNbd = null;
        GammaGammaFitter.Fit gammaGamma = null;
        LifetimeValue fitted = null;
        try {
            bgNbd = BgNbdFitter.fit(purchases);
            gammaGamma = GammaGammaFitter.fit(spends);
            fitted = lifetimeValue(bgNbd, gammaGamma, horizonDays, annualDiscountRate);
        } catch (IllegalArgumentException e) {
            // Too few repeat buyers to fit (a young shop): segments still, values only once a model can be fitted.
            summary.put("notFitted", e.getMessage());
        }
        LifetimeValue clv = fitted;
        long fitMs = (System.nanoTime() - fitStarted) / 1_000_000;
        List<RfmScore> scores = RfmScoring.score(customers.stream().map(c -> c.activity(today)).toList());

        for (int from = 0; from < customers.size(); from += BATCH) {
            int to = Math.min(customers.size(), from + BATCH);
            int start = from;
            QuarkusTransaction.requiringNew().run(() -> write(runId, now, today, customers, purchases, scores, clv,
                    start, to));
            progress.advance(to - from);
        }
        int removed = QuarkusTransaction.requiringNew().call(() -> removeOthers(runId));

        summary.put("repeatCustomers", spends.size());
        if (bgNbd != null && gammaGamma != null) {
            putFits(summary, bgNbd, gammaGamma);
        }
        summary.put("timeUnit", "weeks");
        summary.put("horizonDays", horizonDays);
        summary.put("annualDiscountRate", annualDiscountRate);
        Map<String, Long> segments = new LinkedHashMap<>();
        scores.forEach(s -> segments.merge(s.segment().name(), 1L, Long::sum));
        summary.put("segments", segments);
        summary.put("removed", removed);
        summary.put("fitMs", fitMs);
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }


    private static void putFits(Map<String, Object> summary, BgNbdFitter.Fit bgNbd, GammaGammaFitter.Fit gammaGamma) {
        summary.put("bgNbd", Map.of("r", bgNbd.model().r(), "alpha", bgNbd.model().alpha(), "a", bgNbd.model().a(),
                "b", bgNbd.model().b(), "logLikelihood", bgNbd.logLikelihood(), "evaluations", bgNbd.evaluations()));
        summary.put("gammaGamma", Map.of("p", gammaGamma.model().p(), "q", gammaGamma.model().q(),
                "gamma", gammaGamma.model().gamma(), "logLikelihood", gammaGamma.logLikelihood(),
                "customers", gammaGamma.customers(), "evaluations", gammaGamma.evaluations()));
        // q <= 1 (a handful of repeat buyers) leaves no finite mean spend for one-time buyers: they are valued 0.
        double mean = gammaGamma.model().populationMeanValue();
        summary.put("populationMeanValue", Double.isFinite(mean) ? mean : "infinite (q <= 1)");
    }

    private List<CustomerHistory> histories() {
        List<CustomerHistory> customers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT customer_id, placed_day, SUM(net), COUNT(*) FROM order_fact
                WHERE paid_at IS NOT NULL AND undone_at IS NULL
                GROUP BY customer_id, placed_day ORDER BY customer_id, placed_day""")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                List<LocalDate> days = new ArrayList<>();
                List<Double> nets = new ArrayList<>();
                int orders = 0;
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!id.equals(current)) {
                        if (current != null) {
                            customers.add(new CustomerHistory(current, days, nets, orders));
                        }
                        current = id;
                        days = new ArrayList<>();
                        nets = new ArrayList<>();
                        orders = 0;
                    }
                    days.add(rs.getDate(2).toLocalDate());
                    nets.add(Math.max(0, rs.getBigDecimal(3).doubleValue()));
                    orders += rs.getInt(4);
                }
                if (current != null) {
                    customers.add(new CustomerHistory(current, days, nets, orders));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading customers' sales failed", e);
        }
        return customers;
    }

    private void write(String runId, Instant now, LocalDate today, List<CustomerHistory> customers,
                       List<PurchaseSummary> purchases, List<RfmScore> scores, LifetimeValue clv, int from, int to) {
        Timestamp at = Timestamp.from(now);
        try (Connection c = dataSource.getConnection();
             PreparedStatement deleteSegments = c.prepareStatement(
                     "DELETE FROM customer_segments WHERE customer_id = ?");
             PreparedStatement segments = c.prepareStatement("""
                     INSERT INTO customer_segments (customer_id, run_id, days_since_last, orders, revenue, r_score,
                         f_score, m_score, segment, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement deleteValues = c.prepareStatement(
                     "DELETE FROM customer_lifetime_value WHERE customer_id = ?");
             PreparedStatement values = c.prepareStatement("""
                     INSERT INTO customer_lifetime_value (customer_id, run_id, frequency, recency_weeks, age_weeks,
                         average_value, horizon_days, expected_purchases, probability_alive, clv_value, computed_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            double horizonWeeks = horizonDays / 7.0;
            for (int i = from; i < to; i++) {
                CustomerHistory h = customers.get(i);
                PurchaseSummary p = purchases.get(i);
                RfmScore s = scores.get(i);
                deleteSegments.setString(1, h.customerId());
                deleteSegments.addBatch();
                deleteValues.setString(1, h.customerId());
                deleteValues.addBatch();
                segments.setString(1, h.customerId());
                segments.setString(2, runId);
                segments.setInt(3, h.daysSinceLast(today));
                segments.setInt(4, h.orders());
                segments.setBigDecimal(5, money(h.revenue()));
                segments.setInt(6, s.recency());
                segments.setInt(7, s.frequency());
                segments.setInt(8, s.monetary());
                segments.setString(9, s.segment().name());
                segments.setTimestamp(10, at);
                segments.addBatch();
                if (clv == null) {
                    continue;
                }
                double alive = clv.purchases().probabilityAlive(p);
                double expected = clv.purchases().expectedPurchases(p, horizonWeeks);
                double value = clv.value(p, h.averageRepeatValue());
                values.setString(1, h.customerId());
                values.setString(2, runId);
                values.setInt(3, p.frequency());
                values.setBigDecimal(4, scaled(p.recency(), 4));
                values.setBigDecimal(5, scaled(p.age(), 4));
                values.setBigDecimal(6, money(h.averageRepeatValue()));
                values.setInt(7, horizonDays);
                values.setBigDecimal(8, scaled(finite(expected), 4));
                values.setBigDecimal(9, scaled(Math.min(1, Math.max(0, finite(alive))), 6));
                values.setBigDecimal(10, money(Math.max(0, finite(value))));
                values.setTimestamp(11, at);
                values.addBatch();
            }
            deleteSegments.executeBatch();
            deleteValues.executeBatch();
            segments.executeBatch();
            values.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing customer values failed", e);
        }
    }

    private int removeOthers(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement segments = c.prepareStatement("DELETE FROM customer_segments WHERE run_id <> ?");
             PreparedStatement values = c.prepareStatement("DELETE FROM customer_lifetime_value WHERE run_id <> ?")) {
            segments.setString(1, runId);
            values.setString(1, runId);
            return segments.executeUpdate() + values.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing stale customer values failed", e);
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static BigDecimal money(double value) {
        return scaled(value, 2);
    }

    private static BigDecimal scaled(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
