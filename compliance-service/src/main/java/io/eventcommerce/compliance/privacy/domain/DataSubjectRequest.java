package io.eventcommerce.compliance.privacy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * The seed's {@code gdpr_data_request_log}: one data subject's access or erasure request, answered by every service
 * that holds personal data ({@link ServiceProgress}). Holds ids, times and the officer's reason, never the person's
 * data itself; the exports are kept per service and cleared by a later erasure.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

    public enum Type {
        /** GDPR Art. 15: what is held about the person. */
        ACCESS,
        /** GDPR Art. 17: erase or pseudonymise it. */
        ERASURE
    }

    public enum Status {
        /** Some service has not answered yet. */
        PENDING,
        /** Every service answered (an erasure: and found no plaintext left). */
        COMPLETED,
        /** Every service answered, and one's self-check still found plaintext after its erasure. */
        FAILED
    }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", length = 36, nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Type type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected DataSubjectRequest() {
    }

    public DataSubjectRequest(UUID id, UUID customerId, Type type, String reason, String requestedBy,
                              Instant requestedAt, Instant deadline) {
        this.id = id;
        this.customerId = customerId;
        this.type = type;
        this.status = Status.PENDING;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.deadline = deadline;
    }

    /** The last service answered: completed, or failed when one service's answer was not a clean erasure. */
    public void finish(boolean clean, Instant at) {
        if (status == Status.PENDING) {
            status = clean ? Status.COMPLETED : Status.FAILED;
            completedAt = at;
        }
    }

    /** Past its deadline without every answer. */
    public boolean overdue(Instant now) {
        return status == Status.PENDING ? now.isAfter(deadline) : completedAt.isAfter(deadline);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public Type type() {
        return type;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
