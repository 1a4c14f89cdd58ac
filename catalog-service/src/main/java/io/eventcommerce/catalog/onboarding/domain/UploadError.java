package io.eventcommerce.catalog.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A row an upload refused, with its text as the file had it, so the vendor can correct and send it again. */
@Entity
@Table(name = "vendor_upload_error")
public class UploadError {

    public static final int MAX_MESSAGE = 2000;

    @EmbeddedId
    private UploadErrorKey id;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_type", nullable = false, length = 40, updatable = false)
    private UploadErrorType type;

    @Column(nullable = false, length = MAX_MESSAGE, updatable = false)
    private String message;

    @Column(name = "original_row", nullable = false, columnDefinition = "TEXT", updatable = false)
    private String originalRow;

    protected UploadError() {
    }

    public UploadError(UploadErrorKey id, UploadErrorType type, String message, String originalRow) {
        this.id = id;
        this.type = type;
        this.message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        this.originalRow = originalRow;
    }

    public UploadErrorKey id() {
        return id;
    }

    public UploadErrorType type() {
        return type;
    }

    public String message() {
        return message;
    }

    public String originalRow() {
        return originalRow;
    }
}
