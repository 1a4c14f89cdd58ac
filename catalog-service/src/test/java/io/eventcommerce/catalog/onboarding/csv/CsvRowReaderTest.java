package io.eventcommerce.catalog.onboarding.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowReaderTest {

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CsvRowReader.Row> rows(CsvRowReader reader) throws IOException {
        List<CsvRowReader.Row> rows = new ArrayList<>();
        for (CsvRowReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void rowsComeWithTheirValuesTheirNumberAndTheirTextAsInTheFile() throws IOException {
        CsvRowReader reader = new CsvRowReader(utf8("sku,name,price\r\n"
                + "A-1,\"Kettle, steel\",19.90\r\n"
                + "\r\n"
                + "B-2,\"Mug \"\"XL\"\"\nsecond line\",  4.50  \n"
                + ",,\n"
                + "  C-3 , Pan,7"), 1000);

        assertThat(reader.header()).containsExactly("sku", "name", "price");
        List<CsvRowReader.Row> rows = rows(reader);

        assertThat(rows).extracting(CsvRowReader.Row::number).containsExactly(1, 2, 3);
        assertThat(rows.get(0).values()).containsExactly("A-1", "Kettle, steel", "19.90");
        assertThat(rows.get(0).text()).isEqualTo("A-1,\"Kettle, steel\",19.90");
        assertThat(rows.get(1).values()).containsExactly("B-2", "Mug \"XL\"\nsecond line", "4.50");
        assertThat(rows.get(1).text()).isEqualTo("B-2,\"Mug \"\"XL\"\"\nsecond line\",  4.50  ");
        assertThat(rows.get(2).values()).containsExactly("C-3", "Pan", "7");
        assertThat(rows.get(2).text()).isEqualTo("  C-3 , Pan,7");
        assertThat(reader.rowsRead()).isEqualTo(3);
    }

    @Test
    void rowsWithAnotherNumberOfValuesAreReportedWithTheirCount() throws IOException {
        CsvRowReader reader = new CsvRowReader(utf8("a,b\n1\n1,2,3,4,5\n"), 1000);
        reader.header();

        List<CsvRowReader.Row> rows = rows(reader);
        assertThat(rows).extracting(CsvRowReader.Row::valueCount).containsExactly(1, 5);
        assertThat(rows.get(1).values()).as("values beyond width + 1 are counted, not kept").hasSize(3);
        assertThat(rows.get(1).text()).isEqualTo("1,2,3,4,5");
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        assertThat(new CsvRowReader(utf8(""), 1000).header()).isNull();
        assertThat(new CsvRowReader(utf8("\n\n"), 1000).header()).isNull();
    }

    @Test
    void aLongRowIsFlaggedAndCutAndARunawayOneStopsTheFile() throws IOException {
        CsvRowReader reader = new CsvRowReader(utf8("a,b\n" + "x".repeat(50) + ",y\nok,1\n"), 20);
        reader.header();
        CsvRowReader.Row longRow = reader.next();
        assertThat(longRow.tooLong()).isTrue();
        assertThat(longRow.text()).hasSize(20);
        assertThat(reader.next().tooLong()).isFalse();

        CsvRowReader runaway = new CsvRowReader(utf8("a,b\n\"" + "x".repeat(200_000)), 20);
        runaway.header();
        assertThatThrownBy(runaway::next).isInstanceOf(CsvRowReader.UnreadableCsvException.class)
                .hasMessageContaining("is a closing quote missing?");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsUnreadable() throws IOException {
        CsvRowReader reader = new CsvRowReader(utf8("a,b\n1,2\n\"3,4\n"), 1000);
        reader.header();
        assertThat(reader.next().values()).containsExactly("1", "2");

        assertThatThrownBy(reader::next).isInstanceOf(CsvRowReader.UnreadableCsvException.class)
                .hasMessageStartingWith("The file is not valid CSV after data row 1")
                .hasMessageContaining("Missing closing quote");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplacedAfterEveryRowBeforeThem() throws IOException {
        StringBuilder good = new StringBuilder("a,b\n");
        for (int i = 1; i <= 2000; i++) {
            good.append(i).append(",row ").append(i).append('\n');
        }
        InputStream file = new SequenceInputStream(Collections.enumeration(List.of(utf8(good.toString()),
                new ByteArrayInputStream(new byte[]{'x', ',', (byte) 0xC3, (byte) 0x28, '\n', 'y', ',', 'z'}))));
        CsvRowReader reader = new CsvRowReader(file, 1000);
        reader.header();

        List<CsvRowReader.Row> read = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (CsvRowReader.Row row = reader.next(); row != null; row = reader.next()) {
                read.add(row);
            }
        }).isInstanceOf(CsvRowReader.UnreadableCsvException.class)
                .hasMessage("The file is not UTF-8 text after data row 2000");
        assertThat(read).hasSize(2000);
        assertThat(read.get(1999).values()).containsExactly("2000", "row 2000");
    }

    @Test
    void multiByteCharactersSplitAcrossReadsAreDecoded() throws IOException {
        String text = "a,b\n" + "ü€😀,x\n".repeat(5000);
        CsvRowReader reader = new CsvRowReader(utf8(text), 1000);
        reader.header();

        List<CsvRowReader.Row> rows = rows(reader);
        assertThat(rows).hasSize(5000).allSatisfy(r -> assertThat(r.values()).containsExactly("ü€😀", "x"));
    }
}
