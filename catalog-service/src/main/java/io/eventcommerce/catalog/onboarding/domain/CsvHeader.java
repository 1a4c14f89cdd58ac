package io.eventcommerce.catalog.onboarding.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each column is in the file. The header must name every required column, each column once, and nothing
 * else: an unknown column is most likely a misspelt optional one whose values would otherwise be dropped without a
 * word, so the whole file is refused before any row is read. The only exception are the {@link #ERROR_COLUMNS} of
 * the refused-rows file the platform hands out: a vendor corrects that file and sends it back as it is, so they are
 * accepted (each once) and their values ignored.
 */
public final class CsvHeader {

    /** The columns the refused-rows download adds after the file's own; ignored in a file sent back. */
    public static final List<String> ERROR_COLUMNS = List.of("error_row", "error_type", "error_message");

    private final Map<CsvColumn, Integer> positions;
    private final int width;

    private CsvHeader(Map<CsvColumn, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** A header that cannot be used; {@link #problems()} says why, one message per problem. */
    public static final class InvalidHeaderException extends RuntimeException {

        private final List<String> problems;

        public InvalidHeaderException(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * @param names the cells of the header row (a leading byte-order mark is ignored)
     * @throws InvalidHeaderException listing every missing, repeated, unknown or empty column name
     */
    public static CsvHeader parse(List<String> names) {
        Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);
        List<String> problems = new ArrayList<>();
        Set<String> ignored = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = i == 0 ? stripByteOrderMark(names.get(i)) : names.get(i);
            if (name.isBlank()) {
                problems.add("column " + (i + 1) + " has no name");
                continue;
            }
            Optional<CsvColumn> column = CsvColumn.byHeader(name);
            if (column.isEmpty() && isErrorColumn(name)) {
                if (!ignored.add(name.trim().toLowerCase(Locale.ROOT))) {
                    problems.add("column '" + name.trim().toLowerCase(Locale.ROOT) + "' appears more than once");
                }
            } else if (column.isEmpty()) {
                problems.add("unknown column '" + Texts.abbreviate(name.trim()) + "'");
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                problems.add("column '" + column.get().header() + "' appears more than once");
            }
        }
        for (CsvColumn column : CsvColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add("missing column '" + column.header() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidHeaderException(problems);
        }
        return new CsvHeader(positions, names.size());
    }

    /** A header cell without the byte-order mark a file may start with. */
    public static String stripByteOrderMark(String name) {
        return name.startsWith("\uFEFF") ? name.substring(1) : name;
    }

    /** Whether a header cell names one of the {@link #ERROR_COLUMNS}, compared as column names are. */
    public static boolean isErrorColumn(String name) {
        return ERROR_COLUMNS.contains(stripByteOrderMark(name).trim().toLowerCase(Locale.ROOT));
    }

    /** How many values every row must have. */
    public int width() {
        return width;
    }

    public boolean has(CsvColumn column) {
        return positions.containsKey(column);
    }

    public Set<CsvColumn> columns() {
        return Collections.unmodifiableSet(positions.keySet());
    }

    /**
     * The trimmed value of a column in a row of {@link #width()} values, without a formula-neutralising quote
     * ({@link FormulaCells#restore}); empty string if the column is absent.
     */
    public String value(List<String> row, CsvColumn column) {
        Integer position = positions.get(column);
        if (position == null || row.get(position) == null) {
            return "";
        }
        return FormulaCells.restore(row.get(position).trim()).trim();
    }
}
