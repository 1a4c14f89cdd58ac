package io.eventcommerce.catalog.onboarding.csv;

import io.eventcommerce.catalog.onboarding.domain.CsvColumn;
import io.eventcommerce.catalog.onboarding.domain.CsvHeader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCsvWriterTest {

    private static final List<String> HEADER = List.of("\uFEFFsku", "vendor_product_id", "product_name", "category",
            "price", "stock_quantity");

    private static String write(List<String> header, String... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (ErrorCsvWriter writer = new ErrorCsvWriter(header, out)) {
            for (int i = 0; i < rows.length; i++) {
                writer.row(i + 1, "INVALID_PRICE", "-price: bad", rows[i]);
            }
        }
        return out.toString();
    }

    @Test
    void theHeaderIsTheUploadsOwnColumnsThenTheErrorColumns() throws IOException {
        assertThat(write(HEADER)).isEqualTo("\"sku\",\"vendor_product_id\",\"product_name\",\"category\",\"price\","
                + "\"stock_quantity\",\"error_row\",\"error_type\",\"error_message\"\r\n");
    }

    @Test
    void everyCellIsQuotedAndNeutralised() throws IOException {
        String csv = write(HEADER, "K-1,v-1,\"=HYPERLINK(\"\"x\"\"), big\",kitchen,-5,@3");

        assertThat(csv.split("\r\n")[1]).isEqualTo("\"K-1\",\"v-1\",\"'=HYPERLINK(\"\"x\"\"), big\",\"kitchen\","
                + "\"'-5\",\"'@3\",\"1\",\"INVALID_PRICE\",\"'-price: bad\"");
    }

    @Test
    void aRowThatIsNotOneRecordOfTheHeadersWidthGoesWholeIntoTheFirstColumn() throws IOException {
        String csv = write(HEADER, "K-1,v-1,Kettle,kitchen,1.00,3,surplus");

        assertThat(csv.split("\r\n")[1]).isEqualTo("\"K-1,v-1,Kettle,kitchen,1.00,3,surplus\",\"\",\"\",\"\",\"\","
                + "\"\",\"1\",\"INVALID_PRICE\",\"'-price: bad\"");
    }

    /** The file read back as an upload reads the values the vendor sent, line breaks and quotes included. */
    @Test
    void theFileReadsBackAsAnUploadWithTheOriginalValues() throws IOException {
        String csv = write(HEADER, "K-1,v-1,\"Kettle, \"\"deluxe\"\"\nsteel\",kitchen,-5,3", "K-2,v-2,=SUM,k,1,2");

        CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                16000);
        CsvHeader header = CsvHeader.parse(reader.header());
        List<List<String>> rows = new ArrayList<>();
        for (CsvRowReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row.values());
        }
        assertThat(header.width()).isEqualTo(9);
        assertThat(rows).hasSize(2);
        assertThat(header.value(rows.get(0), CsvColumn.PRODUCT_NAME)).isEqualTo("Kettle, \"deluxe\"\nsteel");
        assertThat(header.value(rows.get(0), CsvColumn.PRICE)).isEqualTo("-5");
        assertThat(header.value(rows.get(1), CsvColumn.PRODUCT_NAME)).isEqualTo("=SUM");
    }

    @Test
    void theErrorColumnsOfAFileSentBackAreNotRepeated() throws IOException {
        List<String> sentBack = new ArrayList<>(HEADER);
        sentBack.addAll(CsvHeader.ERROR_COLUMNS);

        String csv = write(sentBack, "K-1,v-1,Kettle,kitchen,'-5,3,1,INVALID_PRICE,'-old");

        assertThat(csv).startsWith("\"sku\",\"vendor_product_id\",\"product_name\",\"category\",\"price\","
                + "\"stock_quantity\",\"error_row\",\"error_type\",\"error_message\"\r\n");
        assertThat(csv.split("\r\n")[1]).isEqualTo("\"K-1\",\"v-1\",\"Kettle\",\"kitchen\",\"'-5\",\"3\",\"1\","
                + "\"INVALID_PRICE\",\"'-price: bad\"");
    }
}
