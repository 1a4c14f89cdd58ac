package io.eventcommerce.compliance.privacy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One service's part of a {@link DataSubjectRequest}: whether it answered, its export or its erasure evidence. */
@Entity
@Table(name = "data_subject_request_service")
@IdClass(ServiceProgress.Key.class)
public class ServiceProgress {

    public enum Status {
        PENDING,
        COMPLETED,
        /** An erasure answer whose self-check still found plaintext personal data. */
        FAILED
    }

    /** The composite key: request and service. */
    public static class Key implements Serializable {
        private UUID requestId;
        private String service;

        public Key() {
        }

        public Key(UUID requestId, String service) {
            this.requestId = requestId;
            this.service = service;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(service, k.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, service);
        }
    }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "request_id", length = 36)
    private UUID requestId;

    @Id
    @Column(length = 60)
    private String service;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "export_data", columnDefinition = "MEDIUMTEXT")
    private String exportData;

    @Column(columnDefinition = "MEDIUMTEXT")
    private String evidence;

    @Column(name = "columns_scanned")
    private Integer columnsScanned;

    @Column(name = "plaintext_matches")
    private Long plaintextMatches;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "answer_event_id", length = 36)
    private UUID answerEventId;

    protected ServiceProgress() {
    }

    public ServiceProgress(UUID requestId, String service) {
        this.requestId = requestId;
        this.service = service;
        this.status = Status.PENDING;
    }

    /** The service's export arrived. A second answer (a service re-sending) changes nothing. */
    public boolean exported(String data, UUID eventId, Instant at) {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.COMPLETED;
        exportData = data;
        answerEventId = eventId;
        answeredAt = at;
        return true;
    }

    /** The service's erasure evidence arrived; a match left by its self-check fails its part. */
    public boolean erased(String evidence, int columnsScanned, long plaintextMatches, UUID eventId, Instant at) {
        if (status != Status.PENDING) {
            return false;
        }
        status = plaintextMatches == 0 ? Status.COMPLETED : Status.FAILED;
        this.evidence = evidence;
        this.columnsScanned = columnsScanned;
        this.plaintextMatches = plaintextMatches;
        answerEventId = eventId;
        answeredAt = at;
        return true;
    }

    /** A later erasure of the same person: the export held here is personal data too. */
    public void forgetExport() {
        exportData = null;
    }

    public UUID requestId() {
        return requestId;
    }

    public String service() {
        return service;
    }

    public Status status() {
        return status;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String exportData() {
        return exportData;
    }

    public String evidence() {
        return evidence;
    }

    public Integer columnsScanned() {
        return columnsScanned;
    }

    public Long plaintextMatches() {
        return plaintextMatches;
    }
}
