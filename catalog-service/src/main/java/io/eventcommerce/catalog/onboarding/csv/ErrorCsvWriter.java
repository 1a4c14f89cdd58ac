package io.eventcommerce.catalog.onboarding.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.eventcommerce.catalog.onboarding.domain.CsvHeader;
import io.eventcommerce.catalog.onboarding.domain.FormulaCells;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes an upload's refused rows as a CSV file the vendor can correct and send back: the upload's own columns (the
 * {@link CsvHeader#ERROR_COLUMNS} of a file that was itself sent back are left out), then {@code error_row},
 * {@code error_type}, {@code error_message}; each row is the refused row's values followed by those three. Every
 * value is quoted (RFC 4180, with Jackson's CSV generator) and neutralised against formula injection
 * ({@link FormulaCells}). A refused row whose text does not read as one record of the header's width (a
 * {@code MALFORMED_ROW}) is written whole into the first column, the others empty.
 */
public final class ErrorCsvWriter implements Closeable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private final SequenceWriter out;
    private final int width;
    private final int[] kept;

    /** @param header the cells of the upload's header row, as the file had them */
    public ErrorCsvWriter(List<String> header, Writer writer) throws IOException {
        this.width = header.size();
        this.kept = IntStream.range(0, header.size()).filter(i -> !CsvHeader.isErrorColumn(header.get(i))).toArray();
        this.out = MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(writer);
        List<String> names = new ArrayList<>();
        for (int i : kept) {
            names.add(CsvHeader.stripByteOrderMark(header.get(i)).trim());
        }
        names.addAll(CsvHeader.ERROR_COLUMNS);
        write(names);
    }

    /** One refused row: its stored text, and why it was refused. */
    public void row(int rowNo, String type, String message, String originalRow) throws IOException {
        List<String> values = read(originalRow);
        List<String> cells = new ArrayList<>(kept.length + 3);
        if (values == null || values.size() != width) {
            cells.add(originalRow);
            while (cells.size() < kept.length) {
                cells.add("");
            }
        } else {
            for (int i : kept) {
                cells.add(FormulaCells.restore(values.get(i)));
            }
        }
        cells.add(Integer.toString(rowNo));
        cells.add(type);
        cells.add(message);
        write(cells);
    }

    private void write(List<String> cells) throws IOException {
        out.write(cells.stream().map(FormulaCells::neutralise).toArray(String[]::new));
    }

    /** The values of a stored row's text, or null if it is not one readable record. */
    private static List<String> read(String text) {
        try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Math.max(1, text.length()))) {
            return reader.header();
        } catch (IOException e) {
            return null;
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
