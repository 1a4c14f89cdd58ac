package io.eventcommerce.compliance.checks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.servicekit.hash.Sha256;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the {@link ComplianceCheck}s and keeps what they found: each run with its status and evidence
 * ({@code compliance_check_run}), each finding as an alert ({@code compliance_alert}) that later runs see again or
 * resolve. A run is recorded in its own transaction after the check has looked, so a long scan holds no transaction.
 */
@ApplicationScoped
public class ComplianceChecks {

    private static final Logger LOG = Logger.getLogger(ComplianceChecks.class);
    /** Findings named in a run's evidence at most; all of them become alerts. */
    static final int FINDINGS_IN_EVIDENCE = 100;

    private final Instance<ComplianceCheck> checks;
    private final EntityManager em;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public ComplianceChecks(Instance<ComplianceCheck> checks, EntityManager em, ObjectMapper json,
                            MeterRegistry meters) {
        this.checks = checks;
        this.em = em;
        this.json = json;
        this.meters = meters;
    }

    public enum Trigger { SCHEDULED, ON_DEMAND }

    public enum Status { PASS, FAIL, ERROR }

    public record CheckRun(UUID id, String check, Trigger trigger, String requestedBy, Status status, String summary,
                           String evidence, Instant startedAt, Instant finishedAt) {
    }

    /** {@code firstRunId} and {@code lastRunId} are null for an alert raised outside a run and not seen by one yet. */
    public record Alert(UUID id, String check, String subject, String detail, UUID firstRunId, UUID lastRunId,
                        Instant raisedAt, Instant lastSeenAt, int timesSeen, Instant resolvedAt,
                        Instant acknowledgedAt, String acknowledgedBy, String acknowledgement) {

        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** Every check, by name. */
    public List<ComplianceCheck> all() {
        return checks.stream().sorted(Comparator.comparing(ComplianceCheck::name)).toList();
    }

    public ComplianceCheck named(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Compliance check", name));
    }

    /** Runs the check now and records the run and its findings; never in the caller's transaction. */
    public CheckRun run(String name, Trigger trigger, String requestedBy) {
        ComplianceCheck check = named(name);
        Instant started = Timestamps.now();
        Status status;
        String summary;
        List<ComplianceCheck.Finding> findings;
        Map<String, Object> evidence = new LinkedHashMap<>();
        try {
            ComplianceCheck.Result result = check.run();
            findings = result.findings();
            evidence.putAll(result.evidence());
            status = findings.isEmpty() ? Status.PASS : Status.FAIL;
            summary = findings.isEmpty() ? "nothing found" : findings.size() + " finding(s)";
        } catch (RuntimeException e) {
            LOG.warnf(e, "Compliance check %s could not run", name);
            findings = List.of();
            status = Status.ERROR;
            summary = "could not run: " + e;
            evidence.put("error", String.valueOf(e));
        }
        evidence.put("findings", findings.size());
        evidence.put("findingsShown", findings.stream().limit(FINDINGS_IN_EVIDENCE).toList());
        CheckRun run = new CheckRun(UUID.randomUUID(), name, trigger, requestedBy, status, truncate(summary, 1000),
                toJson(evidence), started, Timestamps.now());
        List<ComplianceCheck.Finding> found = findings;
        QuarkusTransaction.requiringNew().run(() -> record(run, found));
        meters.counter("eventcommerce.compliance.check.runs", "check", name, "status", status.name()).increment();
        if (status != Status.PASS) {
            LOG.warnf("Compliance check %s: %s (%s)", name, status, run.summary());
        }
        return run;
    }

    private void record(CheckRun run, List<ComplianceCheck.Finding> findings) {
        em.createNativeQuery("""
                        INSERT INTO compliance_check_run (id, check_name, trigger_kind, requested_by, status, summary,
                                                          evidence, started_at, finished_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, run.id().toString()).setParameter(2, run.check())
                .setParameter(3, run.trigger().name()).setParameter(4, truncate(run.requestedBy(), 200))
                .setParameter(5, run.status().name()).setParameter(6, run.summary())
                .setParameter(7, run.evidence()).setParameter(8, Timestamp.from(run.startedAt()))
                .setParameter(9, Timestamp.from(run.finishedAt())).executeUpdate();
        Timestamp now = Timestamp.from(run.finishedAt());
        for (ComplianceCheck.Finding finding : findings) {
            String subject = truncate(finding.subject(), 500);
            em.createNativeQuery("""
                            INSERT INTO compliance_alert (id, check_name, subject, subject_hash, detail, first_run_id,
                                                          last_run_id, raised_at, last_seen_at, times_seen)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?7, 1)
                            ON DUPLICATE KEY UPDATE detail = ?5, first_run_id = COALESCE(first_run_id, ?6),
                                                    last_run_id = ?6, last_seen_at = ?7,
                                                    times_seen = times_seen + 1, resolved_at = NULL""")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, run.check())
                    .setParameter(3, subject).setParameter(4, Sha256.hex(finding.subject()))
                    .setParameter(5, truncate(finding.detail(), 1000)).setParameter(6, run.id().toString())
                    .setParameter(7, now).executeUpdate();
        }
        if (run.status() != Status.ERROR) {
            // What this run no longer found is resolved; a run that could not look resolves nothing. Only what was
            // last seen before the run began: an alert raised while it looked (by the scan of events in transit, by
            // another run) is not one it failed to find.
            em.createNativeQuery("""
                            UPDATE compliance_alert SET resolved_at = ?1
                            WHERE check_name = ?2 AND resolved_at IS NULL
                              AND (last_run_id IS NULL OR last_run_id <> ?3) AND last_seen_at < ?4""")
                    .setParameter(1, now).setParameter(2, run.check()).setParameter(3, run.id().toString())
                    .setParameter(4, Timestamp.from(run.startedAt())).executeUpdate();
        }
    }

    /**
     * Raises alerts found outside a run (the scan of events in transit, as it reads a record), in the caller's
     * transaction; they have no run until the check's next run sees them. A finding raised already (its subject) is
     * left as it is, open or resolved: a record delivered again raises nothing. Returns the findings that were new.
     */
    public List<ComplianceCheck.Finding> raise(String check, List<ComplianceCheck.Finding> findings, Instant at) {
        List<ComplianceCheck.Finding> raised = new ArrayList<>();
        for (ComplianceCheck.Finding finding : findings) {
            String subject = truncate(finding.subject(), 500);
            String hash = Sha256.hex(finding.subject());
            // INSERT … SELECT … WHERE NOT EXISTS rather than ON DUPLICATE KEY UPDATE: its count is 0 or 1 on MySQL
            // and MariaDB alike (an unchanged duplicate counts 0 or 1 there depending on the driver's found-rows).
            int inserted = em.createNativeQuery("""
                            INSERT INTO compliance_alert (id, check_name, subject, subject_hash, detail, first_run_id,
                                                          last_run_id, raised_at, last_seen_at, times_seen)
                            SELECT ?1, ?2, ?3, ?4, ?5, NULL, NULL, ?6, ?6, 1 FROM DUAL
                            WHERE NOT EXISTS (SELECT 1 FROM compliance_alert WHERE check_name = ?2
                                                                             AND subject_hash = ?4)""")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, check)
                    .setParameter(3, subject).setParameter(4, hash)
                    .setParameter(5, truncate(finding.detail(), 1000)).setParameter(6, Timestamp.from(at))
                    .executeUpdate();
            if (inserted > 0) {
                raised.add(finding);
            }
        }
        return raised;
    }

    /** The latest run of each check, if it ran. */
    public Optional<CheckRun> latest(String check) {
        return QuarkusTransaction.joiningExisting().call(() -> runs("WHERE check_name = ?1", List.of(check),
                "started_at DESC, id", 0, 1).stream().findFirst());
    }

    public CheckRun runById(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> runs("WHERE id = ?1", List.of(id.toString()),
                "id", 0, 1).stream().findFirst().orElseThrow(() -> DomainException.notFound("Check run", id)));
    }

    public Page<CheckRun> runs(String check, Status status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (check != null) {
            named(check);
            parameters.add(check);
            conditions.add("check_name = ?" + parameters.size());
        }
        if (status != null) {
            parameters.add(status.name());
            conditions.add("status = ?" + parameters.size());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return QuarkusTransaction.joiningExisting().call(() -> {
            long total = count("SELECT COUNT(*) FROM compliance_check_run " + where, parameters);
            return Page.of(runs(where, parameters, "started_at DESC, id", page, size), page, size, total);
        });
    }

    public Page<Alert> alerts(String check, Boolean open, Boolean acknowledged, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (check != null) {
            named(check);
            parameters.add(check);
            conditions.add("check_name = ?" + parameters.size());
        }
        if (open != null) {
            conditions.add(open ? "resolved_at IS NULL" : "resolved_at IS NOT NULL");
        }
        if (acknowledged != null) {
            conditions.add(acknowledged ? "acknowledged_at IS NOT NULL" : "acknowledged_at IS NULL");
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return QuarkusTransaction.joiningExisting().call(() -> {
            long total = count("SELECT COUNT(*) FROM compliance_alert " + where, parameters);
            return Page.of(alertRows(where, parameters, page, size), page, size, total);
        });
    }

    public Alert alert(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> alertRows("WHERE id = ?1", List.of(id.toString()), 0, 1)
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("Compliance alert", id)));
    }

    /** An officer has seen the alert and deals with it; 409 if it was acknowledged already. */
    public Alert acknowledge(UUID id, String by, String comment) {
        return QuarkusTransaction.requiringNew().call(() -> {
            alert(id);
            int updated = em.createNativeQuery("""
                            UPDATE compliance_alert SET acknowledged_at = ?1, acknowledged_by = ?2, acknowledgement = ?3
                            WHERE id = ?4 AND acknowledged_at IS NULL""")
                    .setParameter(1, Timestamp.from(Timestamps.now())).setParameter(2, truncate(by, 200))
                    .setParameter(3, comment).setParameter(4, id.toString()).executeUpdate();
            if (updated == 0) {
                throw DomainException.conflict("Compliance alert " + id + " was acknowledged already");
            }
            return alert(id);
        });
    }

    private List<CheckRun> runs(String where, List<?> parameters, String order, int page, int size) {
        var query = em.createNativeQuery("SELECT id, check_name, trigger_kind, requested_by, status, summary, evidence,"
                + " started_at, finished_at FROM compliance_check_run " + where + " ORDER BY " + order);
        bind(query, parameters);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> new CheckRun(UUID.fromString(r[0].toString()), (String) r[1],
                Trigger.valueOf((String) r[2]), (String) r[3], Status.valueOf((String) r[4]), (String) r[5],
                (String) r[6], Timestamps.instant(r[7]), Timestamps.instant(r[8]))).toList();
    }

    private List<Alert> alertRows(String where, List<?> parameters, int page, int size) {
        var query = em.createNativeQuery("SELECT id, check_name, subject, detail, first_run_id, last_run_id, raised_at,"
                + " last_seen_at, times_seen, resolved_at, acknowledged_at, acknowledged_by, acknowledgement"
                + " FROM compliance_alert " + where + " ORDER BY raised_at DESC, id");
        bind(query, parameters);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> new Alert(UUID.fromString(r[0].toString()), (String) r[1], (String) r[2],
                (String) r[3], uuid(r[4]), uuid(r[5]), Timestamps.instant(r[6]),
                Timestamps.instant(r[7]), ((Number) r[8]).intValue(), Timestamps.instant(r[9]),
                Timestamps.instant(r[10]), (String) r[11],
                (String) r[12])).toList();
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }

    private long count(String sql, List<?> parameters) {
        var query = em.createNativeQuery(sql);
        bind(query, parameters);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void bind(jakarta.persistence.Query query, List<?> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
