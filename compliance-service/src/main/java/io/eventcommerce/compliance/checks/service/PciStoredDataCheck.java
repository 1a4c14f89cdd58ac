package io.eventcommerce.compliance.checks.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.pci.CardNumbers;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * PCI DSS requirement 3 (no primary account number stored unprotected): reads every text column of every table this
 * service keeps (its own schema, and the further schemas of {@code compliance.checks.pci.schemas}) and looks for
 * card numbers: digits that pass the Luhn check under a card network's prefix and length ({@link CardNumbers}). The
 * API refuses card numbers on the way in; this finds what came in another way (an event, a bug, a person with
 * database access). Findings name the table, column and row key, and show only the last four digits.
 *
 * <p>Rows are streamed (one forward-only read per table, nothing held in memory) over a connection of its own, in no
 * transaction: a long scan locks nothing and blocks no writer.
 */
@ApplicationScoped
public class PciStoredDataCheck implements ComplianceCheck {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");

    private final AgroalDataSource dataSource;
    private final ComplianceConfig config;

    public PciStoredDataCheck(AgroalDataSource dataSource, ComplianceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String name() {
        return "pci-stored-data";
    }

    @Override
    public String description() {
        return "PCI DSS 3: no card number (Luhn-valid, within a card network's ranges) in any text column of the "
                + "service's tables";
    }

    @Override
    public Result run() {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> tables = new TreeMap<>();
        long rows = 0;
        long values = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (Table table : tables(connection)) {
                long[] counted = scan(connection, table, findings);
                rows += counted[0];
                values += counted[1];
                tables.put(table.schema() + "." + table.name(), Map.of("rows", counted[0], "columns", table.columns()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stored data could not be read: " + e.getMessage(), e);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("schemas", schemas());
        evidence.put("tables", tables);
        evidence.put("rowsRead", rows);
        evidence.put("valuesScanned", values);
        return new Result(findings, evidence);
    }

    /** A table with its primary key and text columns. */
    record Table(String schema, String name, List<String> key, List<String> columns) {
    }

    private List<String> schemas() {
        List<String> schemas = new ArrayList<>();
        schemas.add("compliance");
        config.checks().pci().schemas().ifPresent(extra -> extra.stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !schemas.contains(s)).forEach(schemas::add));
        return schemas;
    }

    private List<Table> tables(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, List<String>> keys = new TreeMap<>();
        for (String schema : schemas()) {
            try (PreparedStatement text = connection.prepareStatement("""
                    SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
                    JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                    WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
                      AND c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json')
                    ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""")) {
                text.setString(1, schema);
                try (ResultSet rs = text.executeQuery()) {
                    while (rs.next()) {
                        columns.computeIfAbsent(schema + "." + rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement primary = connection.prepareStatement("""
                    SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
                    WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION""")) {
                primary.setString(1, schema);
                try (ResultSet rs = primary.executeQuery()) {
                    while (rs.next()) {
                        keys.computeIfAbsent(schema + "." + rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        columns.forEach((qualified, text) -> {
            int dot = qualified.indexOf('.');
            tables.add(new Table(qualified.substring(0, dot), qualified.substring(dot + 1),
                    keys.getOrDefault(qualified, List.of()), text));
        });
        return tables;
    }

    /** Returns rows read and values scanned. */
    private long[] scan(Connection connection, Table table, List<Finding> findings) throws SQLException {
        List<String> selected = new ArrayList<>(table.key());
        table.columns().stream().filter(c -> !table.key().contains(c)).forEach(selected::add);
        selected.forEach(PciStoredDataCheck::identifier);
        String sql = "SELECT " + String.join(", ", selected.stream().map(c -> "`" + c + "`").toList())
                + " FROM `" + identifier(table.schema()) + "`.`" + identifier(table.name()) + "`";
        long rows = 0;
        long values = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            // Connector/J streams a forward-only, read-only result row by row with this fetch size.
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    for (int i = 0; i < selected.size(); i++) {
                        String value = rs.getString(i + 1);
                        if (value == null || !table.columns().contains(selected.get(i))) {
                            continue;
                        }
                        values++;
                        for (String digits : CardNumbers.find(value)) {
                            findings.add(new Finding(subject(table, selected.get(i), rs, rows),
                                    "a card number ending " + digits.substring(digits.length() - 4) + " ("
                                            + digits.length() + " digits, Luhn-valid, in a card network's range)"));
                        }
                    }
                }
            }
        }
        return new long[] {rows, values};
    }

    private static String subject(Table table, String column, ResultSet rs, long rowNumber) throws SQLException {
        StringBuilder key = new StringBuilder();
        if (table.key().isEmpty()) {
            key.append("row ").append(rowNumber);
        }
        for (int k = 0; k < table.key().size(); k++) {
            key.append(k == 0 ? "" : ",").append(table.key().get(k)).append('=').append(rs.getString(k + 1));
        }
        // A key could hold a card number too: the subject shows no more of it than the detail does.
        return CardNumbers.mask(table.schema() + "." + table.name() + "." + column + " [" + key + "]");
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalStateException("not a plain identifier: " + name);
        }
        return name;
    }
}
