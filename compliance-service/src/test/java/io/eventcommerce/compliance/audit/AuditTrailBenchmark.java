package io.eventcommerce.compliance.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcommerce.compliance.audit.model.AuditChange;
import io.eventcommerce.compliance.audit.service.AuditTrail;
import io.eventcommerce.compliance.audit.service.AuditVerification;
import io.eventcommerce.testkit.Deadlines;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static io.eventcommerce.compliance.audit.AuditRoot.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's figures (issue 10): commit → entry stored (p50/p99) at a steady rate, sustained entries per
 * second through the whole path (binlog, Debezium, Kafka, the appender), and the time verify takes for 1,000,000
 * entries. Not a test: it checks only that everything arrived and the chain verifies, and reports the figures (also
 * in target/benchmarks/audit-trail.txt).
 *
 * <p>Run: {@code /work/bin/mvnlock -o -B -Pbench verify -pl compliance-service -am -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditTrailBenchmark}; {@code -Dbench.latency-changes},
 * {@code -Dbench.throughput-rows}, {@code -Dbench.rows-per-statement}, {@code -Dbench.verify-entries} size the
 * three parts.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailBenchmark {

    private static final int LATENCY_CHANGES = Integer.getInteger("bench.latency-changes", 1_000);
    private static final int THROUGHPUT_ROWS = Integer.getInteger("bench.throughput-rows", 40_000);
    private static final int VERIFY_ENTRIES = Integer.getInteger("bench.verify-entries", 1_000_000);
    private static final int ROWS_PER_STATEMENT = Integer.getInteger("bench.rows-per-statement", 10);
    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerification verification;

    @Test
    @Order(1)
    void commitToStoredLatency() throws Exception {
        AuditTables.create();
        String tag = "lat-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        List<Instant> committed = new ArrayList<>();
        // Warm-up: the table's topic exists and the consumer's pattern subscription has picked it up (a new topic
        // is found at the next metadata refresh, up to 5 s), so what follows measures the path, not the discovery.
        String first = UUID.randomUUID().toString();
        io.eventcommerce.testkit.Database.of("catalog").update("INSERT INTO stock_level (warehouse_id, product_id,"
                + " on_hand, reserved, version) VALUES (?, ?, 1, 0, 1)", tag + "-warm", first);
        Deadlines.awaitCount("the warm-up entry", 1, () -> count("SELECT COUNT(*) FROM compliance_audit.audit_entry"
                + " WHERE entity_key = ?", tag + "-warm/" + first));
        try (Connection c = AuditRoot.root()) {
            for (int i = 0; i < LATENCY_CHANGES + 100; i++) {
                long started = System.nanoTime();
                String id = UUID.randomUUID().toString();
                try (PreparedStatement s = c.prepareStatement("/* ec-actor:bench%3A" + tag + ";" + i + ";job */"
                        + " INSERT INTO catalog.stock_level (warehouse_id, product_id, on_hand, reserved, version)"
                        + " VALUES (?, ?, 1, 0, 1)")) {
                    s.setString(1, tag);
                    s.setString(2, id);
                    s.executeUpdate();
                }
                committed.add(Instant.now());
                ids.add(tag + "/" + id);
                // 50 changes a second: latency, not queueing.
                LockSupport.parkNanos(Math.max(0, 20_000_000 - (System.nanoTime() - started)));
            }
        }
        Deadlines.awaitCount("latency entries", LATENCY_CHANGES + 100, () -> count("SELECT COUNT(*) FROM"
                + " compliance_audit.audit_entry WHERE actor = ?", "bench:" + tag));
        List<Long> micros = new ArrayList<>();
        try (Connection c = AuditRoot.root(); PreparedStatement s = c.prepareStatement("SELECT entity_key, recorded_at"
                + " FROM compliance_audit.audit_entry WHERE actor = ?")) {
            s.setString(1, "bench:" + tag);
            var rows = s.executeQuery();
            java.util.Map<String, Instant> stored = new java.util.HashMap<>();
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getObject(2, java.time.LocalDateTime.class)
                        .toInstant(java.time.ZoneOffset.UTC));
            }
            for (int i = 100; i < ids.size(); i++) {
                micros.add(ChronoUnit.MICROS.between(committed.get(i), stored.get(ids.get(i))));
            }
        }
        Collections.sort(micros);
        report(String.format("commit -> entry stored (%d changes at 50/s, recorded_at - client commit time):"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms", micros.size(), micros.get(micros.size() / 2) / 1000.0,
                micros.get((int) (micros.size() * 0.99)) / 1000.0, micros.get(micros.size() - 1) / 1000.0));
    }

    @Test
    @Order(2)
    void sustainedEntriesPerSecond() throws Exception {
        AuditTables.create();
        String tag = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        int perStatement = ROWS_PER_STATEMENT;
        long started = System.nanoTime();
        try (Connection c = AuditRoot.root()) {
            // Transactions of about 500 rows; statements small, as the services write (row by row, or a few rows).
            // Debezium copies a statement's text (source.query) into the event of every row it changed, so a
            // 500-row statement sends its ~40 KB text 500 times: -Dbench.rows-per-statement=500 measures that case.
            c.setAutoCommit(false);
            for (int done = 0; done < THROUGHPUT_ROWS; done += perStatement) {
                StringBuilder sql = new StringBuilder("/* ec-actor:bench%3A" + tag + ";bulk;job */ INSERT INTO"
                        + " catalog.stock_level (warehouse_id, product_id, on_hand, reserved, version) VALUES ");
                for (int i = 0; i < perStatement; i++) {
                    sql.append(i == 0 ? "" : ",").append("('").append(tag).append("','")
                            .append(UUID.randomUUID()).append("',1,0,1)");
                }
                try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                    s.executeUpdate();
                }
                if ((done / perStatement + 1) % Math.max(1, 500 / perStatement) == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        Deadlines.awaitCount("throughput entries", THROUGHPUT_ROWS, () -> count("SELECT COUNT(*) FROM"
                + " compliance_audit.audit_entry WHERE actor = ?", "bench:" + tag));
        double seconds = (System.nanoTime() - started) / 1e9;
        report(String.format("sustained: %d rows committed in %.1f s (statements of %d rows, transactions of ~500),"
                        + " all %d stored as entries"
                        + " %.1f s after the first commit: %.0f entries/s end to end", THROUGHPUT_ROWS, writeSeconds,
                perStatement, THROUGHPUT_ROWS, seconds, THROUGHPUT_ROWS / seconds));
    }

    /** Fills the chain through the real appender (synthetic changes, distinct positions), then verifies it. */
    @Test
    @Order(3)
    void verifyAMillionEntries() throws Exception {
        if (VERIFY_ENTRIES <= 0) {
            report("verify: not measured in this run (-Dbench.verify-entries=" + VERIFY_ENTRIES + ")");
            return;
        }
        ObjectMapper json = new ObjectMapper();
        String file = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        long first = -1;
        long last = -1;
        long started = System.nanoTime();
        int batch = 2_000;
        for (int done = 0; done < VERIFY_ENTRIES; done += batch) {
            List<AuditChange> changes = new ArrayList<>(batch);
            for (int i = 0; i < batch && done + i < VERIFY_ENTRIES; i++) {
                int n = done + i;
                ObjectNode key = json.createObjectNode().put("id", "bench-" + n);
                ObjectNode before = json.createObjectNode().put("id", "bench-" + n).put("on_hand", n).put("version", 1)
                        .put("status", "ACTIVE").put("updated_at", 1796241884555540L);
                ObjectNode after = before.deepCopy().put("on_hand", n + 1).put("version", 2);
                changes.add(new AuditChange("catalog", "stock_level", "u", key, before, after, "bench:verify",
                        "req-" + n, "job", Instant.now(), file + ":" + (n / 10), n % 10, 1, file, n, 0));
            }
            AuditTrail.Appended appended = trail.append(changes);
            if (first < 0) {
                first = appended.lastSeq() - appended.stored() + 1;
            }
            last = appended.lastSeq();
        }
        double appendSeconds = (System.nanoTime() - started) / 1e9;
        report(String.format("appender alone: %d entries in %.1f s: %.0f entries/s (batches of %d, one transaction"
                + " each)", VERIFY_ENTRIES, appendSeconds, VERIFY_ENTRIES / appendSeconds, batch));
        // Other entries may interleave (none run here); verify the whole range that holds the bench's entries.
        for (int run = 1; run <= 2; run++) {
            AuditVerification.Report report = verification.verify(first, last);
            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(VERIFY_ENTRIES);
            report(String.format("verify run %d: %d entries (seq %d..%d) in %d ms: %s", run, report.entriesChecked(),
                    first, last, report.millis(), report.ok() ? "ok" : report.problem()));
        }
    }

    private static void report(String line) throws IOException {
        System.out.println("AUDIT-BENCH " + line);
        REPORT.add(line);
        Path out = Path.of("target", "benchmarks", "audit-trail.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
    }
}
