package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR Art. 12(3) with Art. 15 and 17: every data-subject request is answered by every service that holds personal
 * data within its deadline ({@code compliance.privacy.answer-within} from the request). A request past its deadline
 * that some service has not answered, or answered with an erasure whose self-check still found plaintext, is a
 * finding naming those services; its alert (one per request) is resolved by the first run after the request
 * completes. Reads the privacy package's tables, changes nothing in them.
 */
@ApplicationScoped
public class DataSubjectRequestDeadlines implements ComplianceCheck {

    private final EntityManager em;
    private final ComplianceConfig config;

    public DataSubjectRequestDeadlines(EntityManager em, ComplianceConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public String name() {
        return "gdpr-request-deadlines";
    }

    @Override
    public String description() {
        return "GDPR art. 12(3), 15, 17: every access and erasure request completed by every service ("
                + String.join(", ", config.privacy().services()) + ") within its deadline (compliance.privacy."
                + "answer-within, " + config.privacy().answerWithin() + ")";
    }

    /** One request past its deadline, with the services it still waits for and those whose erasure failed. */
    record Overdue(String id, String type, Instant requestedAt, Instant deadline, List<String> missing,
                   List<String> failed) {
    }

    @Override
    public Result run() {
        Instant now = Timestamps.now();
        Map<String, Overdue> overdue = new LinkedHashMap<>();
        long[] checked = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            // Requests whose deadline passed and that did not complete; a row per part not completed.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT r.id, r.type, r.requested_at, r.deadline, s.service, s.status
                            FROM data_subject_request r
                            JOIN data_subject_request_service s ON s.request_id = r.id
                            WHERE r.deadline < ?1 AND r.status <> 'COMPLETED' AND s.status <> 'COMPLETED'
                            ORDER BY r.deadline, r.id, s.service""")
                    .setParameter(1, Timestamp.from(now)).getResultList();
            for (Object[] r : rows) {
                Overdue request = overdue.computeIfAbsent(r[0].toString(), id -> new Overdue(id, (String) r[1],
                        Timestamps.instant(r[2]), Timestamps.instant(r[3]), new ArrayList<>(), new ArrayList<>()));
                ("FAILED".equals(r[5]) ? request.failed() : request.missing()).add((String) r[4]);
            }
            checked[0] = ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM data_subject_request WHERE deadline < ?1")
                    .setParameter(1, Timestamp.from(now)).getSingleResult()).longValue();
        });
        List<Finding> findings = new ArrayList<>();
        for (Overdue r : overdue.values()) {
            StringBuilder detail = new StringBuilder(r.type()).append(" request ").append(r.id())
                    .append(" requested ").append(r.requestedAt()).append(", deadline ").append(r.deadline())
                    .append(" passed");
            if (!r.missing().isEmpty()) {
                detail.append("; not answered by ").append(String.join(", ", r.missing()));
            }
            if (!r.failed().isEmpty()) {
                detail.append("; erasure failed its self-check in ").append(String.join(", ", r.failed()));
            }
            findings.add(new Finding("data_subject_request " + r.id(), detail.toString()));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("at", now.toString());
        evidence.put("answerWithin", config.privacy().answerWithin().toString());
        evidence.put("requestsPastDeadline", checked[0]);
        evidence.put("requestsPastDeadlineNotCompleted", overdue.size());
        evidence.put("overdue", overdue.values().stream().limit(ComplianceChecks.FINDINGS_IN_EVIDENCE)
                .map(r -> Map.of("requestId", r.id(), "kind", r.type(), "deadline", r.deadline().toString(),
                        "missing", r.missing(), "failed", r.failed())).toList());
        return new Result(findings, evidence);
    }
}
