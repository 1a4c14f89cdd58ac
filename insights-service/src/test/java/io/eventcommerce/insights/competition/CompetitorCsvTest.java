package io.eventcommerce.insights.competition;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetitorCsvTest {

    private static CompetitorCsv csv(String text) throws Exception {
        return new CompetitorCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rowsAreReadByColumnNameInAnyOrderSkippingBlankLines() throws Exception {
        CompetitorCsv csv = csv("sku,competitor,country,region,price,currency,observed_at\n"
                + "S-1,\"Shop, Rival\",US,NA,1.00,USD,2024-01-01T00:00:00Z\n\n"
                + "S-2,X,DE,EU,2.00,EUR,2024-01-02T00:00:00Z\n");
        assertThat(csv.header()).isNull();
        CompetitorCsv.Row first = csv.next();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.get("competitor")).isEqualTo("Shop, Rival");
        assertThat(first.get("sku")).isEqualTo("S-1");
        CompetitorCsv.Row second = csv.next();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.get("currency")).isEqualTo("EUR");
        assertThat(csv.next()).isNull();
        assertThat(csv.rowsRead()).isEqualTo(2);
    }

    @Test
    void aWrongOrEmptyHeaderIsNamed() throws Exception {
        assertThat(csv("competitor,country,sku,price,currency,observed_at,colour\n").header())
                .contains("missing: region").contains("unknown: colour");
        assertThat(csv("").header()).contains("empty");
    }

    @Test
    void bytesThatAreNotUtf8StopTheFile() throws Exception {
        byte[] latin1 = (String.join(",", CompetitorCsv.COLUMNS) + "\nMarch\u00e9,FR,EU,S,1.00,EUR,"
                + "2024-01-01T00:00:00Z\n").getBytes(StandardCharsets.ISO_8859_1);
        // The parser reads ahead, so opening the file or its header may already meet the bad byte.
        assertThatThrownBy(() -> {
            CompetitorCsv csv = new CompetitorCsv(new ByteArrayInputStream(latin1));
            csv.header();
            csv.next();
        }).isInstanceOf(CompetitorCsv.UnreadableException.class).hasMessageContaining("not UTF-8");
    }
}
