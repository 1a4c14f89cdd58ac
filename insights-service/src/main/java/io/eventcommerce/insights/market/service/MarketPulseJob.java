package io.eventcommerce.insights.market.service;

import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.insights.market.domain.MarketFigures;
import io.eventcommerce.insights.market.domain.Opportunity;
import io.eventcommerce.insights.market.domain.OpportunityScorer;
import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.insights.market.domain.PricePositionComponent;
import io.eventcommerce.insights.market.domain.RegionalRows;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Global Market Pulse, nightly and on demand: revenue, orders, customers, AOV, growth and share per country,
 * region and in total for the last complete weeks, months and years, and the market × category opportunities over
 * the last {@code window-days} days scored by {@link OpportunityScorer}: size × growth × penetration × price position,
 * the last from the latest competitor-analysis run (neutral where it has none). Each table is replaced in one
 * transaction.
 */
@ApplicationScoped
public class MarketPulseJob implements AnalysisJob {

    static final String KIND = "market-pulse";

    private final MarketSales sales;
    private final MarketStore store;
    private final AnalysisRuns runs;
    private final Map<PeriodKind, Integer> periods;
    private final int windowDays;

    public MarketPulseJob(MarketSales sales, MarketStore store, AnalysisRuns runs,
                          @ConfigProperty(name = "insights.analysis.market-pulse.weeks", defaultValue = "26")
                          int weeks,
                          @ConfigProperty(name = "insights.analysis.market-pulse.months", defaultValue = "24")
                          int months,
                          @ConfigProperty(name = "insights.analysis.market-pulse.years", defaultValue = "3")
                          int years,
                          @ConfigProperty(name = "insights.analysis.market-pulse.window-days", defaultValue = "28")
                          int windowDays) {
        this.sales = sales;
        this.store = store;
        this.runs = runs;
        this.periods = Map.of(PeriodKind.WEEK, Math.max(1, weeks), PeriodKind.MONTH, Math.max(1, months),
                PeriodKind.YEAR, Math.max(1, years));
        // The window before and the one 52 weeks earlier must not overlap it.
        this.windowDays = Math.max(1, Math.min(182, windowDays));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Revenue, orders, customers, AOV, growth and share per country and region by week, month and year, and "
                + "market × category opportunities, read at /market.";
    }

    @Scheduled(cron = "${insights.analysis.market-pulse.cron:0 30 4 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        runs.startScheduled(kind());
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        long started = System.nanoTime();
        String runId = progress.runId().toString();
        Instant now = Timestamps.now();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        progress.total(PeriodKind.values().length + 1);
        List<RegionalRows.Row> rows = new ArrayList<>();
        Map<String, Object> periodSummary = new LinkedHashMap<>();
        for (PeriodKind kind : PeriodKind.values()) {
            int n = periods.get(kind);
            List<RegionalRows.Sales> read = QuarkusTransaction.requiringNew().call(() -> sales.periodSales(kind,
                    RegionalRows.readFrom(kind, today, n), kind.start(today)));
            List<RegionalRows.Row> kindRows = RegionalRows.rows(kind, today, n, read);
            rows.addAll(kindRows);
            periodSummary.put(kind.name(), Map.of("periods", n, "first",
                    RegionalRows.firstPeriod(kind, today, n).toString(), "rows", kindRows.size()));
            progress.advance(1);
        }
        QuarkusTransaction.requiringNew().run(() -> store.replaceRegional(runId, now, rows));
        LocalDate end = today;
        LocalDate start = end.minusDays(windowDays);
        List<MarketFigures> candidates = QuarkusTransaction.requiringNew().call(() -> sales.candidates(start, end));
        List<PricePositionComponent.Position> positions = QuarkusTransaction.requiringNew()
                .call(sales::pricePositions);
        OpportunityScorer scorer = OpportunityScorer.defaults(positions);
        List<Opportunity> ranked = scorer.rank(candidates);
        QuarkusTransaction.requiringNew().run(() -> store.replaceOpportunities(runId, now, ranked));
        progress.advance(1);
        Map<String, Long> byLevel = new TreeMap<>();
        ranked.forEach(o -> byLevel.merge(o.figures().level(), 1L, Long::sum));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("regionalRows", rows.size());
        summary.put("periods", periodSummary);
        summary.put("currencies", rows.stream().map(RegionalRows.Row::currency).distinct().sorted().toList());
        summary.put("opportunities", byLevel);
        summary.put("windowStart", start.toString());
        summary.put("windowEnd", end.toString());
        summary.put("components", scorer.componentNames());
        summary.put("pricePositions", positions.size());
        summary.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return summary;
    }
}
