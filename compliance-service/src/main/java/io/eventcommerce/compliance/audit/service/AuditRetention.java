package io.eventcommerce.compliance.audit.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The retention of the audit trail: whole monthly partitions whose upper bound is at or before now minus
 * {@code compliance.audit.retention} (7 years) are dropped, daily and on demand. seq and recorded_at grow together,
 * so the expired partitions are a prefix of the chain; the purge checks that they are (gapless, right after the last
 * purge, below every remaining entry, never the head's partition) and refuses otherwise, so it can never hide a
 * deletion. Entries an active legal hold covers are first copied to audit_entry_held (INSERT ... SELECT, which
 * compliance may do); the purge is recorded in audit_purge and appended to the chain with its anchor, the hash of the
 * last purged entry, from which verify checks what remains; then the partitions are dropped.
 *
 * <p>Dropping a partition needs ALTER and DROP on the table, which compliance's database user must not have (it
 * could then remove any month at will). A second user, {@code compliance_retention}, holds exactly that on
 * compliance_audit.audit_entry, through the {@code retention} datasource, which only this class uses.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    /** The named lock (GET_LOCK) purges and legal-hold changes take. */
    static final String LOCK = "compliance_audit.purge";
    public static final String SCHEDULER = "service:compliance-service";
    static final String TABLE = "audit_purge";
    private static final String ENTRY_COLUMNS = "seq, recorded_at, content_seq, schema_name, table_name, op,"
            + " entity_key, subject, before_image, after_image, changed_columns, actor, request_id, via, committed_at,"
            + " bulk_group, event_order, source_server, binlog_file, binlog_pos, row_index, prev_hash, hash";

    public record Purge(UUID id, Instant purgedAt, String runBy, Instant cutoff, List<String> partitions,
                        Long firstSeq, Long lastSeq, long entryCount, long heldCount, String anchorHash,
                        long entrySeq) {
    }

    /** The purge boundary verify starts from: entries up to {@code lastSeq} are gone, {@code anchor} was its hash. */
    public record Boundary(long lastSeq, String anchor, long entrySeq) {
    }

    private record Partition(String name, LocalDateTime bound) {
    }

    private final AgroalDataSource dataSource;
    private final AgroalDataSource retention;
    private final AuditTrail trail;
    private final ComplianceConfig.Audit config;

    public AuditRetention(AgroalDataSource dataSource, @DataSource("retention") AgroalDataSource retention,
                          AuditTrail trail, ComplianceConfig config) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.trail = trail;
        this.config = config.audit();
    }

    @Scheduled(cron = "${compliance.audit.purge.cron:0 41 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge(SCHEDULER).ifPresent(p -> LOG.infof("Audit purge %s dropped %s (entries %s..%s, %d held)", p.id(),
                    p.partitions(), p.firstSeq(), p.lastSeq(), p.heldCount()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The scheduled audit purge failed");
        }
    }

    /** The moment before which partitions have expired: now minus the retention (a period, or a duration). */
    public Instant cutoff(Instant now) {
        String value = config.retention().trim();
        try {
            return now.atZone(ZoneOffset.UTC).minus(Period.parse(value)).toInstant();
        } catch (DateTimeParseException notAPeriod) {
            return now.minus(Duration.parse(value));
        }
    }

    /** Runs a purge now; empty when nothing has expired. 409 while another purge runs. */
    public Optional<Purge> purge(String runBy) {
        Instant now = Timestamps.now().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = cutoff(now);
        try (Connection lock = dataSource.getConnection()) {
            if (!lock(lock, 0)) {
                throw DomainException.conflict("a purge of the audit trail is running already");
            }
            try {
                Optional<Purge> purge = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return prepare(c, now, cutoff, runBy);
                    }
                });
                if (purge.isPresent()) {
                    drop(purge.get().partitions());
                }
                return purge;
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot purge the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Under the head lock: picks the expired prefix, checks it, copies what holds cover, appends and records the
     * purge. The partitions are dropped after this commits (DDL commits by itself and would wait for this
     * transaction's metadata lock on audit_entry).
     */
    private Optional<Purge> prepare(Connection c, Instant now, Instant cutoff, String runBy) throws SQLException {
        long headSeq;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE"); ResultSet r = head.executeQuery()) {
            r.next();
            headSeq = r.getLong(1);
        }
        LocalDateTime limit = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        List<Partition> expired = new ArrayList<>();
        for (Partition p : partitions(c)) {
            if (p.bound() == null || p.bound().isAfter(limit)) {
                break;
            }
            expired.add(p);
        }
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime upTo = expired.get(expired.size() - 1).bound();
        long count;
        long first;
        long last;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0)"
                + " FROM compliance_audit.audit_entry WHERE recorded_at < ?")) {
            s.setObject(1, upTo);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                count = r.getLong(1);
                first = r.getLong(2);
                last = r.getLong(3);
            }
        }
        Optional<Boundary> previous = boundary(c);
        long expectedFirst = previous.map(b -> b.lastSeq() + 1).orElse(1L);
        String anchor = null;
        long held = 0;
        if (count > 0) {
            if (last >= headSeq) {
                // The head's partition is never dropped (nor, then, anything newer).
                throw DomainException.conflict("the expired partitions hold the head of the chain (" + headSeq
                        + "): nothing is purged");
            }
            long remainingMin;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MIN(seq), 0) FROM"
                    + " compliance_audit.audit_entry WHERE recorded_at >= ?")) {
                s.setObject(1, upTo);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    remainingMin = r.getLong(1);
                }
            }
            // first below expectedFirst: a previous purge was recorded but its drop failed, so it is retried.
            if (first > expectedFirst || count != last - first + 1 || remainingMin != last + 1) {
                throw DomainException.conflict("the expired partitions are no intact prefix of the chain (entries "
                        + first + ".." + last + ", " + count + " stored, expected from " + expectedFirst
                        + ", the next remaining is " + remainingMin + "): nothing is purged; run GET /audit/verify");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT hash FROM compliance_audit.audit_entry WHERE seq = ?")) {
                s.setLong(1, last);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    anchor = r.getString(1);
                }
            }
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO compliance_audit.audit_entry_held ("
                    + ENTRY_COLUMNS + ") SELECT " + ENTRY_COLUMNS + " FROM compliance_audit.audit_entry e WHERE"
                    + " e.seq BETWEEN ? AND ? AND " + LegalHolds.COVERED + " AND NOT EXISTS (SELECT 1 FROM"
                    + " compliance_audit.audit_entry_held k WHERE k.seq = e.seq)")) {
                copy.setLong(1, first);
                copy.setLong(2, last);
                copy.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM compliance_audit.audit_entry_held"
                    + " WHERE seq BETWEEN ? AND ?")) {
                s.setLong(1, first);
                s.setLong(2, last);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    held = r.getLong(1);
                }
            }
        }
        UUID id = UUID.randomUUID();
        List<String> names = expired.stream().map(Partition::name).toList();
        Long firstSeq = count > 0 ? first : null;
        Long lastSeq = count > 0 ? last : null;
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("id", id.toString());
        content.put("cutoff", cutoff.toString());
        content.put("retention", config.retention());
        ArrayNode dropped = content.putArray("partitions");
        names.forEach(dropped::add);
        content.put("firstSeq", firstSeq);
        content.put("lastSeq", lastSeq);
        content.put("entryCount", count);
        content.put("heldCount", held);
        content.put("anchor", anchor);
        content.put("runBy", runBy);
        long entrySeq = trail.appendOwn(c, TABLE, "c", id.toString(), content, runBy, id.toString(), now);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO compliance_audit.audit_purge (id, purged_at,"
                + " run_by, cutoff, partitions, first_seq, last_seq, entry_count, held_count, anchor_hash, entry_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(3, runBy);
            insert.setObject(4, limit);
            insert.setString(5, String.join(",", names));
            insert.setObject(6, firstSeq);
            insert.setObject(7, lastSeq);
            insert.setLong(8, count);
            insert.setLong(9, held);
            insert.setString(10, anchor);
            insert.setLong(11, entrySeq);
            insert.executeUpdate();
        }
        return Optional.of(new Purge(id, now, runBy, cutoff, names, firstSeq, lastSeq, count, held, anchor,
                entrySeq));
    }

    /** As compliance_retention, the only user that may. A failure leaves the purge recorded; the next run retries. */
    private void drop(List<String> names) {
        try (Connection c = retention.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE compliance_audit.audit_entry DROP PARTITION " + String.join(", ", names));
        } catch (SQLException e) {
            throw new IllegalStateException("The audit purge was recorded but dropping " + names + " failed (the"
                    + " next purge retries): " + e.getMessage(), e);
        }
    }

    /** The partitions of audit_entry in order with their upper bounds (null for MAXVALUE). */
    private static List<Partition> partitions(Connection c) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT PARTITION_NAME, PARTITION_DESCRIPTION FROM"
                + " information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'compliance_audit' AND TABLE_NAME ="
                + " 'audit_entry' ORDER BY PARTITION_ORDINAL_POSITION"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Partition(r.getString(1), bound(r.getString(2))));
            }
        }
        return out;
    }

    /**
     * A RANGE COLUMNS bound as information_schema shows it: MySQL 8.4 {@code '2026-02-01 00:00:00'}, MariaDB 11.4
     * {@code '2026-02-01'}; MAXVALUE is null.
     */
    static LocalDateTime bound(String description) {
        if (description == null || description.equalsIgnoreCase("MAXVALUE")) {
            return null;
        }
        String value = description.replace("'", "").trim();
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay()
                : LocalDateTime.parse(value.replace(' ', 'T'));
    }

    /** The latest purge that removed entries, if any. */
    public static Optional<Boundary> boundary(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, anchor_hash, entry_seq FROM"
                + " compliance_audit.audit_purge WHERE last_seq IS NOT NULL ORDER BY last_seq DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Boundary(r.getLong(1), r.getString(2), r.getLong(3)))
                    : Optional.empty();
        }
    }

    /** Purges, newest first. */
    public Page<Purge> list(int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM compliance_audit.audit_purge");
                 ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            List<Purge> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, purged_at, run_by, cutoff, partitions,"
                    + " first_seq, last_seq, entry_count, held_count, anchor_hash, entry_seq FROM"
                    + " compliance_audit.audit_purge ORDER BY purged_at DESC, id LIMIT ? OFFSET ?")) {
                s.setInt(1, size);
                s.setLong(2, (long) page * size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(new Purge(UUID.fromString(r.getString(1)), instant(r, 2), r.getString(3),
                                instant(r, 4), List.of(r.getString(5).split(",")), r.getObject(6, Long.class),
                                r.getObject(7, Long.class), r.getLong(8), r.getLong(9), r.getString(10),
                                r.getLong(11)));
                    }
                }
            }
            return Page.of(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read audit purges", e);
        }
    }

    static boolean lock(Connection c, int seconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            s.setString(1, LOCK);
            s.setInt(2, seconds);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getInt(1) == 1;
            }
        }
    }

    static void unlock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            s.setString(1, LOCK);
            s.executeQuery().close();
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
