package io.eventcommerce.catalog.onboarding.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A data row after validation.
 *
 * @param rowNo           1 for the first data row after the header; blank rows are skipped and not counted
 * @param originalText    the row as the file had it (without its line break)
 * @param sku             the row's SKU if it is well-formed (even if the row has other problems), else null
 * @param vendorProductId the row's vendor_product_id if it is well-formed, else null
 * @param product         what the row says, if it passed every check that needs no database; else null
 * @param problems        everything wrong with the row, in the order found; empty for a valid row
 */
public record CheckedRow(int rowNo, String originalText, String sku, String vendorProductId, ProductRow product,
                         List<RowProblem> problems) {

    public CheckedRow {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The same row with one more problem (one the database revealed). */
    public CheckedRow with(RowProblem problem) {
        List<RowProblem> more = new ArrayList<>(problems);
        more.add(problem);
        return new CheckedRow(rowNo, originalText, sku, vendorProductId, product, more);
    }

    /** The type the row is filed under: the first of its problems' types in {@link UploadErrorType}'s order. */
    public UploadErrorType errorType() {
        return problems.stream().map(RowProblem::type).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("row " + rowNo + " is valid"));
    }

    /** Every problem of the row, in one message. */
    public String message() {
        return problems.stream().map(RowProblem::message).collect(Collectors.joining("; "));
    }
}
