package io.eventcommerce.insights.reconciliation.service;

import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.insights.reconciliation.domain.Figures;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Check;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hourly (and on demand) reconciliation of every checkpointed day: the source's figures (source_totals) against the
 * read models as of the checkpoint's time, one transaction per day with its results and alerts. Refused while the
 * read models are rebuilt (they would all differ): the run fails and the next one checks.
 */
@ApplicationScoped
public class ReconciliationJob implements AnalysisJob {

    public static final String KIND = "reconciliation";

    private final ReconciliationStore store;
    private final ReadModelTotals readModels;
    private final ReadModelGuard guard;
    private final AnalysisRuns runs;

    public ReconciliationJob(ReconciliationStore store, ReadModelTotals readModels, ReadModelGuard guard,
                             AnalysisRuns runs) {
        this.store = store;
        this.readModels = readModels;
        this.guard = guard;
        this.runs = runs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Compares the read models (order facts, refunds, daily sales) with orders-service's daily totals "
                + "checkpoints; a difference over two runs raises a ReconciliationAlert. Read at /reconciliation.";
    }

    @Scheduled(cron = "${insights.analysis.reconciliation.cron:0 5 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        runs.startScheduled(kind());
    }

    void startup(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(store::refreshGauge);
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        QuarkusTransaction.requiringNew().run(guard::admit);
        List<ReconciliationStore.Checkpoint> days = QuarkusTransaction.requiringNew().call(store::checkpoints);
        progress.total(days.size());
        int figures = 0;
        int differences = 0;
        int alerts = 0;
        for (ReconciliationStore.Checkpoint day : days) {
            List<Check> checks = QuarkusTransaction.requiringNew().call(() -> reconcile(day, progress.runId()));
            figures += checks.size();
            differences += (int) checks.stream().filter(c -> c.status() == Reconciliation.Status.DIFFERENCE).count();
            alerts += (int) checks.stream().filter(Check::alert).count();
            progress.advance(1);
        }
        long persisting = QuarkusTransaction.requiringNew().call(store::refreshGauge);
        return Map.of("days", days.size(), "figures", figures, "differences", differences, "alertsRaised", alerts,
                "persistingDifferences", persisting);
    }

    private List<Check> reconcile(ReconciliationStore.Checkpoint checkpoint, UUID runId) {
        guard.admit();
        LocalDate day = checkpoint.day();
        Instant asOf = checkpoint.computedAt();
        Map<String, BigDecimal> source = Figures.ofSource(store.sourceTotals(day));
        Map<String, BigDecimal> readModel = Figures.ofReadModels(readModels.facts(day, asOf),
                readModels.dailySales(day, asOf));
        Instant now = Timestamps.now();
        List<Check> checks = Reconciliation.compare(source, readModel, store.previous(day), now);
        store.save(checkpoint, checks, runId, now);
        return checks;
    }
}
