package io.eventcommerce.compliance.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.audit.model.PersonalData;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the trail: by entity, actor, table and commit time, paged. Personal-data fields come back as the connector's
 * hash tokens while the subject's key exists, and as null (named in {@code shreddedFields}) once it was shredded.
 */
@ApplicationScoped
public class AuditEntries {

    public enum Sort { NEWEST, SEQUENCE }

    /** Where the change came from: server, binlog file/position/row, and its place in its transaction. */
    public record Source(long server, String file, long pos, int row, long order) {
    }

    public record Entry(long seq, Instant recordedAt, String schema, String table, String op, String entity,
                        String subject, JsonNode before, JsonNode after, List<String> changedColumns, String actor,
                        String request, String via, Instant committedAt, String bulkGroup, Source source,
                        List<String> shreddedFields, String prevHash, String hash) {
    }

    public record Filter(String schema, String table, String entity, String actor, Instant from, Instant to) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "seq, recorded_at, schema_name, table_name, op, entity_key, subject,"
            + " before_image, after_image, changed_columns, actor, request_id, via, committed_at, bulk_group,"
            + " source_server, binlog_file, binlog_pos, row_index, prev_hash, hash, event_order";

    private final AgroalDataSource dataSource;
    private final AuditSubjectKeys keys;

    public AuditEntries(AgroalDataSource dataSource, AuditSubjectKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    public Page<Entry> list(Filter filter, Sort sort, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "schema_name = ?", filter.schema());
        condition(where, params, "table_name = ?", filter.table());
        condition(where, params, "entity_key = ?", filter.entity());
        condition(where, params, "actor = ?", filter.actor());
        condition(where, params, "committed_at >= ?", filter.from() == null ? null : utc(filter.from()));
        condition(where, params, "committed_at < ?", filter.to() == null ? null : utc(filter.to()));
        String order = sort == Sort.NEWEST ? " ORDER BY seq DESC" : " ORDER BY seq";
        try (Connection c = dataSource.getConnection()) {
            // Entries a legal hold kept past their purge lie below every remaining one (the purge dropped a prefix):
            // the two tables are one ordered list, the held part first by sequence. A held copy whose original is
            // still there (a purge whose drop failed) is not shown twice.
            String held = " AND seq < (SELECT COALESCE(MIN(seq), " + Long.MAX_VALUE
                    + ") FROM compliance_audit.audit_entry)";
            long live = count(c, "SELECT COUNT(*) FROM compliance_audit.audit_entry" + where, params);
            long kept = count(c, "SELECT COUNT(*) FROM compliance_audit.audit_entry_held" + where + held, params);
            long offset = (long) page * size;
            boolean newest = sort == Sort.NEWEST;
            String firstTable = newest ? "audit_entry" : "audit_entry_held";
            String secondTable = newest ? "audit_entry_held" : "audit_entry";
            long firstCount = newest ? live : kept;
            List<Entry> items = new ArrayList<>();
            if (offset < firstCount) {
                items.addAll(page(c, firstTable, where + (newest ? "" : held), params, order, size, offset));
            }
            int rest = size - items.size();
            if (rest > 0) {
                long secondOffset = Math.max(0, offset - firstCount);
                items.addAll(page(c, secondTable, where + (newest ? held : ""), params, order, rest, secondOffset));
            }
            return Page.of(items, page, size, live + kept);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    private List<Entry> page(Connection c, String table, String where, List<Object> params, String order, int limit,
                             long offset) throws SQLException {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        return read(c, "SELECT " + COLUMNS + " FROM compliance_audit." + table + where + order + " LIMIT ? OFFSET ?",
                pageParams);
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement count = prepare(c, sql, params); ResultSet r = count.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** One entry, in the chain or, once purged, kept by a legal hold. */
    public Entry get(long seq) {
        try (Connection c = dataSource.getConnection()) {
            List<Entry> found = read(c, "SELECT " + COLUMNS + " FROM compliance_audit.audit_entry WHERE seq = ?",
                    List.of(seq));
            if (found.isEmpty()) {
                found = read(c, "SELECT " + COLUMNS + " FROM compliance_audit.audit_entry_held WHERE seq = ?",
                        List.of(seq));
            }
            if (found.isEmpty()) {
                throw DomainException.notFound("audit entry", seq);
            }
            return found.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    private List<Entry> read(Connection c, String sql, List<Object> params) throws SQLException {
        record Row(long seq, Instant recordedAt, String schema, String table, String op, String entity,
                   String subject, String before, String after, String changed, String actor, String request,
                   String via, Instant committedAt, String group, Source source, String prevHash, String hash) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(r.getLong(1), instant(r, 2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                        r.getString(11), r.getString(12), r.getString(13), instant(r, 14), r.getString(15),
                        new Source(r.getLong(16), r.getString(17), r.getLong(18), r.getInt(19), r.getLong(22)),
                        r.getString(20),
                        r.getString(21)));
            }
        }
        Set<String> subjects = new HashSet<>();
        rows.stream().map(Row::subject).filter(java.util.Objects::nonNull).forEach(subjects::add);
        Map<String, Optional<byte[]>> subjectKeys = subjects.isEmpty() ? new HashMap<>() : keys.current(subjects);
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            Set<String> personal = PersonalData.columns(row.schema(), row.table());
            Optional<byte[]> key = row.subject() == null ? Optional.empty()
                    : subjectKeys.getOrDefault(row.subject(), Optional.empty());
            List<String> shredded = new ArrayList<>();
            JsonNode before = reveal(row.before(), personal, row.subject(), key, shredded);
            JsonNode after = reveal(row.after(), personal, row.subject(), key, shredded);
            entries.add(new Entry(row.seq(), row.recordedAt(), row.schema(), row.table(), row.op(), row.entity(),
                    row.subject(), before, after, row.changed().isEmpty() ? List.of()
                    : Arrays.asList(row.changed().split(",")), row.actor(), row.request(), row.via(),
                    row.committedAt(), row.group(), row.source(), shredded.stream().distinct().sorted().toList(),
                    row.prevHash(), row.hash()));
        }
        return entries;
    }

    private static JsonNode reveal(String stored, Set<String> personal, String subject, Optional<byte[]> key,
                                   List<String> shredded) {
        if (stored == null) {
            return null;
        }
        JsonNode image;
        try {
            image = JSON.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("An audit image is no JSON", e);
        }
        if (image instanceof ObjectNode object) {
            for (String column : personal) {
                JsonNode value = object.get(column);
                if (value != null && value.isTextual()) {
                    Optional<String> plain = AuditSubjectKeys.decrypt(key, subject, value.asText());
                    if (plain.isPresent()) {
                        object.set(column, TextNode.valueOf(plain.get()));
                    } else {
                        object.set(column, NullNode.getInstance());
                        shredded.add(column);
                    }
                }
            }
        }
        return image;
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
