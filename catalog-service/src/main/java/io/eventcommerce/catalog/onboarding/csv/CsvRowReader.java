package io.eventcommerce.catalog.onboarding.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180: comma-separated, double quotes, quoted values may span lines) row by row from a
 * stream, with Jackson's streaming CSV parser: only the current row and the parser's read-ahead are ever in memory.
 * Besides the values, each row comes with its text as the file had it, for the error report. Rows whose values are
 * all empty (blank lines) are skipped and not numbered. Input must be UTF-8; anything else is refused, never
 * silently replaced.
 */
public final class CsvRowReader implements Closeable {

    /** Features must be set on the factory: the parser's decoder reads them once, when it is created. */
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    /** Read-ahead of the parser beyond the current row, on top of the row itself, before a row counts as runaway. */
    private static final int READ_AHEAD_SLACK = 64 * 1024;

    private final RecordingReader recording;
    private final CsvParser parser;
    private final int maxRowChars;
    private boolean started;
    private int width = -1;
    private int rowNo;
    /** Where the last record ended: the next one's text starts there (after the line break). */
    private long lastEnd;
    /** A token read ahead to learn whether a record was the last. */
    private JsonToken peeked;

    /** A data row. */
    public record Row(int number, List<String> values, int valueCount, String text, boolean tooLong) {
    }

    /** The file is not readable CSV at some point; the message is fit for the vendor to read. */
    public static final class UnreadableCsvException extends IOException {
        public UnreadableCsvException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public CsvRowReader(InputStream in, int maxRowChars) {
        this.maxRowChars = maxRowChars;
        Reader utf8 = new StrictUtf8Reader(in);
        this.recording = new RecordingReader(utf8, (long) maxRowChars + READ_AHEAD_SLACK);
        try {
            this.parser = FACTORY.createParser(recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // creating a parser on a Reader reads nothing
        }
        parser.setSchema(CsvSchema.emptySchema());
    }

    /**
     * The header row's cells, or null if the file has no row at all. Must be called once, before {@link #next()}.
     */
    public List<String> header() throws IOException {
        Record header = nextRecord(Integer.MAX_VALUE);
        if (header == null) {
            return null;
        }
        width = header.values().size();
        return header.values();
    }

    /** The next data row, or null at the end of the file. */
    public Row next() throws IOException {
        if (width < 0) {
            throw new IllegalStateException("read the header first");
        }
        Record record = nextRecord(width + 1);
        if (record == null) {
            return null;
        }
        rowNo++;
        boolean tooLong = record.text().length() > maxRowChars;
        String text = tooLong ? record.text().substring(0, maxRowChars) : record.text();
        return new Row(rowNo, record.values(), record.valueCount(), text, tooLong);
    }

    /** How many data rows have been read. */
    public int rowsRead() {
        return rowNo;
    }

    private record Record(List<String> values, int valueCount, String text) {
    }

    /** The next record with a non-blank value; keeps at most {@code keep} values, but counts all. */
    private Record nextRecord(int keep) throws IOException {
        try {
            while (true) {
                JsonToken token = nextToken();
                if (!started) {
                    started = true;
                    token = nextToken(); // the document's array, around the rows' arrays
                }
                if (token == null || token == JsonToken.END_ARRAY) {
                    return null;
                }
                List<String> values = new ArrayList<>();
                int count = 0;
                boolean blank = true;
                while ((token = nextToken()) == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
                    String value = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                    blank &= value.isBlank();
                    if (count++ < keep) {
                        values.add(value);
                    }
                }
                long end = recordEnd();
                // The text runs from the previous record's end, not from the parser's location of the first value,
                // which is after any trimmed spaces: so it is exactly what the file had.
                String text = stripLineBreaks(recording.text(lastEnd, end));
                lastEnd = end;
                recording.forgetBefore(end);
                if (!blank) {
                    return new Record(values, count, text);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UnreadableCsvException("The file is not valid CSV after data row " + rowNo
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")") + ": "
                    + e.getOriginalMessage(), e);
        } catch (CharacterCodingException e) {
            throw new UnreadableCsvException("The file is not UTF-8 text after data row " + rowNo, e);
        }
    }

    /**
     * Where the record the parser has just closed ends. The parser's location is exact while another record follows;
     * after the last one it falls short of the end of the input, so the end is then everything read.
     */
    private long recordEnd() throws IOException {
        long end = parser.currentLocation().getCharOffset();
        peeked = parser.nextToken();
        return peeked == JsonToken.START_ARRAY ? end : recording.end();
    }

    private JsonToken nextToken() throws IOException {
        if (peeked != null) {
            JsonToken token = peeked;
            peeked = null;
            return token;
        }
        return parser.nextToken();
    }

    private static String stripLineBreaks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isLineBreak(text.charAt(start))) {
            start++;
        }
        while (end > start && isLineBreak(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Closes the parser and the stream; a stream that cannot be closed any more has nothing left to lose. */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // the request stream is released by the HTTP layer either way
        }
    }

    /**
     * UTF-8 that refuses what is not UTF-8, losslessly: the characters before a bad byte are delivered first, and
     * the error comes with the next read. (An {@code InputStreamReader} drops the characters it decoded in the read
     * that met the bad byte, so rows before it would be lost.)
     */
    static final class StrictUtf8Reader extends Reader {

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean endOfInput;
        private boolean flushed;
        private CharacterCodingException pending;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (true) {
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    pending = new MalformedInputException(result.length());
                    return delivered(out, offset);
                }
                if (result.isOverflow() || out.position() > offset && !endOfInput) {
                    return out.position() - offset;
                }
                if (endOfInput) {
                    decoder.flush(out); // UTF-8 keeps no state to flush; this only ends the decoder's run
                    flushed = true;
                    int produced = out.position() - offset;
                    return produced > 0 ? produced : -1;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
        }

        private int delivered(CharBuffer out, int offset) throws CharacterCodingException {
            int produced = out.position() - offset;
            if (produced == 0) {
                throw pending;
            }
            return produced;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Keeps the characters the parser has read and not yet forgotten, so a row's text can be cut out by the character
     * offsets the parser reports. Refuses to hold more than {@code limit} characters: a runaway row (an unclosed
     * quote) stops the file instead of filling the heap.
     */
    static final class RecordingReader extends Reader {

        private final Reader in;
        private final long limit;
        private final StringBuilder kept = new StringBuilder();
        private long keptFrom;

        RecordingReader(Reader in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                kept.append(buffer, offset, n);
                if (kept.length() > limit) {
                    throw new UnreadableCsvException("A row is longer than " + limit + " characters; is a closing "
                            + "quote missing?", null);
                }
            }
            return n;
        }

        /** The offset after the last character read. */
        long end() {
            return keptFrom + kept.length();
        }

        String text(long from, long to) {
            int start = (int) Math.max(0, from - keptFrom);
            int end = (int) Math.min(kept.length(), to - keptFrom);
            return start >= end ? "" : kept.substring(start, end);
        }

        void forgetBefore(long offset) {
            int drop = (int) Math.min(kept.length(), offset - keptFrom);
            if (drop > 0) {
                kept.delete(0, drop);
                keptFrom += drop;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
