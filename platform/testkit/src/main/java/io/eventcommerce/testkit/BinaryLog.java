package io.eventcommerce.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements the server kept in its binary log beside their row events (MariaDB {@code Annotate_rows}, MySQL
 * {@code Rows_query}), read as root with {@code SHOW BINARY LOGS} and {@code SHOW BINLOG EVENTS}, the same on both:
 * what the audit connector sees as {@code source.query}. A test takes a {@link #position} before it acts and reads
 * only what was logged after it, so it never scans other tests' history.
 */
public final class BinaryLog {

    private static final List<String> STATEMENT_EVENTS = List.of("Annotate_rows", "Rows_query");

    private final Database database;

    private BinaryLog(Database database) {
        this.database = database;
    }

    /** The binary log of the stack's server (one for every schema). */
    public static BinaryLog of(Database database) {
        return new BinaryLog(database);
    }

    /** Where the log ends now: a file and the position after its last event. */
    public record Position(String file, long offset) {
    }

    public Position position() {
        List<Map<String, Object>> files = database.query("SHOW BINARY LOGS");
        Map<String, Object> last = files.get(files.size() - 1);
        return new Position((String) last.get("Log_name"), ((Number) last.get("File_size")).longValue());
    }

    /** The statements of row changes logged since {@code from}, oldest first (later files included). */
    public List<String> statementsSince(Position from) {
        List<String> statements = new ArrayList<>();
        boolean reached = false;
        for (Map<String, Object> file : database.query("SHOW BINARY LOGS")) {
            String name = (String) file.get("Log_name");
            if (!reached && !name.equals(from.file())) {
                continue;
            }
            String sql = "SHOW BINLOG EVENTS IN '" + name.replace("'", "") + "'"
                    + (reached ? "" : " FROM " + from.offset());
            reached = true;
            for (Map<String, Object> event : database.query(sql)) {
                if (STATEMENT_EVENTS.contains(String.valueOf(event.get("Event_type")))) {
                    String info = String.valueOf(event.get("Info"));
                    // MySQL shows a Rows_query event's statement behind "# ".
                    statements.add(info.startsWith("# ") ? info.substring(2) : info);
                }
            }
        }
        return statements;
    }
}
