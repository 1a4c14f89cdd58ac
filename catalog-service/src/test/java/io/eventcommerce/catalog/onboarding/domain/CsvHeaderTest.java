package io.eventcommerce.catalog.onboarding.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvHeaderTest {

    private static final List<String> REQUIRED = List.of("sku", "vendor_product_id", "product_name", "category",
            "price", "stock_quantity");

    @Test
    void namesAreMatchedIgnoringCaseSpacesAndAByteOrderMark() {
        CsvHeader header = CsvHeader.parse(List.of("\uFEFFSKU", " Vendor_Product_ID ", "product_name", "CATEGORY",
                "price", "stock_quantity", "Currency"));

        assertThat(header.width()).isEqualTo(7);
        assertThat(header.has(CsvColumn.CURRENCY)).isTrue();
        assertThat(header.has(CsvColumn.BRAND)).isFalse();
        List<String> row = List.of("K-1", "v1", "Kettle", "kitchen", "9.90", "3", " usd ");
        assertThat(header.value(row, CsvColumn.SKU)).isEqualTo("K-1");
        assertThat(header.value(row, CsvColumn.CURRENCY)).isEqualTo("usd");
        assertThat(header.value(row, CsvColumn.BRAND)).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrder() {
        CsvHeader header = CsvHeader.parse(List.of("price", "stock_quantity", "category", "product_name",
                "vendor_product_id", "sku"));

        assertThat(header.value(List.of("1.00", "2", "c", "n", "v", "S"), CsvColumn.SKU)).isEqualTo("S");
    }

    @Test
    void everyProblemOfTheHeaderIsReportedAtOnce() {
        CsvHeader.InvalidHeaderException e = catchThrowableOfType(CsvHeader.InvalidHeaderException.class,
                () -> CsvHeader.parse(List.of("sku", "sku", "product_name", "colour", "", "price")));

        assertThat(e.problems()).containsExactly(
                "column 'sku' appears more than once",
                "unknown column 'colour'",
                "column 5 has no name",
                "missing column 'vendor_product_id'",
                "missing column 'category'",
                "missing column 'stock_quantity'");
    }

    @Test
    void theRequiredColumnsAloneAreEnough() {
        assertThat(CsvHeader.parse(REQUIRED).columns()).hasSize(6);
    }

    /** The refused-rows download, corrected and sent back as it is, has the three error columns: ignored. */
    @Test
    void theErrorColumnsOfTheRefusedRowsFileAreIgnored() {
        List<String> names = new java.util.ArrayList<>(REQUIRED);
        names.addAll(List.of("error_row", "Error_Type", "error_message"));
        CsvHeader header = CsvHeader.parse(names);

        assertThat(header.width()).isEqualTo(9);
        assertThat(header.columns()).hasSize(6);
        assertThat(catchThrowableOfType(CsvHeader.InvalidHeaderException.class, () -> CsvHeader.parse(
                List.of("sku", "vendor_product_id", "product_name", "category", "price", "stock_quantity",
                        "error_row", "error_row"))).problems())
                .containsExactly("column 'error_row' appears more than once");
    }

    @Test
    void aValueLosesTheQuoteThatNeutralisedAFormulaAndNothingElse() {
        CsvHeader header = CsvHeader.parse(REQUIRED);

        assertThat(header.value(List.of("K", "v", "'=SUM", "c", "'-5", "3"), CsvColumn.PRICE)).isEqualTo("-5");
        assertThat(header.value(List.of("K", "v", "'=SUM", "c", "'-5", "3"), CsvColumn.PRODUCT_NAME))
                .isEqualTo("=SUM");
        assertThat(header.value(List.of("K", "v", "''=SUM", "c", "'5", "3"), CsvColumn.PRODUCT_NAME))
                .isEqualTo("''=SUM");
        assertThat(header.value(List.of("K", "v", "''=SUM", "c", "'5", "3"), CsvColumn.PRICE)).isEqualTo("'5");
    }
}
