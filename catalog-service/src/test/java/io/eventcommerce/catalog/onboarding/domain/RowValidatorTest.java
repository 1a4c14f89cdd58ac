package io.eventcommerce.catalog.onboarding.domain;

import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTest {

    private static final UUID KITCHEN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID GARDEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID GARDEN_TOOLS = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final CategoryWhitelist CATEGORIES = new CategoryWhitelist(List.of(
            new CategoryWhitelist.Category(KITCHEN, "Kitchen & Dining", "kitchen-dining"),
            new CategoryWhitelist.Category(GARDEN, "Garden", "garden"),
            new CategoryWhitelist.Category(GARDEN_TOOLS, "Garden", "garden-tools")));
    private static final CsvHeader HEADER = CsvHeader.parse(List.of("sku", "vendor_product_id", "product_name",
            "category", "price", "stock_quantity", "brand", "description", "cost", "currency"));

    private final RowValidator validator = new RowValidator(HEADER, CATEGORIES);
    private int rowNo;

    /** sku, vendor_product_id, product_name, category, price, stock_quantity, brand, description, cost, currency */
    private CheckedRow check(String... values) {
        List<String> row = new ArrayList<>(Arrays.asList(values));
        return validator.check(++rowNo, row, row.size(), String.join(",", values), false);
    }

    private static CheckedRow valid(CheckedRow row) {
        assertThat(row.problems()).isEmpty();
        return row;
    }

    @Test
    void aGoodRowDescribesTheProduct() {
        ProductRow product = valid(check("K-1", "v-1", "Kettle", "kitchen-dining", "19.9", "007", "Acme",
                "1.7 l\nsteel", "7.10", "eur")).product();

        assertThat(product.sku()).isEqualTo("K-1");
        assertThat(product.categoryId()).isEqualTo(KITCHEN);
        assertThat(product.price()).isEqualByComparingTo("19.90")
                .satisfies(price -> assertThat(price.scale()).isEqualTo(2));
        assertThat(product.stockQuantity()).isEqualTo(7);
        assertThat(product.description()).isEqualTo("1.7 l\nsteel");
        assertThat(product.cost()).isEqualByComparingTo("7.10");
        assertThat(product.currency()).isEqualTo("EUR");
    }

    @Test
    void aCategoryIsItsSlugOrItsNameInAnyCaseButNotANameSeveralShare() {
        assertThat(valid(check("A", "a", "n", "KITCHEN & dining", "1", "0", "", "", "", "")).product().categoryId())
                .isEqualTo(KITCHEN);
        assertThat(valid(check("B", "b", "n", "Garden-Tools", "1", "0", "", "", "", "")).product().categoryId())
                .isEqualTo(GARDEN_TOOLS);
        assertThat(valid(check("C", "c", "n", "garden", "1", "0", "", "", "", "")).product().categoryId())
                .as("a slug wins over a shared name").isEqualTo(GARDEN);

        CheckedRow unknown = check("D", "d", "n", "Toys", "1", "0", "", "", "", "");
        assertThat(unknown.errorType()).isEqualTo(UploadErrorType.UNKNOWN_CATEGORY);
        assertThat(unknown.message()).contains("'Toys' is not a catalog category");
    }

    @Test
    void aNameSeveralCategoriesShareIsAmbiguous() {
        CategoryWhitelist shared = new CategoryWhitelist(List.of(
                new CategoryWhitelist.Category(GARDEN, "Outdoor", "outdoor-1"),
                new CategoryWhitelist.Category(GARDEN_TOOLS, "outdoor", "outdoor-2")));

        assertThat(shared.match("OUTDOOR").problem()).contains("names 2 categories");
        assertThat(shared.match("outdoor-2").categoryId()).isEqualTo(GARDEN_TOOLS);
    }

    @Test
    void everyRequiredValueMustBeThere() {
        CheckedRow row = check(" ", "", "Kettle", "", "1.00", "", "", "", "", "");

        assertThat(row.errorType()).isEqualTo(UploadErrorType.MISSING_FIELD);
        assertThat(row.message()).isEqualTo("sku: missing; vendor_product_id: missing; category: missing; "
                + "stock_quantity: missing");
        assertThat(row.product()).isNull();
    }

    @Test
    void pricesArePositiveAmountsWithAtMostTwoDecimals() {
        assertThat(valid(check("P1", "p1", "n", "garden", "0.01", "1", "", "", "", "")).product().price())
                .isEqualByComparingTo("0.01");
        assertThat(valid(check("P2", "p2", "n", "garden", "19.900", "1", "", "", "", "")).product().price())
                .isEqualByComparingTo("19.90");
        assertThat(valid(check("P3", "p3", "n", "garden", "9999999999.99", "1", "", "", "", "")).product()
                .price()).isEqualByComparingTo("9999999999.99");
        for (String bad : List.of("0", "-1", "1.999", "abc", "1e3", "1,50", "$5", "10000000000")) {
            CheckedRow row = check("X" + rowNo, "x" + rowNo, "n", "garden", bad, "1", "", "", "", "");
            assertThat(row.errorType()).as(bad).isEqualTo(UploadErrorType.INVALID_PRICE);
            assertThat(row.message()).as(bad).startsWith("price: '" + bad + "'");
        }
    }

    @Test
    void stockIsAWholeNumberFromZeroToTenMillion() {
        assertThat(valid(check("S1", "s1", "n", "garden", "1", "0", "", "", "", "")).product().stockQuantity())
                .isZero();
        assertThat(valid(check("S2", "s2", "n", "garden", "1", "10000000", "", "", "", "")).product()
                .stockQuantity()).isEqualTo(10_000_000);
        for (String bad : List.of("-1", "2.5", "ten", "10000001", "99999999999999999999")) {
            assertThat(check("Y" + rowNo, "y" + rowNo, "n", "garden", "1", bad, "", "", "", "").errorType())
                    .as(bad).isEqualTo(UploadErrorType.INVALID_STOCK);
        }
    }

    @Test
    void aRowIsFiledUnderItsMostFundamentalProblemAndItsMessageListsThemAll() {
        CheckedRow row = check("K-9", "v-9", "Kettle", "garden", "abc", "-4", "", "", "-1", "EURO");

        assertThat(row.errorType()).isEqualTo(UploadErrorType.INVALID_PRICE);
        assertThat(row.message()).isEqualTo("price: 'abc' is not an amount such as 19.90; "
                + "stock_quantity: '-4' must not be negative; cost: '-1' must be 0 or more; "
                + "currency: 'EURO' is not an ISO 4217 code such as USD");
    }

    @Test
    void theFirstRowOfASkuOwnsItAndLaterRowsAreDuplicatesWhateverTheirCase() {
        valid(check("Mug-1", "m1", "Mug", "garden", "1", "1", "", "", "", ""));
        CheckedRow again = check("MUG-1", "m2", "Mug", "garden", "1", "1", "", "", "", "");

        assertThat(again.errorType()).isEqualTo(UploadErrorType.DUPLICATE_SKU_IN_FILE);
        assertThat(again.message()).isEqualTo("sku: 'MUG-1' is already in row 1");
        assertThat(again.sku()).as("still known, for the ownership check").isEqualTo("MUG-1");
    }

    @Test
    void aRowWithOtherProblemsStillClaimsItsSku() {
        check("Pan-1", "p1", "Pan", "garden", "free", "1", "", "", "", "");

        assertThat(check("Pan-1", "p2", "Pan", "garden", "1", "1", "", "", "", "").errorType())
                .isEqualTo(UploadErrorType.DUPLICATE_SKU_IN_FILE);
    }

    @Test
    void vendorReferencesAreUniqueInTheFileToo() {
        valid(check("A-1", "REF-1", "n", "garden", "1", "1", "", "", "", ""));

        CheckedRow row = check("A-2", "ref-1", "n", "garden", "1", "1", "", "", "", "");
        assertThat(row.errorType()).isEqualTo(UploadErrorType.DUPLICATE_VENDOR_PRODUCT_ID_IN_FILE);
    }

    @Test
    void malformedSkusAndOverlongValuesAreRefused() {
        assertThat(check("bad sku!", "b", "n", "garden", "1", "1", "", "", "", "").errorType())
                .isEqualTo(UploadErrorType.INVALID_SKU);
        assertThat(check("-lead", "b2", "n", "garden", "1", "1", "", "", "", "").errorType())
                .isEqualTo(UploadErrorType.INVALID_SKU);
        assertThat(check("N-1", "n1", "x".repeat(201), "garden", "1", "1", "", "", "", "").message())
                .isEqualTo("product_name: at most 200 characters");
        assertThat(check("N-2", "n2", "two\nlines", "garden", "1", "1", "", "", "", "").errorType())
                .isEqualTo(UploadErrorType.INVALID_FIELD);
    }

    @Test
    void aRowWithAnotherNumberOfValuesThanTheHeaderIsMalformedAndNothingElse() {
        List<String> values = List.of("K-1", "v", "n", "garden", "1", "1", "", "", "", "", "surplus");
        CheckedRow row = validator.check(1, values, values.size(), "the text", false);

        assertThat(row.errorType()).isEqualTo(UploadErrorType.MALFORMED_ROW);
        assertThat(row.message()).isEqualTo("the row has 11 values, the header 10");
        assertThat(row.originalText()).isEqualTo("the text");
        assertThat(row.sku()).as("a malformed row claims no SKU").isNull();
        assertThat(valid(check("K-1", "v", "n", "garden", "1", "1", "", "", "", "")).sku()).isEqualTo("K-1");
    }

    @Test
    void databaseProblemsAreAddedToTheRowAndRankedWithTheOthers() {
        CheckedRow row = check("T-1", "t1", "n", "garden", "1", "x", "", "", "", "")
                .with(new RowProblem(UploadErrorType.SKU_TAKEN, "sku: taken"));

        assertThat(row.errorType()).isEqualTo(UploadErrorType.SKU_TAKEN);
        assertThat(row.message()).isEqualTo("stock_quantity: 'x' is not a whole number; sku: taken");
    }

    @Test
    void aNewProductIsActiveAndAnUpdateKeepsWhatTheFileDoesNotSay() {
        CsvHeader withoutOptional = CsvHeader.parse(List.of("sku", "vendor_product_id", "product_name", "category",
                "price", "stock_quantity", "cost"));
        List<String> values = List.of("K-1", "v-1", "Kettle 2", "garden", "21.00", "4", "");
        ProductRow product = new RowValidator(withoutOptional, CATEGORIES)
                .check(1, values, values.size(), "", false).product();

        ProductDetails created = product.forNewProduct("USD");
        assertThat(created.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(created.currency()).isEqualTo("USD");

        ProductDetails current = new ProductDetails("v-0", "Kettle", "old text", "Acme", KITCHEN,
                new BigDecimal("19.90"), new BigDecimal("7.00"), "EUR", ProductStatus.DISCONTINUED,
                Map.of("colour", "red"));
        ProductDetails updated = product.forUpdateOf(current);
        assertThat(updated).isEqualTo(new ProductDetails("v-1", "Kettle 2", "old text", "Acme", GARDEN,
                new BigDecimal("21.00"), null, "EUR", ProductStatus.DISCONTINUED, Map.of("colour", "red")));
    }

    @Test
    void aCardNumberAnywhereRefusesTheRowAndOnlyItsMaskedFormIsKept() {
        CheckedRow row = check("K-9", "v-9", "Kettle", "kitchen-dining", "19.90", "3", "Acme",
                "pay with 4111 1111 1111 1111 please", "", "");

        assertThat(row.errorType()).isEqualTo(UploadErrorType.CARD_NUMBER);
        assertThat(row.message()).contains("description: holds a payment card number");
        assertThat(row.originalText()).contains("****1111").doesNotContain("4111 1111 1111 1111");
        assertThat(row.product()).isNull();

        CheckedRow inKeys = check("4242424242424242", "4000056655665556", "Mug", "kitchen-dining", "abc", "1", "",
                "", "", "");
        assertThat(inKeys.errorType()).isEqualTo(UploadErrorType.CARD_NUMBER);
        assertThat(inKeys.message()).contains("sku, vendor_product_id: holds a payment card number", "price: 'abc'")
                .doesNotContain("4242424242424242", "4000056655665556");
        assertThat(inKeys.originalText()).isEqualTo("****4242,****5556,Mug,kitchen-dining,abc,1,,,,");
        assertThat(inKeys.sku()).isNull();

        CheckedRow malformed = check("K-10", "v-10", "Kettle 4111111111111111", "kitchen-dining", "1", "1");
        assertThat(malformed.problems()).extracting(RowProblem::type)
                .containsExactly(UploadErrorType.CARD_NUMBER, UploadErrorType.MALFORMED_ROW);
        assertThat(malformed.originalText()).doesNotContain("4111111111111111").contains("****1111");

        assertThat(valid(check("K-11", "v-11", "Kettle", "kitchen-dining", "19.90", "3", "", "EAN 2026-12-02",
                "", "")).originalText()).contains("2026-12-02");
    }

    @Test
    void aValueSentBackNeutralisedIsJudgedForItsValue() {
        CheckedRow row = check("K-12", "v-12", "'=SUM(A1)", "kitchen-dining", "'-5", "3", "", "", "", "");

        assertThat(row.errorType()).isEqualTo(UploadErrorType.INVALID_PRICE);
        assertThat(row.message()).isEqualTo("price: '-5' must be more than 0");
        assertThat(valid(check("K-13", "v-13", "'=SUM(A1)", "kitchen-dining", "5", "3", "", "", "", ""))
                .product().name()).isEqualTo("=SUM(A1)");
    }
}
