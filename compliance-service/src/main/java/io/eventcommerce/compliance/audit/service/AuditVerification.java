package io.eventcommerce.compliance.audit.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.audit.model.AuditContent;
import io.eventcommerce.compliance.audit.model.ChainVerifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Verifies a range of the chain straight from the database: the rows stream in sequence order (Connector/J's
 * row-by-row streaming, so a range of millions of entries never sits in memory) through a {@link ChainVerifier},
 * which rebuilds each entry's canonical content from its columns and stops at the first problem.
 */
@ApplicationScoped
public class AuditVerification {

    /**
     * @param problem the first problem, or null when the range is intact
     * @param millis  how long the check took
     */
    /**
     * @param purgedThrough the last sequence purged by retention (0: none); a range starts after it at the earliest,
     *                      and checkpoints of purged entries are no longer checked
     * @param heldChecked   entries kept by a legal hold past their purge, each checked against its own hash (whole
     *                      chain only)
     */
    public record Report(boolean ok, long from, long to, long headSeq, long entriesChecked, long checkpointsChecked,
                         Finding problem, long millis, long purgedThrough, long heldChecked) {
    }

    /**
     * @param kind MISSING, CHANGED, OUT_OF_ORDER, INSERTED, BROKEN_LINK or REWRITTEN ({@link ChainVerifier.Kind})
     */
    public record Finding(long seq, String kind, String detail) {
    }

    private final AgroalDataSource dataSource;
    private final AuditCheckpoints checkpoints;

    public AuditVerification(AgroalDataSource dataSource, AuditCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    /** @param from first sequence (null: 1); @param to last sequence (null: the head) */
    public Report verify(Long from, Long to) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (PreparedStatement head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet row = head.executeQuery()) {
                row.next();
                headSeq = row.getLong(1);
                headHash = row.getString(2);
            }
            Optional<AuditRetention.Boundary> purged = AuditRetention.boundary(c);
            long purgedThrough = purged.map(AuditRetention.Boundary::lastSeq).orElse(0L);
            long first = Math.max(from == null ? 1 : from, purgedThrough + 1);
            long last = to == null ? headSeq : Math.min(to, headSeq);
            // Right after a purge the predecessor is gone: its hash is the anchor the purge recorded.
            String predecessor = first <= 1 ? AuditContent.GENESIS : first - 1 == purgedThrough
                    ? purged.get().anchor() : hashOf(c, first - 1).orElse(null);
            Optional<ChainVerifier.Problem> anchorProblem = purged.isPresent() && first - 1 == purgedThrough
                    ? anchorDisagrees(c, purged.get()) : Optional.empty();
            ChainVerifier verifier = new ChainVerifier(first, predecessor, checkpoints.forVerify(first, last));
            String lastHash = null;
            long lastSeen = 0;
            try (PreparedStatement rows = c.prepareStatement("SELECT seq, recorded_at, content_seq, schema_name,"
                    + " table_name, op, entity_key, subject, before_image, after_image, changed_columns, actor,"
                    + " request_id, via, committed_at, bulk_group, event_order, source_server, binlog_file, binlog_pos,"
                    + " row_index, prev_hash, hash FROM compliance_audit.audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                // Connector/J streams a result row by row with this fetch size (no cursor, nothing buffered).
                rows.setFetchSize(Integer.MIN_VALUE);
                rows.setLong(1, first);
                rows.setLong(2, last);
                try (ResultSet r = rows.executeQuery()) {
                    boolean going = true;
                    while (going && r.next()) {
                        long seq = r.getLong(1);
                        AuditContent content = streamed(r);
                        String hash = r.getString(23);
                        going = verifier.accept(new ChainVerifier.Stored(seq, content.seq(), content.canonical(),
                                r.getString(22), hash));
                        lastSeen = seq;
                        lastHash = hash;
                    }
                    // Streaming: the rest of the result must be read (or the statement closed) before reuse.
                }
            }
            Optional<ChainVerifier.Problem> problem = anchorProblem.isPresent() ? anchorProblem : verifier.finish(last);
            if (problem.isEmpty() && last == headSeq && lastSeen == headSeq && headSeq > 0
                    && !headHash.equals(lastHash)) {
                problem = Optional.of(new ChainVerifier.Problem(headSeq, ChainVerifier.Kind.BROKEN_LINK,
                        "the head of the chain names another hash for entry " + headSeq));
            }
            long[] held = {0};
            if (problem.isEmpty() && from == null) {
                problem = verifyHeld(c, purgedThrough, held);
            }
            return new Report(problem.isEmpty(), first, last, headSeq, verifier.checked(),
                    verifier.checkpointsChecked(), problem.map(p -> new Finding(p.seq(), p.kind().name(), p.detail()))
                    .orElse(null), (System.nanoTime() - started) / 1_000_000, purgedThrough, held[0]);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the audit chain: " + e.getMessage(), e);
        }
    }

    /** The content at the cursor of the verify query, by column index (a million rows: no name lookups). */
    private static AuditContent streamed(ResultSet r) throws SQLException {
        return new AuditContent(r.getLong(3), instant(r, 2), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                r.getString(13), r.getString(14), instant(r, 15), r.getString(16), r.getLong(17), r.getLong(18),
                r.getString(19), r.getLong(20), r.getInt(21));
    }

    private static java.time.Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The content of the entry at the cursor of a SELECT of audit_entry's columns (by name). */
    public static AuditContent content(ResultSet r) throws SQLException {
        return new AuditContent(r.getLong("content_seq"), instant(r, "recorded_at"), r.getString("schema_name"),
                r.getString("table_name"), r.getString("op"), r.getString("entity_key"), r.getString("subject"),
                r.getString("before_image"), r.getString("after_image"), r.getString("changed_columns"),
                r.getString("actor"), r.getString("request_id"), r.getString("via"), instant(r, "committed_at"),
                r.getString("bulk_group"), r.getLong("event_order"), r.getLong("source_server"),
                r.getString("binlog_file"),
                r.getLong("binlog_pos"), r.getInt("row_index"));
    }

    /**
     * The anchor in audit_purge (compliance may not change it, root may) against the one the purge's own chain entry
     * recorded, which its hash covers.
     */
    private static Optional<ChainVerifier.Problem> anchorDisagrees(Connection c, AuditRetention.Boundary boundary)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT after_image FROM compliance_audit.audit_entry WHERE"
                + " seq = ?")) {
            s.setLong(1, boundary.entrySeq());
            try (ResultSet r = s.executeQuery()) {
                String image = r.next() ? r.getString(1) : null;
                String recorded = null;
                long lastSeq = -1;
                if (image != null) {
                    try {
                        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(image);
                        recorded = node.path("anchor").asText(null);
                        lastSeq = node.path("lastSeq").asLong(-1);
                    } catch (java.io.IOException e) {
                        recorded = null;
                    }
                }
                if (image != null && boundary.anchor().equals(recorded) && lastSeq == boundary.lastSeq()) {
                    return Optional.empty();
                }
                return Optional.of(new ChainVerifier.Problem(boundary.lastSeq() + 1, ChainVerifier.Kind.BROKEN_LINK,
                        "the purge through entry " + boundary.lastSeq() + " names an anchor its own audit entry "
                                + boundary.entrySeq() + " does not record"));
            }
        }
    }

    /** Each held entry: its place, its hash over its own content, and, for the last purged one, the anchor. */
    private static Optional<ChainVerifier.Problem> verifyHeld(Connection c, long purgedThrough, long[] checked)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM compliance_audit.audit_entry_held ORDER BY seq",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong("seq");
                    AuditContent content = content(r);
                    checked[0]++;
                    if (content.seq() != seq) {
                        return Optional.of(new ChainVerifier.Problem(seq, ChainVerifier.Kind.OUT_OF_ORDER,
                                "the held entry at " + seq + " was written as entry " + content.seq()));
                    }
                    if (!content.hash(r.getString("prev_hash")).equals(r.getString("hash"))) {
                        return Optional.of(new ChainVerifier.Problem(seq, ChainVerifier.Kind.CHANGED,
                                "the content of held entry " + seq + " does not match its hash"));
                    }
                    if (seq > purgedThrough) {
                        return Optional.of(new ChainVerifier.Problem(seq, ChainVerifier.Kind.INSERTED,
                                "held entry " + seq + " lies after the purged part of the chain"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hashOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM compliance_audit.audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static java.time.Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
