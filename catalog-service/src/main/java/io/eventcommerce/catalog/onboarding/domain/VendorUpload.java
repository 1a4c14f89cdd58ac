package io.eventcommerce.catalog.onboarding.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One CSV file a vendor sent, and what became of its rows. The counters only grow, a committed batch at a time,
 * and always satisfy {@code totalRows = validRows + errorRows}.
 */
@Entity
@Table(name = "vendor_upload")
public class VendorUpload extends VersionedEntity {

    public static final int MAX_REASON = 500;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "vendor_id", nullable = false, length = 36, updatable = false)
    private UUID vendorId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "warehouse_id", nullable = false, length = 36, updatable = false)
    private UUID warehouseId;

    @Column(name = "file_name", length = 255, updatable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UploadStatus status;

    @Column(name = "failure_reason", length = MAX_REASON)
    private String failureReason;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "valid_rows", nullable = false)
    private int validRows;

    @Column(name = "error_rows", nullable = false)
    private int errorRows;

    @Column(name = "created_count", nullable = false)
    private int createdCount;

    @Column(name = "updated_count", nullable = false)
    private int updatedCount;

    @Column(name = "uploaded_by", nullable = false, length = 100, updatable = false)
    private String uploadedBy;

    @Column(name = "processed_by", nullable = false, length = 100, updatable = false)
    private String processedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected VendorUpload() {
    }

    public VendorUpload(UUID id, UUID vendorId, UUID warehouseId, String fileName, String uploadedBy,
                        String processedBy, Instant now) {
        super(id, now);
        this.vendorId = vendorId;
        this.warehouseId = warehouseId;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.processedBy = processedBy;
        this.status = UploadStatus.PROCESSING;
        this.startedAt = now;
    }

    /** What one committed batch did. */
    public record BatchOutcome(int valid, int errors, int created, int updated) {
        public BatchOutcome {
            if (valid < 0 || errors < 0 || created < 0 || updated < 0 || created + updated > valid) {
                throw new IllegalArgumentException("need non-negative counts and created + updated <= valid");
            }
        }
    }

    /** Adds a committed batch to the counters; only while processing. */
    public void record(BatchOutcome outcome, Instant now) {
        if (status != UploadStatus.PROCESSING) {
            throw new IllegalUploadTransitionException(status, status);
        }
        validRows += outcome.valid();
        errorRows += outcome.errors();
        totalRows = validRows + errorRows;
        createdCount += outcome.created();
        updatedCount += outcome.updated();
        touch(now);
    }

    public void complete(Instant now) {
        moveTo(UploadStatus.COMPLETED, now);
    }

    /** @param reason what the vendor needs to know, fit for a client to read */
    public void fail(String reason, Instant now) {
        moveTo(UploadStatus.FAILED, now);
        failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
    }

    private void moveTo(UploadStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalUploadTransitionException(status, target);
        }
        status = target;
        finishedAt = now;
        touch(now);
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public String fileName() {
        return fileName;
    }

    public UploadStatus status() {
        return status;
    }

    public String failureReason() {
        return failureReason;
    }

    public int totalRows() {
        return totalRows;
    }

    public int validRows() {
        return validRows;
    }

    public int errorRows() {
        return errorRows;
    }

    public int createdCount() {
        return createdCount;
    }

    public int updatedCount() {
        return updatedCount;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public String processedBy() {
        return processedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
