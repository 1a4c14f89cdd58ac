package io.eventcommerce.insights.reorder;

import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRun;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.insights.supply.SupplyReports;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Nightly reorder suggestions, after the forecast: for each product × warehouse with a stock level and a forecast of
 * the latest completed {@code forecast} run, {@link ReorderPolicy} with lead time L = the supplier lead time of the
 * product's latest purchase order (else {@code insights.reorder.default-lead-time-days}) and on order from the
 * purchase order replica. A suggestion is stored with its inputs and published as {@code ReorderSuggested} through
 * the outbox in one transaction per product.
 *
 * <p>Demand per warehouse: insights has no per-warehouse demand (an order line names no warehouse), so the product's
 * forecast is split by the warehouse's share of the product's units on hand (negative on hand counts as none; with
 * nothing on hand anywhere, evenly between its warehouses).
 *
 * <p>No second suggestion for a product and warehouse while its previous one is younger than the review period,
 * unless the new quantity is larger: catalog-service drafts one order per suggestion while none is open, so a
 * repeat of the same advice every night would be noise, but a grown need is news.
 */
@ApplicationScoped
public class ReorderJob implements AnalysisJob {

    static final String KIND = "reorder";
    static final String FORECAST_KIND = "forecast";

    private final EntityManager em;
    private final AnalysisRuns runs;
    private final SupplyReports supply;
    private final Outbox outbox;
    private final ReorderPolicy policy;
    private final int defaultLeadTimeDays;

    public ReorderJob(EntityManager em, AnalysisRuns runs, SupplyReports supply, Outbox outbox,
                      @ConfigProperty(name = "insights.reorder.default-lead-time-days", defaultValue = "14")
                      int defaultLeadTimeDays,
                      @ConfigProperty(name = "insights.reorder.service-level", defaultValue = "0.95")
                      double serviceLevel,
                      @ConfigProperty(name = "insights.reorder.review-period-days", defaultValue = "7")
                      int reviewPeriodDays) {
        this.em = em;
        this.runs = runs;
        this.supply = supply;
        this.outbox = outbox;
        this.policy = new ReorderPolicy(serviceLevel, reviewPeriodDays);
        this.defaultLeadTimeDays = defaultLeadTimeDays;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Reorder suggestions per product and warehouse from the latest forecast, stock and purchase orders, "
                + "published on insights.reorder and read at /reorder/suggestions.";
    }

    @Scheduled(cron = "${insights.analysis.reorder.cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    /** One product × warehouse's stock. */
    record Stock(String warehouseId, int onHand, int available) {
    }

    /** What the run reads once, before computing. */
    record Inputs(Map<String, List<ReorderPolicy.Day>> forecasts, Map<String, List<Stock>> stock,
                  Map<String, Integer> leadTimes, Map<String, Integer> onOrder, Map<String, Object[]> previous) {
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        Optional<AnalysisRun> forecast = runs.lastCompleted(FORECAST_KIND);
        if (forecast.isEmpty()) {
            summary.put("skipped", "no completed forecast run");
            return summary;
        }
        UUID forecastRunId = forecast.get().id();
        Instant now = Timestamps.now();
        Inputs inputs = QuarkusTransaction.requiringNew().call(() -> read(forecastRunId,
                now.minus(policy.reviewPeriodDays(), ChronoUnit.DAYS)));
        progress.total(inputs.forecasts().size());
        int pairs = 0;
        int suggested = 0;
        int suppressed = 0;
        int defaultLeadTimes = 0;
        for (Map.Entry<String, List<ReorderPolicy.Day>> product : inputs.forecasts().entrySet()) {
            List<Stock> stock = inputs.stock().getOrDefault(product.getKey(), List.of());
            Integer supplierLeadTime = inputs.leadTimes().get(product.getKey());
            int leadTime = supplierLeadTime != null ? supplierLeadTime : defaultLeadTimeDays;
            long onHandTotal = stock.stream().mapToLong(s -> Math.max(0, s.onHand())).sum();
            List<Object[]> rows = new ArrayList<>();
            for (Stock s : stock) {
                pairs++;
                if (supplierLeadTime == null) {
                    defaultLeadTimes++;
                }
                double share = onHandTotal > 0 ? Math.max(0, s.onHand()) / (double) onHandTotal
                        : 1.0 / stock.size();
                String pair = product.getKey() + ":" + s.warehouseId();
                int onOrder = inputs.onOrder().getOrDefault(pair, 0);
                ReorderPolicy.Result result = policy.evaluate(product.getValue(), leadTime, share, s.available(),
                        onOrder);
                if (result.quantity() <= 0) {
                    continue;
                }
                Object[] previous = inputs.previous().get(pair);
                if (previous != null && ((Number) previous[0]).intValue() >= result.quantity()) {
                    suppressed++;
                    continue;
                }
                rows.add(new Object[] {s, share, onOrder, result});
            }
            if (!rows.isEmpty()) {
                suggested += rows.size();
                QuarkusTransaction.requiringNew().run(() -> {
                    for (Object[] row : rows) {
                        store(progress.runId(), forecastRunId, UUID.fromString(product.getKey()), (Stock) row[0],
                                leadTime, supplierLeadTime != null, (double) row[1], (int) row[2],
                                (ReorderPolicy.Result) row[3], now);
                    }
                });
            }
            progress.advance(1);
        }
        summary.put("forecastRunId", forecastRunId.toString());
        summary.put("products", inputs.forecasts().size());
        summary.put("productWarehouses", pairs);
        summary.put("suggested", suggested);
        summary.put("suppressedWithinReviewPeriod", suppressed);
        summary.put("defaultLeadTimes", defaultLeadTimes);
        summary.put("serviceLevel", policy.serviceLevel());
        summary.put("reviewPeriodDays", policy.reviewPeriodDays());
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    private Inputs read(UUID forecastRunId, Instant reviewSince) {
        Map<String, List<ReorderPolicy.Day>> forecasts = new LinkedHashMap<>();
        for (Object[] r : rows("""
                SELECT p.product_id, p.mean, p.upper_80 FROM demand_forecast_point p
                JOIN demand_forecasts f ON f.product_id = p.product_id
                WHERE f.run_id = ?1 ORDER BY p.product_id, p.day""", forecastRunId.toString())) {
            forecasts.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new ReorderPolicy.Day(dbl(r[1]), dbl(r[2])));
        }
        Map<String, List<Stock>> stock = new HashMap<>();
        for (Object[] r : rows("""
                SELECT s.product_id, s.warehouse_id, s.on_hand, s.available FROM stock_level s
                JOIN demand_forecasts f ON f.product_id = s.product_id
                WHERE f.run_id = ?1 ORDER BY s.product_id, s.warehouse_id""", forecastRunId.toString())) {
            stock.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Stock((String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        forecasts.keySet().retainAll(stock.keySet());
        // The latest suggestion per product and warehouse younger than the review period, oldest first so the
        // latest is put last.
        Map<String, Object[]> previous = new HashMap<>();
        for (Object[] r : rows("""
                SELECT product_id, warehouse_id, suggested_quantity FROM reorder_suggestion
                WHERE suggested_at > ?1 ORDER BY suggested_at""", Timestamp.from(reviewSince))) {
            previous.put(r[0] + ":" + r[1], new Object[] {r[2]});
        }
        return new Inputs(forecasts, stock, supply.leadTimes(), supply.onOrderUnits(), previous);
    }

    private void store(UUID runId, UUID forecastRunId, UUID productId, Stock s, int leadTime, boolean fromSupplier,
                       double share, int onOrder, ReorderPolicy.Result r, Instant now) {
        UUID id = UUID.randomUUID();
        BigDecimal reorderPoint = scaled(r.reorderPoint());
        BigDecimal demandOverLeadTime = scaled(r.demandOverLeadTime());
        BigDecimal safetyStock = scaled(r.safetyStock());
        BigDecimal serviceLevel = BigDecimal.valueOf(policy.serviceLevel()).setScale(4, RoundingMode.HALF_UP);
        em.createNativeQuery("""
                        INSERT INTO reorder_suggestion (id, run_id, forecast_run_id, product_id, warehouse_id,
                            lead_time_days, lead_time_source, review_period_days, service_level, warehouse_share,
                            demand_over_lead_time, demand_over_cover, sigma_lead_time, safety_stock, reorder_point,
                            on_hand, available, on_order, suggested_quantity, suggested_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                            ?19, ?20)""")
                .setParameter(1, id.toString()).setParameter(2, runId.toString())
                .setParameter(3, forecastRunId.toString()).setParameter(4, productId.toString())
                .setParameter(5, s.warehouseId()).setParameter(6, leadTime)
                .setParameter(7, fromSupplier ? "SUPPLIER" : "DEFAULT").setParameter(8, policy.reviewPeriodDays())
                .setParameter(9, serviceLevel)
                .setParameter(10, BigDecimal.valueOf(share).setScale(6, RoundingMode.HALF_UP))
                .setParameter(11, demandOverLeadTime).setParameter(12, scaled(r.demandOverCover()))
                .setParameter(13, scaled(r.sigmaLeadTime())).setParameter(14, safetyStock)
                .setParameter(15, reorderPoint).setParameter(16, s.onHand()).setParameter(17, s.available())
                .setParameter(18, onOrder).setParameter(19, r.quantity()).setParameter(20, Timestamp.from(now))
                .executeUpdate();
        outbox.publish(new ReorderSuggested(id, productId, UUID.fromString(s.warehouseId()), r.quantity(),
                reorderPoint, demandOverLeadTime, safetyStock, serviceLevel, leadTime, s.onHand(), s.available(),
                onOrder, forecastRunId, now));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    }

    private static double dbl(Object value) {
        return ((Number) value).doubleValue();
    }

    static BigDecimal scaled(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
