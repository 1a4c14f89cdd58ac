package io.eventcommerce.testkit;

import io.eventcommerce.devstack.PlatformStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Root access to one schema of the test stack, to assert on rows a service wrote (or did not write), found by the
 * test's own keys. Tests that only observe the API should not need it.
 */
public final class Database {

    private final PlatformStack stack;
    private final String schema;

    private Database(PlatformStack stack, String schema) {
        this.stack = stack;
        this.schema = schema;
    }

    public static Database of(String schema) {
        return new Database(TestStack.get(), schema);
    }

    /** The rows of a query as column-name maps. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /**
     * Runs one INSERT/UPDATE/DELETE; returns the rows changed. For setting up a state no API can reach (a row a lost
     * event should have changed).
     */
    public int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /** The single number a {@code SELECT COUNT(*) ...} returns. */
    public long count(String sql, Object... parameters) {
        Object value = query(sql, parameters).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    /**
     * The schema's tables (except Flyway's history), for scans such as "no card number in any row". There is
     * deliberately no global row count and no reset: tests share the stack and other tests' consumers write at any
     * time, so a test asserts only on rows it owns.
     */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row : query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME", schema)) {
            tables.add((String) row.get("TABLE_NAME"));
        }
        return tables;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(schema), "root", stack.rootPassword());
    }
}
