package io.eventcommerce.connect;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts a Debezium change event's {@code source.query} down to the statement's leading actor comment
 * ({@code /* ec-actor:<actor>;<request>;<via> *}{@code /}, service-kit {@code ChangeActor}) and drops the rest.
 *
 * <p>The audit connector needs {@code include.query=true} for that comment alone: it names who caused each row
 * change. But Debezium copies the whole statement into the event of every row it changed, literal values included:
 * a customer's e-mail in plaintext next to its hashed column, and for a 500-row bulk INSERT the same ~75 KB of text
 * in each of its 500 events, which every audit consumer then parses and the PCI scanner reads. After this transform
 * an event carries what compliance-service reads and nothing else; an event whose statement has no actor comment
 * (a change by hand or by a migration) carries no query at all.
 *
 * <p>Struct values (the connector's own) and schemaless map values are handled; anything else, tombstones and
 * events without a {@code source.query} pass unchanged. The schema is unchanged: {@code query} is optional.
 */
public class StatementActorOnly<R extends ConnectRecord<R>> implements Transformation<R> {

    static final String SOURCE = "source";
    static final String QUERY = "query";
    static final String PREFIX = "/* ec-actor:";
    private static final String END = "*/";

    /** The actor comment a statement starts with, or null when it starts with none. */
    static String actorComment(String statement) {
        if (statement == null) {
            return null;
        }
        String trimmed = statement.stripLeading();
        if (!trimmed.startsWith(PREFIX)) {
            return null;
        }
        int end = trimmed.indexOf(END, PREFIX.length());
        return end < 0 ? null : trimmed.substring(0, end + END.length());
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        Object trimmed;
        if (value instanceof Struct struct) {
            trimmed = trim(struct);
        } else if (value instanceof Map<?, ?> map) {
            trimmed = trim(map);
        } else {
            return record;
        }
        if (trimmed == value) {
            return record;
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), trimmed, record.timestamp(), record.headers());
    }

    private static Struct trim(Struct value) {
        Field sourceField = value.schema().field(SOURCE);
        if (sourceField == null || !(value.get(sourceField) instanceof Struct source)) {
            return value;
        }
        Field queryField = source.schema().field(QUERY);
        if (queryField == null) {
            return value;
        }
        String query = source.getString(QUERY);
        String comment = actorComment(query);
        if (query == null || query.equals(comment)) {
            return value;
        }
        Struct newSource = copy(source);
        newSource.put(queryField, comment);
        Struct newValue = copy(value);
        newValue.put(sourceField, newSource);
        return newValue;
    }

    private static Struct copy(Struct struct) {
        Struct copy = new Struct(struct.schema());
        for (Field field : struct.schema().fields()) {
            copy.put(field, struct.get(field));
        }
        return copy;
    }

    private static Object trim(Map<?, ?> value) {
        if (!(value.get(SOURCE) instanceof Map<?, ?> source) || !(source.get(QUERY) instanceof String query)) {
            return value;
        }
        String comment = actorComment(query);
        if (query.equals(comment)) {
            return value;
        }
        Map<Object, Object> newSource = new LinkedHashMap<>(source);
        newSource.put(QUERY, comment);
        Map<Object, Object> newValue = new LinkedHashMap<>(value);
        newValue.put(SOURCE, newSource);
        return newValue;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the field and the comment's form are the platform's own.
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
