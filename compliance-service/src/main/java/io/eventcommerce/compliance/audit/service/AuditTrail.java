package io.eventcommerce.compliance.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.audit.model.AuditChange;
import io.eventcommerce.compliance.audit.model.AuditContent;
import io.eventcommerce.compliance.audit.model.CanonicalJson;
import io.eventcommerce.compliance.audit.model.PersonalData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends captured changes to the chain, a batch per database transaction: lock the head row, drop the changes
 * already stored (their source transaction and place in it are in audit_source_position: Debezium delivers at least once), give each
 * new change the next sequence, encrypt its personal data with its subject's key, hash it onto the chain, insert
 * entries and positions in multi-row statements, count bulk groups, and move the head. A failed batch rolls back
 * whole, sequences included, so the chain stays gapless; the consumer then retries the same records.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int ROWS_PER_INSERT = 200;
    private static final String ENTRY_COLUMNS = "seq, recorded_at, content_seq, schema_name, table_name, op,"
            + " entity_key, subject, before_image, after_image, changed_columns, actor, request_id, via, committed_at,"
            + " bulk_group, event_order, source_server, binlog_file, binlog_pos, row_index, prev_hash, hash";
    private static final int ENTRY_PARAMS = 23;

    private final AgroalDataSource dataSource;
    private final AuditSubjectKeys keys;

    public AuditTrail(AgroalDataSource dataSource, AuditSubjectKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /** The outcome of one batch: how many changes became entries, and the last sequence. */
    public record Appended(int stored, int duplicates, long lastSeq) {
    }

    public Appended append(List<AuditChange> changes) {
        if (changes.isEmpty()) {
            return new Appended(0, 0, -1);
        }
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return append(c, changes);
            }
        });
    }

    /**
     * Appends the service's own record of something it did (a purge, a legal hold) as one entry, in the caller's
     * transaction and under the same head lock as captured changes, so it is chained like any other entry. Its source
     * position is server 0 and the given unique id (no binlog), which keeps the stored-once key unique.
     *
     * @return the entry's sequence
     */
    public long appendOwn(Connection c, String table, String op, String entity, ObjectNode after, String actor,
                          String request, Instant at) throws SQLException {
        ObjectNode key = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", entity);
        AuditChange change = new AuditChange(OWN_SCHEMA, table, op, key, null, after, actor, request, "service",
                at.truncatedTo(ChronoUnit.MICROS), OWN_SCHEMA + ":" + table + ":" + request, 0, 0, "", 0, 0);
        return append(c, List.of(change)).lastSeq();
    }

    /** The schema named by the service's own entries. */
    public static final String OWN_SCHEMA = "compliance";

    private Appended append(Connection c, List<AuditChange> changes) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("compliance.audit_head has no row 1 (V3__audit_trail.sql seeds it)");
            }
            lastSeq = row.getLong(1);
            lastHash = row.getString(2);
        }
        Set<AuditChange.Position> stored = storedPositions(c, changes);
        List<AuditChange> fresh = new ArrayList<>();
        for (AuditChange change : changes) {
            if (stored.add(change.position())) {
                fresh.add(change);
            }
        }
        int duplicates = changes.size() - fresh.size();
        if (fresh.isEmpty()) {
            return new Appended(0, duplicates, lastSeq);
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (AuditChange change : fresh) {
            if (change.subject() != null) {
                subjects.add(change.subject());
            }
        }
        Map<String, Optional<byte[]>> subjectKeys = keys.keysFor(c, subjects);
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditContent> contents = new ArrayList<>(fresh.size());
        List<String> prevHashes = new ArrayList<>(fresh.size());
        List<String> hashes = new ArrayList<>(fresh.size());
        Map<String, Group> groups = new LinkedHashMap<>();
        for (AuditChange change : fresh) {
            long seq = ++lastSeq;
            String subject = change.subject();
            Optional<byte[]> key = subject == null ? Optional.empty() : subjectKeys.getOrDefault(subject,
                    Optional.empty());
            AuditContent content = new AuditContent(seq, recordedAt, change.schema(), change.table(), change.op(),
                    change.entity(), subject, image(change, change.before(), subject, key),
                    image(change, change.after(), subject, key), change.changedColumns(), change.actor(),
                    change.request(), change.via(), change.committedAt().truncatedTo(ChronoUnit.MICROS),
                    change.group(), change.eventOrder(), change.sourceServer(), change.binlogFile(), change.binlogPos(),
                    change.row());
            String hash = content.hash(lastHash);
            contents.add(content);
            prevHashes.add(lastHash);
            hashes.add(hash);
            lastHash = hash;
            groups.computeIfAbsent(change.group(), g -> new Group(change, seq)).add(change, seq);
        }
        insertEntries(c, contents, prevHashes, hashes);
        insertPositions(c, fresh, contents);
        countGroups(c, groups);
        try (PreparedStatement head = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ?, updated_at = ? WHERE id = 1")) {
            head.setLong(1, lastSeq);
            head.setString(2, lastHash);
            head.setObject(3, utc(recordedAt));
            head.executeUpdate();
        }
        return new Appended(fresh.size(), duplicates, lastSeq);
    }

    /**
     * The canonical JSON of an image with every personal-data field (already a hash token from the connector)
     * encrypted under the subject's key; without a subject or with a shredded key the field keeps no value at all.
     */
    private static String image(AuditChange change, ObjectNode image, String subject, Optional<byte[]> key) {
        if (image == null) {
            return null;
        }
        Set<String> personal = PersonalData.columns(change.schema(), change.table());
        if (personal.isEmpty()) {
            return CanonicalJson.of(image);
        }
        ObjectNode protectedImage = image.deepCopy();
        for (String column : personal) {
            JsonNode value = protectedImage.get(column);
            if (value != null && !value.isNull()) {
                protectedImage.set(column, TextNode.valueOf(subject != null && key.isPresent()
                        ? AuditSubjectKeys.encrypt(key.get(), subject, value.asText()) : AuditSubjectKeys.SHREDDED));
            }
        }
        return CanonicalJson.of(protectedImage);
    }

    private static Set<AuditChange.Position> storedPositions(Connection c, List<AuditChange> changes)
            throws SQLException {
        Set<AuditChange.Position> found = new HashSet<>();
        for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
            List<AuditChange> part = changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT));
            String tuples = String.join(",", Collections.nCopies(part.size(), "(?,?,?)"));
            try (PreparedStatement select = c.prepareStatement("SELECT source_server, transaction_id, event_order"
                    + " FROM compliance_audit.audit_source_position WHERE (source_server, transaction_id, event_order)"
                    + " IN (" + tuples + ")")) {
                int i = 1;
                for (AuditChange change : part) {
                    select.setLong(i++, change.sourceServer());
                    select.setString(i++, change.group());
                    select.setLong(i++, change.eventOrder());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new AuditChange.Position(rows.getLong(1), rows.getString(2), rows.getLong(3)));
                    }
                }
            }
        }
        return found;
    }

    private static void insertEntries(Connection c, List<AuditContent> contents, List<String> prevHashes,
                                      List<String> hashes) throws SQLException {
        for (int from = 0; from < contents.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(contents.size(), from + ROWS_PER_INSERT);
            String values = String.join(",", Collections.nCopies(to - from,
                    "(" + String.join(",", Collections.nCopies(ENTRY_PARAMS, "?")) + ")"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO compliance_audit.audit_entry ("
                    + ENTRY_COLUMNS + ") VALUES " + values)) {
                int i = 1;
                for (int n = from; n < to; n++) {
                    AuditContent e = contents.get(n);
                    insert.setLong(i++, e.seq());
                    insert.setObject(i++, utc(e.recordedAt()));
                    insert.setLong(i++, e.seq());
                    insert.setString(i++, e.schema());
                    insert.setString(i++, e.table());
                    insert.setString(i++, e.op());
                    insert.setString(i++, e.entity());
                    insert.setString(i++, e.subject());
                    insert.setString(i++, e.before());
                    insert.setString(i++, e.after());
                    insert.setString(i++, e.changed());
                    insert.setString(i++, e.actor());
                    insert.setString(i++, e.request());
                    insert.setString(i++, e.via());
                    insert.setObject(i++, utc(e.committedAt()));
                    insert.setString(i++, e.bulkGroup());
                    insert.setLong(i++, e.eventOrder());
                    insert.setLong(i++, e.sourceServer());
                    insert.setString(i++, e.binlogFile());
                    insert.setLong(i++, e.binlogPos());
                    insert.setInt(i++, e.row());
                    insert.setString(i++, prevHashes.get(n));
                    insert.setString(i++, hashes.get(n));
                }
                insert.executeUpdate();
            }
        }
    }

    private static void insertPositions(Connection c, List<AuditChange> changes, List<AuditContent> contents)
            throws SQLException {
        for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(changes.size(), from + ROWS_PER_INSERT);
            String values = String.join(",", Collections.nCopies(to - from, "(?,?,?,?)"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO compliance_audit.audit_source_position"
                    + " (source_server, transaction_id, event_order, seq) VALUES " + values)) {
                int i = 1;
                for (int n = from; n < to; n++) {
                    AuditChange change = changes.get(n);
                    insert.setLong(i++, change.sourceServer());
                    insert.setString(i++, change.group());
                    insert.setLong(i++, change.eventOrder());
                    insert.setLong(i++, contents.get(n).seq());
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * The seed's bulk_operation_audit: one row per source transaction, counted across batches. VALUES(col) rather
     * than MySQL's row alias ({@code AS new}): MariaDB 11.4 has no row alias, MySQL 8.4 still accepts VALUES()
     * (deprecated, with a warning).
     */
    private static void countGroups(Connection c, Map<String, Group> groups) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO bulk_operation_audit (bulk_group, actor,"
                + " request_id, entry_count, first_seq, last_seq, tables, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE entry_count = entry_count + VALUES(entry_count),"
                + " last_seq = GREATEST(last_seq, VALUES(last_seq))")) {
            for (Map.Entry<String, Group> entry : groups.entrySet()) {
                Group g = entry.getValue();
                upsert.setString(1, entry.getKey());
                upsert.setString(2, g.first.actor());
                upsert.setString(3, g.first.request());
                upsert.setInt(4, g.count);
                upsert.setLong(5, g.firstSeq);
                upsert.setLong(6, g.lastSeq);
                String tables = String.join(",", g.tables);
                upsert.setString(7, tables.length() > 1000 ? tables.substring(0, 1000) : tables);
                upsert.setObject(8, utc(g.first.committedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** DATETIME(6) values as UTC wall-clock time, whatever the JVM's or the connection's time zone. */
    static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static final class Group {
        final AuditChange first;
        final long firstSeq;
        long lastSeq;
        int count;
        final Set<String> tables = new LinkedHashSet<>();

        Group(AuditChange first, long firstSeq) {
            this.first = first;
            this.firstSeq = firstSeq;
        }

        void add(AuditChange change, long seq) {
            count++;
            lastSeq = seq;
            tables.add(change.schema() + "." + change.table());
        }
    }
}
