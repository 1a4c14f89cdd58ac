package io.eventcommerce.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a person's plaintext values still are, after an erasure: every text column of a schema, as the database root
 * (the test's own search, independent of the service's self-check), and the values of Kafka records.
 */
public final class PlaintextSearch {

    private PlaintextSearch() {
    }

    /** {@code schema.table.column: value} for every text column of {@code schema} holding one of {@code values}. */
    public static List<String> inTables(String schema, Collection<String> values) {
        Database db = Database.of(schema);
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> column : db.query("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext',"
                + " 'longtext', 'json') ORDER BY TABLE_NAME, COLUMN_NAME", schema)) {
            String table = "`" + column.get("TABLE_NAME") + "`";
            String name = "`" + column.get("COLUMN_NAME") + "`";
            for (String value : values) {
                long found = db.count("SELECT COUNT(*) FROM " + table + " WHERE LOCATE(?, " + name + ") > 0", value);
                if (found > 0) {
                    hits.add(schema + "." + column.get("TABLE_NAME") + "." + column.get("COLUMN_NAME") + ": " + value
                            + " (" + found + " rows)");
                }
            }
        }
        return hits;
    }

    /** {@code topic@offset: value} for every record holding one of {@code values} (case-insensitive). */
    public static List<String> inRecords(Collection<ConsumerRecord<String, String>> records,
                                         Collection<String> values) {
        List<String> hits = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String text = record.value() == null ? "" : record.value().toLowerCase(Locale.ROOT);
            for (String value : values) {
                if (text.contains(value.toLowerCase(Locale.ROOT))) {
                    hits.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + value);
                }
            }
        }
        return hits;
    }
}
