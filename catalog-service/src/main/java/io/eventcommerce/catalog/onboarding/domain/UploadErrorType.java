package io.eventcommerce.catalog.onboarding.domain;

/**
 * Why a row was refused: stable codes that clients may switch on (docs/vendor-onboarding.md). A row with several
 * problems is stored once, under the first of its types in this order, with every problem in its message.
 */
public enum UploadErrorType {
    /**
     * A value holds a payment card number. First, so such a row is always filed under it; its stored text and
     * message carry the number masked ({@code ****1111}), never the number.
     */
    CARD_NUMBER,
    /** The row cannot be read as a record of the header: another number of values, or too long. */
    MALFORMED_ROW,
    /** A required value is empty. */
    MISSING_FIELD,
    /** The SKU has characters other than letters, digits, '.', '_', '-', or is longer than 64. */
    INVALID_SKU,
    /** An earlier row of the same file has this SKU; the first row of a SKU is the one that counts. */
    DUPLICATE_SKU_IN_FILE,
    /** The SKU belongs to another vendor or to a platform product. */
    SKU_TAKEN,
    /** The category is neither the slug nor the name of a catalog category (or the name of several). */
    UNKNOWN_CATEGORY,
    /** The price is not a positive amount with at most 2 decimals. */
    INVALID_PRICE,
    /** The stock quantity is not a whole number from 0 to 10,000,000. */
    INVALID_STOCK,
    /** Another value is too long or malformed (vendor_product_id, product_name, brand, description, cost, currency). */
    INVALID_FIELD,
    /** An earlier row of the same file has this vendor_product_id. */
    DUPLICATE_VENDOR_PRODUCT_ID_IN_FILE,
    /** Another product of the vendor already has this vendor_product_id. */
    VENDOR_PRODUCT_ID_TAKEN,
    /** The new stock quantity is less than what open orders have reserved in the warehouse. */
    STOCK_BELOW_RESERVED
}
