package io.eventcommerce.insights.analysis.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.servicekit.messaging.FailureClass;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts, runs and reports the {@link AnalysisJob}s. A run claims its kind ({@code analysis_claim}, a conditional
 * update: one run per kind across instances), records itself RUNNING, runs on a background thread and ends
 * COMPLETED with the job's summary or FAILED with the reason. A claim left by a process that died is taken over
 * once older than {@code insights.analysis.stale-after} (default 6 h), or at once with {@code force}.
 */
@ApplicationScoped
public class AnalysisRuns {

    private static final Logger LOG = Logger.getLogger(AnalysisRuns.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Map<String, AnalysisJob> jobs;
    private final Duration staleAfter;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> new Thread(r, "analysis-run"));

    public AnalysisRuns(EntityManager em, ObjectMapper json, Instance<AnalysisJob> jobs,
                        @ConfigProperty(name = "insights.analysis.stale-after", defaultValue = "PT6H")
                        Duration staleAfter) {
        this.em = em;
        this.json = json;
        this.jobs = jobs.stream().collect(Collectors.toMap(AnalysisJob::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two analysis jobs of kind " + a.kind());
        }, TreeMap::new));
        this.staleAfter = staleAfter;
    }

    /** The analyses there are, by kind. */
    public Map<String, AnalysisJob> jobs() {
        return jobs;
    }

    /** Starts a run asked for by {@code requestedBy}: 404 for an unknown kind, 409 while one of the kind runs. */
    public AnalysisRun start(String kind, String requestedBy, boolean force) {
        AnalysisJob job = Optional.ofNullable(jobs.get(kind))
                .orElseThrow(() -> DomainException.notFound("analysis", kind));
        return claimAndRun(job, AnalysisRun.ON_DEMAND, requestedBy, force)
                .orElseThrow(() -> DomainException.conflict("a " + kind + " run is running"));
    }

    /** The nightly start of a job's own schedule: skipped (logged) while a run of the kind goes on. */
    public void startScheduled(String kind) {
        if (claimAndRun(jobs.get(kind), AnalysisRun.SCHEDULED, null, false).isEmpty()) {
            LOG.infof("Scheduled %s run skipped: one is running", kind);
        }
    }

    public Optional<AnalysisRun> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> rows("WHERE id = ?1", List.of(id.toString()), 0, 1))
                .stream().findFirst();
    }

    /** The runs of one kind (or all), newest first. */
    public Page<AnalysisRun> list(String kind, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            String where = kind == null ? "" : "WHERE kind = ?1";
            List<Object> params = kind == null ? List.of() : List.of(kind);
            var count = em.createNativeQuery("SELECT COUNT(*) FROM analysis_run " + where);
            for (int i = 0; i < params.size(); i++) {
                count.setParameter(i + 1, params.get(i));
            }
            long total = ((Number) count.getSingleResult()).longValue();
            return Page.of(rows(where, params, page * size, size), page, size, total);
        });
    }

    /** The last completed run of a kind: what its results were computed by. */
    public Optional<AnalysisRun> lastCompleted(String kind) {
        return QuarkusTransaction.joiningExisting().call(() -> rows("WHERE kind = ?1 AND status = 'COMPLETED'",
                List.of(kind), 0, 1)).stream().findFirst();
    }

    private Optional<AnalysisRun> claimAndRun(AnalysisJob job, String trigger, String requestedBy, boolean force) {
        UUID runId = UUID.randomUUID();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            em.createNativeQuery("INSERT IGNORE INTO analysis_claim (kind) VALUES (?1)") // MySQL and MariaDB
                    .setParameter(1, job.kind()).executeUpdate();
            boolean got = em.createNativeQuery("""
                            UPDATE analysis_claim SET run_id = ?1, claimed_at = ?2
                            WHERE kind = ?3 AND (run_id IS NULL OR claimed_at < ?4 OR ?5)""")
                    .setParameter(1, runId.toString()).setParameter(2, Timestamp.from(now))
                    .setParameter(3, job.kind()).setParameter(4, Timestamp.from(now.minus(staleAfter)))
                    .setParameter(5, force).executeUpdate() == 1;
            if (got) {
                // A run whose process died while it ran ends FAILED when its claim is taken over.
                em.createNativeQuery("""
                                UPDATE analysis_run SET status = 'FAILED', finished_at = ?1,
                                    error = 'taken over: the process running it stopped'
                                WHERE kind = ?2 AND status = 'RUNNING'""")
                        .setParameter(1, Timestamp.from(now)).setParameter(2, job.kind()).executeUpdate();
                em.createNativeQuery("""
                                INSERT INTO analysis_run (id, kind, trigger_type, requested_by, status, items_done,
                                    created_at, started_at)
                                VALUES (?1, ?2, ?3, ?4, 'RUNNING', 0, ?5, ?5)""")
                        .setParameter(1, runId.toString()).setParameter(2, job.kind()).setParameter(3, trigger)
                        .setParameter(4, requestedBy).setParameter(5, Timestamp.from(now)).executeUpdate();
            }
            return got;
        });
        if (!claimed) {
            return Optional.empty();
        }
        workers.submit(() -> execute(job, runId));
        return find(runId);
    }

    private void execute(AnalysisJob job, UUID runId) {
        long started = System.nanoTime();
        Progress progress = new Progress(runId);
        try {
            Map<String, Object> summary = job.run(progress);
            progress.flush();
            finish(runId, job.kind(), AnalysisRun.COMPLETED, json.writeValueAsString(summary), null);
            LOG.infof("Analysis %s run %s completed in %d ms: %s", job.kind(), runId,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), summary);
        } catch (RuntimeException | JsonProcessingException | Error e) {
            LOG.errorf(e, "Analysis %s run %s failed", job.kind(), runId);
            finish(runId, job.kind(), AnalysisRun.FAILED, null, truncate(FailureClass.describe(e)));
        }
    }

    private void finish(UUID runId, String kind, String status, String summary, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            UPDATE analysis_run SET status = ?1, summary = ?2, error = ?3, finished_at = ?4
                            WHERE id = ?5 AND status = 'RUNNING'""")
                    .setParameter(1, status).setParameter(2, summary).setParameter(3, error)
                    .setParameter(4, Timestamp.from(Timestamps.now())).setParameter(5, runId.toString())
                    .executeUpdate();
            em.createNativeQuery("UPDATE analysis_claim SET run_id = NULL, claimed_at = NULL WHERE kind = ?1"
                    + " AND run_id = ?2").setParameter(1, kind).setParameter(2, runId.toString()).executeUpdate();
        });
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private List<AnalysisRun> rows(String where, List<Object> params, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT id, kind, trigger_type, requested_by, status, items_total, items_done, summary, created_at,
                       started_at, finished_at, error
                FROM analysis_run\s""" + where + " ORDER BY created_at DESC, id LIMIT " + limit + " OFFSET "
                + offset);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<AnalysisRun> runs = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            runs.add(new AnalysisRun(UUID.fromString((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    parse((String) r[7]), Timestamps.instant(r[8]), Timestamps.instant(r[9]),
                    Timestamps.instant(r[10]), (String) r[11]));
        }
        runs.sort(Comparator.comparing(AnalysisRun::createdAt).reversed());
        return runs;
    }

    private JsonNode parse(String summary) {
        try {
            return summary == null ? null : json.readTree(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analysis_run.summary is not JSON", e);
        }
    }

    /**
     * Progress written in transactions of its own: the total, the first item done (a reader sees the work start)
     * and then at most about once a second.
     */
    private final class Progress implements AnalysisProgress {

        private final UUID runId;
        private Integer total;
        private int done;
        private long lastWrite = System.nanoTime();
        private boolean started;

        private Progress(UUID runId) {
            this.runId = runId;
        }

        @Override
        public UUID runId() {
            return runId;
        }

        @Override
        public synchronized void total(int items) {
            total = items;
            flush();
        }

        @Override
        public synchronized void advance(int items) {
            done += items;
            if (!started || System.nanoTime() - lastWrite >= PROGRESS_EVERY.toNanos()) {
                started = true;
                flush();
            }
        }

        synchronized void flush() {
            lastWrite = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE analysis_run SET items_total = ?1, items_done = ?2 WHERE id = ?3")
                    .setParameter(1, total).setParameter(2, done).setParameter(3, runId.toString()).executeUpdate());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
