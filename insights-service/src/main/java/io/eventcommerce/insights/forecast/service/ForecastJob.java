package io.eventcommerce.insights.forecast.service;

import io.eventcommerce.analytics.forecast.BacktestSettings;
import io.eventcommerce.analytics.forecast.Covariates;
import io.eventcommerce.analytics.forecast.ModelSelector;
import io.eventcommerce.analytics.forecast.Selection;
import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.insights.forecast.domain.DailySeries;
import io.eventcommerce.insights.forecast.domain.ForecastLevel;
import io.eventcommerce.insights.forecast.domain.ProductDay;
import io.eventcommerce.insights.forecast.domain.RunSummary;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forecast analysis: per product, per category and in total, the daily paid units of the next days with the
 * model a rolling-origin backtest on MASE chose (platform/analytics ModelSelector). A product's series comes with
 * its daily relative price and promotion intensity ({@link ProductDay#covariates}), which the gradient-boosted
 * trees read; categories and the total go without (their price is a mix of products'). Series too short for the
 * backtest's origins are skipped and counted. Selections run in parallel (the selector is thread-safe), writes
 * one transaction per batch of series, so a reader sees each series' forecast whole.
 */
@ApplicationScoped
public class ForecastJob implements AnalysisJob {

    public static final String KIND = "forecast";
    /** Series per parallel selection and per write transaction. */
    static final int BATCH = 100;

    private final ForecastSeries series;
    private final ForecastStore store;
    private final AnalysisRuns runs;
    private final EntityManager em;
    private final ModelSelector selector;
    private final boolean covariatesEnabled;

    /** @param covariatesEnabled whether product series get their price and promotion covariates (a switch back) */
    public ForecastJob(ForecastSeries series, ForecastStore store, AnalysisRuns runs, EntityManager em,
                       @ConfigProperty(name = "insights.forecast.horizon-days", defaultValue = "28") int horizon,
                       @ConfigProperty(name = "insights.forecast.covariates", defaultValue = "true")
                       boolean covariatesEnabled) {
        this.series = series;
        this.store = store;
        this.runs = runs;
        this.em = em;
        this.covariatesEnabled = covariatesEnabled;
        this.selector = new ModelSelector(BacktestSettings.DEFAULT.withHorizon(horizon));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Daily paid units ahead per product, category and in total, by the model a backtest on MASE chose; "
                + "read at /forecasts.";
    }

    @Scheduled(cron = "${insights.analysis.forecast.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        UUID runId = progress.runId();
        Instant generatedAt = Timestamps.now();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        RunSummary summary = new RunSummary();
        Map<ForecastLevel, List<DailySeries>> all = new java.util.EnumMap<>(ForecastLevel.class);
        // Products' sales days for their price and promotion covariates, built in the parallel selection below
        // (categories and the total have none: their price is a mix of products'); the product series come from
        // the same rows.
        Map<String, List<ProductDay>> productDays = covariatesEnabled ? series.productDays(yesterday) : Map.of();
        for (ForecastLevel level : ForecastLevel.values()) {
            all.put(level, level == ForecastLevel.PRODUCT && covariatesEnabled
                    ? ForecastSeries.products(productDays, yesterday) : series.read(level, yesterday));
        }
        progress.total(all.values().stream().mapToInt(List::size).sum());
        int minimum = selector.settings().minimumHistory();
        for (var e : all.entrySet()) {
            ForecastLevel level = e.getKey();
            List<DailySeries> list = e.getValue();
            for (int from = 0; from < list.size(); from += BATCH) {
                List<DailySeries> batch = list.subList(from, Math.min(list.size(), from + BATCH));
                List<Covariates> covariates = batch.parallelStream().map(s -> s.units().length < minimum
                        || level != ForecastLevel.PRODUCT ? null
                        : ProductDay.covariates(s, productDays.getOrDefault(s.key(), List.of()))).toList();
                List<Selection> selections = java.util.stream.IntStream.range(0, batch.size()).parallel()
                        .mapToObj(i -> batch.get(i).units().length < minimum ? null
                                : selector.select(batch.get(i).units(), covariates.get(i))).toList();
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < batch.size(); i++) {
                        if (selections.get(i) != null) {
                            store.replace(level, batch.get(i), selections.get(i), runId, generatedAt);
                        }
                    }
                });
                for (int i = 0; i < batch.size(); i++) {
                    Selection s = selections.get(i);
                    if (s == null) {
                        summary.skipped(level);
                    } else {
                        summary.forecast(level, s, covariates.get(i) != null);
                    }
                }
                progress.advance(batch.size());
            }
        }
        return summary.toMap((System.nanoTime() - started) / 1_000_000);
    }

}
