package io.eventcommerce.insights.competition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The competitor price feed as a stream of rows, read with Jackson's streaming CSV parser (RFC 4180: commas,
 * double quotes, quoted values may span lines): only the current row is in memory, whatever the file's size.
 * The header must name exactly the columns of {@link #COLUMNS}, in any order; blank lines are skipped and not
 * numbered, so row 1 is the first data row after the header. Input must be UTF-8: anything else stops the file.
 */
public final class CompetitorCsv implements Closeable {

    /** The feed's columns, in the generator's order (docs/competitor-prices.md). */
    public static final List<String> COLUMNS = List.of("competitor", "country", "region", "sku", "price", "currency",
            "observed_at");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** The file cannot be read as CSV (or UTF-8) from some point on; the message says where. */
    public static final class UnreadableException extends Exception {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A data row: its number and its values by column of {@link #COLUMNS}; {@code width} as the file had it. */
    public record Row(int number, Map<String, String> values, int width) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final MappingIterator<String[]> rows;
    private int[] positions;
    private int width;
    private int number;

    public CompetitorCsv(InputStream in) throws UnreadableException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
        try {
            rows = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(reader);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Reads and checks the header; the problem with it, or null when it names exactly the feed's columns. An empty
     * file has no header.
     */
    public String header() throws UnreadableException {
        String[] header = nextRecord();
        if (header == null) {
            return "The file is empty; the first row must be the header " + String.join(",", COLUMNS);
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].trim().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\ufeff")) {
                name = name.substring(1); // a byte-order mark some spreadsheets write
            }
            if (!COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (at.putIfAbsent(name, i) != null) {
                return "The header names " + name + " twice";
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            return "The header must be " + String.join(",", COLUMNS) + " (any order)"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown));
        }
        width = header.length;
        positions = COLUMNS.stream().mapToInt(at::get).toArray();
        return null;
    }

    /** The number of columns of the header. */
    public int width() {
        return width;
    }

    /** The next data row, or null at the end. */
    public Row next() throws UnreadableException {
        if (positions == null) {
            throw new IllegalStateException("read a valid header first");
        }
        String[] record;
        do {
            record = nextRecord();
            if (record == null) {
                return null;
            }
        } while (blank(record));
        number++;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            int p = positions[i];
            values.put(COLUMNS.get(i), p < record.length && record[p] != null ? record[p] : "");
        }
        return new Row(number, values, record.length);
    }

    /** Data rows read so far. */
    public int rowsRead() {
        return number;
    }

    private String[] nextRecord() throws UnreadableException {
        try {
            return rows.hasNextValue() ? rows.nextValue() : null;
        } catch (CharacterCodingException e) {
            throw new UnreadableException("The file is not UTF-8 text after data row " + number, e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private UnreadableException unreadable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new UnreadableException("The file is not UTF-8 text after data row " + number, e);
            }
        }
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new UnreadableException("The file is not valid CSV after data row " + number + ": " + detail, e);
    }

    private static boolean blank(String[] record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            // the request stream is released by the HTTP layer either way
        }
    }
}
