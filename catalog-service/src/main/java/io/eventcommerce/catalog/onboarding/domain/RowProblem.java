package io.eventcommerce.catalog.onboarding.domain;

/** One thing wrong with a row: its type and a message naming the column, fit for the vendor to read. */
public record RowProblem(UploadErrorType type, String message) {
}
