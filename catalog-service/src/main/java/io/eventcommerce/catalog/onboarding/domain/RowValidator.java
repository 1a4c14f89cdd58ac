package io.eventcommerce.catalog.onboarding.domain;

import io.eventcommerce.servicekit.pci.CardNumbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.BRAND;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.CATEGORY;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.COST;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.CURRENCY;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.DESCRIPTION;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.PRICE;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.PRODUCT_NAME;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.SKU;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.STOCK_QUANTITY;
import static io.eventcommerce.catalog.onboarding.domain.CsvColumn.VENDOR_PRODUCT_ID;

/**
 * The rules a row must meet that need no database: required values, formats, the category whitelist, and SKUs and
 * vendor references unique within the file. One validator reads one file, rows in order: the first row with a SKU
 * owns it, and every later row with the same SKU (compared as the database compares it) is a duplicate, whatever
 * else is wrong with either row. Whether the SKU is free on the platform is the batch writer's question.
 *
 * <p>A row with a payment card number anywhere ({@link CardNumbers}, the platform's one detector) is refused as
 * {@code CARD_NUMBER}, and is checked, stored and reported only masked: the number never reaches the database.
 */
public final class RowValidator {

    public static final Pattern SKU_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    public static final int MAX_SKU = 64;
    public static final int MAX_VENDOR_PRODUCT_ID = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_BRAND = 100;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_STOCK = 10_000_000;
    /** Digits before the decimal point that DECIMAL(12,2) holds. */
    private static final int MAX_INTEGER_DIGITS = 10;
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

    private final CsvHeader header;
    private final CategoryWhitelist categories;
    private final Map<String, Integer> skuRows = new HashMap<>();
    private final Map<String, Integer> vendorProductIdRows = new HashMap<>();

    public RowValidator(CsvHeader header, CategoryWhitelist categories) {
        this.header = header;
        this.categories = categories;
    }

    /**
     * @param values     the row's values (as many as the file had, or the first {@code width + 1} of them)
     * @param valueCount how many values the row had
     * @param tooLong    the row is longer than allowed (and {@code originalText} cut short)
     */
    public CheckedRow check(int rowNo, List<String> values, int valueCount, String originalText, boolean tooLong) {
        List<RowProblem> problems = new ArrayList<>();
        if (CardNumbers.containsCardNumber(originalText)
                || values.stream().anyMatch(CardNumbers::containsCardNumber)) {
            // From here on only the masked row exists: its stored text, every message quoting a value, the keys.
            problems.add(cardNumber(values));
            originalText = CardNumbers.mask(originalText);
            values = values.stream().map(CardNumbers::mask).toList();
        }
        if (tooLong) {
            return malformed(rowNo, originalText, "the row is longer than allowed; is a closing quote missing?",
                    problems);
        }
        if (valueCount != header.width()) {
            return malformed(rowNo, originalText, "the row has " + valueCount + " values, the header "
                    + header.width(), problems);
        }
        for (CsvColumn column : CsvColumn.values()) {
            if (column.required() && header.value(values, column).isEmpty()) {
                problems.add(new RowProblem(UploadErrorType.MISSING_FIELD, column.header() + ": missing"));
            }
        }
        String sku = sku(rowNo, header.value(values, SKU), problems);
        String vendorProductId = vendorProductId(rowNo, header.value(values, VENDOR_PRODUCT_ID), problems);
        String name = text(header.value(values, PRODUCT_NAME), PRODUCT_NAME, MAX_NAME, false, problems);
        String categoryText = header.value(values, CATEGORY);
        CategoryWhitelist.Match category = categoryText.isEmpty() ? null : categories.match(categoryText);
        if (category != null && category.problem() != null) {
            problems.add(new RowProblem(UploadErrorType.UNKNOWN_CATEGORY, CATEGORY.header() + ": "
                    + category.problem()));
        }
        BigDecimal price = amount(header.value(values, PRICE), PRICE, false, UploadErrorType.INVALID_PRICE, problems);
        Integer stock = stock(header.value(values, STOCK_QUANTITY), problems);
        String brand = text(header.value(values, BRAND), BRAND, MAX_BRAND, false, problems);
        String description = text(header.value(values, DESCRIPTION), DESCRIPTION, MAX_DESCRIPTION, true, problems);
        BigDecimal cost = amount(header.value(values, COST), COST, true, UploadErrorType.INVALID_FIELD, problems);
        String currency = currency(header.value(values, CURRENCY), problems);
        ProductRow product = problems.isEmpty()
                ? new ProductRow(sku, vendorProductId, name, category.categoryId(), price, stock, brand, description,
                cost, currency, header.columns())
                : null;
        return new CheckedRow(rowNo, originalText, sku, vendorProductId, product, problems);
    }

    private static CheckedRow malformed(int rowNo, String originalText, String message, List<RowProblem> problems) {
        problems.add(new RowProblem(UploadErrorType.MALFORMED_ROW, message));
        return new CheckedRow(rowNo, originalText, null, null, null, problems);
    }

    /** The problem of a row with a card number, naming the columns that hold one where the row can say. */
    private RowProblem cardNumber(List<String> values) {
        List<String> columns = values.size() < header.width() ? List.of() : Arrays.stream(CsvColumn.values())
                .filter(c -> CardNumbers.containsCardNumber(header.value(values, c))).map(CsvColumn::header)
                .toList();
        return new RowProblem(UploadErrorType.CARD_NUMBER, (columns.isEmpty() ? "the row" : String.join(", ",
                columns)) + ": holds a payment card number (masked here); a product file must not contain one");
    }

    /** The SKU if well-formed (then claimed for this row, or reported as a duplicate of an earlier one). */
    private String sku(int rowNo, String value, List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_SKU || !SKU_FORMAT.matcher(value).matches()) {
            problems.add(new RowProblem(UploadErrorType.INVALID_SKU, SKU.header() + ": '" + Texts.abbreviate(value)
                    + "' must be 1 to " + MAX_SKU + " letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit"));
            return null;
        }
        Integer first = skuRows.putIfAbsent(Texts.fold(value), rowNo);
        if (first != null) {
            problems.add(new RowProblem(UploadErrorType.DUPLICATE_SKU_IN_FILE, SKU.header() + ": '" + value
                    + "' is already in row " + first));
        }
        return value;
    }

    private String vendorProductId(int rowNo, String value, List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VENDOR_PRODUCT_ID || Texts.hasControlCharacters(value)) {
            problems.add(new RowProblem(UploadErrorType.INVALID_FIELD, VENDOR_PRODUCT_ID.header() + ": at most "
                    + MAX_VENDOR_PRODUCT_ID + " characters, without line breaks or tabs"));
            return null;
        }
        Integer first = vendorProductIdRows.putIfAbsent(Texts.fold(value), rowNo);
        if (first != null) {
            problems.add(new RowProblem(UploadErrorType.DUPLICATE_VENDOR_PRODUCT_ID_IN_FILE,
                    VENDOR_PRODUCT_ID.header() + ": '" + Texts.abbreviate(value) + "' is already in row " + first));
        }
        return value;
    }

    /** An optional or required text; empty is null (a required one was reported missing already). */
    private static String text(String value, CsvColumn column, int max, boolean multiLine, List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            problems.add(new RowProblem(UploadErrorType.INVALID_FIELD, column.header() + ": at most " + max
                    + " characters"));
        } else if (!multiLine && Texts.hasControlCharacters(value)) {
            problems.add(new RowProblem(UploadErrorType.INVALID_FIELD, column.header()
                    + ": must not contain line breaks or tabs"));
        }
        return value;
    }

    /** A price (more than 0) or a cost (0 or more) with at most 2 decimals; 19.900 is 19.90. */
    private static BigDecimal amount(String value, CsvColumn column, boolean zeroAllowed, UploadErrorType type,
                                     List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        String quoted = "'" + Texts.abbreviate(value) + "'";
        if (!AMOUNT.matcher(value).matches()) {
            problems.add(new RowProblem(type, column.header() + ": " + quoted + " is not an amount such as 19.90"));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        BigDecimal exact = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (zeroAllowed ? amount.signum() < 0 : amount.signum() <= 0) {
            problems.add(new RowProblem(type, column.header() + ": " + quoted + " must be "
                    + (zeroAllowed ? "0 or more" : "more than 0")));
        } else if (exact.scale() > 2) {
            problems.add(new RowProblem(type, column.header() + ": " + quoted + " has more than 2 decimals"));
        } else if (exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
            problems.add(new RowProblem(type, column.header() + ": " + quoted + " is too large"));
        } else {
            return exact.setScale(2);
        }
        return null;
    }

    private static Integer stock(String value, List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        String column = STOCK_QUANTITY.header() + ": '" + Texts.abbreviate(value) + "' ";
        if (!WHOLE.matcher(value).matches()) {
            problems.add(new RowProblem(UploadErrorType.INVALID_STOCK, column + "is not a whole number"));
            return null;
        }
        if (value.startsWith("-")) {
            problems.add(new RowProblem(UploadErrorType.INVALID_STOCK, column + "must not be negative"));
            return null;
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 8 || Integer.parseInt(digits) > MAX_STOCK) {
            problems.add(new RowProblem(UploadErrorType.INVALID_STOCK, column + "is more than " + MAX_STOCK));
            return null;
        }
        return Integer.parseInt(digits);
    }

    private static String currency(String value, List<RowProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (!CURRENCY_CODE.matcher(value).matches()) {
            problems.add(new RowProblem(UploadErrorType.INVALID_FIELD, CURRENCY.header() + ": '"
                    + Texts.abbreviate(value) + "' is not an ISO 4217 code such as USD"));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
