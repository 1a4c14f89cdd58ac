package io.eventcommerce.catalog.onboarding.domain;

import java.util.Locale;
import java.util.Optional;

/** The columns of an onboarding CSV file, by their header names. */
public enum CsvColumn {
    SKU(true),
    VENDOR_PRODUCT_ID(true),
    PRODUCT_NAME(true),
    CATEGORY(true),
    PRICE(true),
    STOCK_QUANTITY(true),
    BRAND(false),
    DESCRIPTION(false),
    COST(false),
    CURRENCY(false);

    private final boolean required;

    CsvColumn(boolean required) {
        this.required = required;
    }

    /** The name in the header row: {@code sku}, {@code stock_quantity}, ... */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean required() {
        return required;
    }

    /** The column a header cell names; compared case-insensitively, surrounding spaces ignored. */
    public static Optional<CsvColumn> byHeader(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (CsvColumn column : values()) {
            if (column.header().equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
