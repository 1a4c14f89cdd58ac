package io.eventcommerce.compliance.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcommerce.servicekit.audit.ChangeActor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row change as the audit connector delivers it (Debezium's envelope, JSON without schemas), reduced to what an
 * entry keeps. The statement text ({@code source.query}) is read for its leading ec-actor comment only and never kept:
 * it holds the statement's literal values, personal data included.
 *
 * @param key   the row's primary key, columns in key order
 * @param group      the source transaction (Debezium's transaction id: the GTID), which every row it changed shares
 * @param eventOrder the change's place among all changes of its transaction (transaction.total_order)
 */
public record AuditChange(String schema, String table, String op, ObjectNode key, ObjectNode before, ObjectNode after,
                          String actor, String request, String via, Instant committedAt, String group,
                          long eventOrder, long sourceServer, String binlogFile, long binlogPos, int row) {

    public static final String UNKNOWN = "unknown";

    /**
     * The stored-once key: the source server, the transaction and the change's place in it. Not the binlog file,
     * position and row: Debezium's source.pos is the transaction's position and source.row restarts with every rows
     * event, so the rows of one large statement repeat (file, pos, row) (measured: a 500-row INSERT on MariaDB).
     */
    public record Position(long server, String transaction, long order) {
    }

    public Position position() {
        return new Position(sourceServer, group, eventOrder);
    }

    /**
     * The change in a record's key and value, or null when the record is no entry: a delete of a
     * personal_data_read row (the table is emptied in the transaction that logs the read), or a Debezium message
     * that is not a row change. Throws IllegalArgumentException on a value that is not a Debezium change event.
     */
    public static AuditChange parse(JsonNode key, JsonNode value) {
        if (value == null || value.isNull() || !value.isObject()) {
            throw new IllegalArgumentException("not a Debezium change event (no JSON object)");
        }
        JsonNode source = value.path("source");
        String op = value.path("op").asText("");
        if (!Set.of("c", "u", "d", "r").contains(op)) {
            throw new IllegalArgumentException("not a row change: op '" + op + "'");
        }
        String schema = text(source, "db");
        String table = text(source, "table");
        if ("personal_data_read".equals(table) && "d".equals(op)) {
            return null;
        }
        if (!source.path("pos").canConvertToLong() || !source.path("ts_ms").canConvertToLong()) {
            throw new IllegalArgumentException("source has no binlog position or commit time: " + source);
        }
        ChangeActor actor = ChangeActor.of(source.path("query").asText(null))
                .orElse(new ChangeActor(UNKNOWN, "", ""));
        ObjectNode before = value.path("before").isObject() ? (ObjectNode) value.get("before") : null;
        ObjectNode after = value.path("after").isObject() ? (ObjectNode) value.get("after") : null;
        ObjectNode rowKey = key != null && key.isObject() ? (ObjectNode) key : null;
        if (rowKey == null) {
            throw new IllegalArgumentException("a change of " + schema + "." + table + " without a primary key");
        }
        JsonNode transaction = value.path("transaction");
        String group = transaction.path("id").asText(null);
        if (group == null || group.isBlank() || !transaction.path("total_order").canConvertToLong()) {
            throw new IllegalArgumentException("no transaction metadata (provide.transaction.metadata=true): "
                    + transaction);
        }
        String file = text(source, "file");
        long pos = source.path("pos").asLong();
        long ts = source.path("ts_us").canConvertToLong() ? source.path("ts_us").asLong()
                : source.path("ts_ms").asLong() * 1000;
        Instant committed = Instant.EPOCH.plusNanos(ts * 1000);
        return new AuditChange(schema, table, op, rowKey, before, after, actor.actor(), actor.request(), actor.via(),
                committed, group, transaction.path("total_order").asLong(), source.path("server_id").asLong(), file,
                pos, source.path("row").asInt(0));
    }

    /** The primary key's values in key order, joined by '/': what the query API's entity filter matches. */
    public String entity() {
        List<String> values = new ArrayList<>();
        key.elements().forEachRemaining(v -> values.add(v.asText()));
        return String.join("/", values);
    }

    /** The columns the change touched: every column of an insert or delete, the differing ones of an update. */
    public String changedColumns() {
        Set<String> names = new LinkedHashSet<>();
        if (before == null || after == null) {
            ObjectNode image = after != null ? after : before;
            if (image != null) {
                image.fieldNames().forEachRemaining(names::add);
            }
        } else {
            Set<String> all = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(all::add);
            after.fieldNames().forEachRemaining(all::add);
            for (String name : all) {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    names.add(name);
                }
            }
        }
        return String.join(",", names.stream().sorted().toList());
    }

    /** The data subject of the row ("customer:&lt;id&gt;"), from the after image, else the before image. */
    public String subject() {
        JsonNode image = after != null ? after : before;
        if (PersonalData.READS_TABLE.equals(table)) {
            JsonNode type = image == null ? null : image.get("subject_type");
            JsonNode id = image == null ? null : image.get("subject_id");
            return type == null || id == null || type.isNull() || id.isNull() ? null : type.asText() + ":" + id.asText();
        }
        String column = PersonalData.subjectColumn(schema, table);
        if (column == null) {
            return null;
        }
        JsonNode id = image == null ? null : image.get(column);
        return id == null || id.isNull() ? null : PersonalData.subject(schema, table, id.asText());
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("source." + field + " is missing");
        }
        return value;
    }
}
