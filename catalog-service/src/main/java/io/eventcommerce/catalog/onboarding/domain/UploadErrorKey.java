package io.eventcommerce.catalog.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A row of an upload: an upload refuses each row at most once. */
@Embeddable
public class UploadErrorKey implements Serializable {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "upload_id", nullable = false, length = 36)
    private UUID uploadId;

    @Column(name = "row_no", nullable = false)
    private int rowNo;

    protected UploadErrorKey() {
    }

    public UploadErrorKey(UUID uploadId, int rowNo) {
        this.uploadId = Objects.requireNonNull(uploadId);
        this.rowNo = rowNo;
    }

    public UUID uploadId() {
        return uploadId;
    }

    public int rowNo() {
        return rowNo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadErrorKey k && uploadId.equals(k.uploadId) && rowNo == k.rowNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uploadId, rowNo);
    }

    @Override
    public String toString() {
        return uploadId + "#" + rowNo;
    }
}
