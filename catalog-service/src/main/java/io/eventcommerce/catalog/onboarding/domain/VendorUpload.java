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
 * One CSV file a vendor sent, and what became of its rows. {@code totalRows} is the file's row count, known once the
 * file is received; the counters only grow, a committed batch at a time, and always satisfy
 * {@code rowsDone = validRows + errorRows}: the rows a resumed upload skips.
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

    @Column(name = "rows_done", nullable = false)
    private int rowsDone;

    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;

    @Column(name = "processed_by", nullable = false, length = 100)
    private String processedBy;

    @Column(name = "lease_owner", length = 150)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "processing_started_at")
    private Instant processingStartedAt;

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
        this.status = UploadStatus.QUEUED;
        this.startedAt = now;
    }

    /** The whole file is stored: its size and row count. */
    public void received(int totalRows, long fileBytes) {
        this.totalRows = totalRows;
        this.fileBytes = fileBytes;
    }

    /**
     * Whether {@code owner} still holds the lease and may write the next batch. An expired lease nobody took over
     * yet is still the owner's: a takeover changes the owner, under the row lock the batch holds.
     */
    public boolean leasedTo(String owner, Instant now) {
        return status == UploadStatus.PROCESSING && owner.equals(leaseOwner);
    }

    /** What one committed batch did. */
    public record BatchOutcome(int valid, int errors, int created, int updated) {
        public BatchOutcome {
            if (valid < 0 || errors < 0 || created < 0 || updated < 0 || created + updated > valid) {
                throw new IllegalArgumentException("need non-negative counts and created + updated <= valid");
            }
        }
    }

    /** Adds a committed batch to the counters and renews the lease; only while processing. */
    public void record(BatchOutcome outcome, Instant leaseUntil, Instant now) {
        if (status != UploadStatus.PROCESSING) {
            throw new IllegalUploadTransitionException(status, status);
        }
        validRows += outcome.valid();
        errorRows += outcome.errors();
        rowsDone = validRows + errorRows;
        this.leaseUntil = leaseUntil;
        createdCount += outcome.created();
        updatedCount += outcome.updated();
        touch(now);
    }

    public void complete(Instant now) {
        moveTo(UploadStatus.COMPLETED, now);
    }

    /** Stops processing; what was committed before stays. */
    public void cancel(Instant now) {
        moveTo(UploadStatus.CANCELLED, now);
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
        if (target.isFinal()) {
            finishedAt = now;
            leaseOwner = null;
            leaseUntil = null;
        }
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

    public int rowsDone() {
        return rowsDone;
    }

    public long fileBytes() {
        return fileBytes;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public Instant processingStartedAt() {
        return processingStartedAt;
    }

    /** Rows per second since processing began (to the finish, or to {@code now}); null before any row is done. */
    public Double rowsPerSecond(Instant now) {
        if (processingStartedAt == null || rowsDone == 0) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, (end.toEpochMilli() - processingStartedAt.toEpochMilli()) / 1000.0);
        return rowsDone / seconds;
    }

    /** When the rest of the file should be done at the rate so far; null when final or not yet known. */
    public Instant estimatedFinishAt(Instant now) {
        Double rate = rowsPerSecond(now);
        if (status.isFinal() || rate == null || rate <= 0) {
            return null;
        }
        return now.plusMillis((long) (Math.max(0, totalRows - rowsDone) / rate * 1000));
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
