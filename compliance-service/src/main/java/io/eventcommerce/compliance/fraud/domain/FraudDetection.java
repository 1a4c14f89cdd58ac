package io.eventcommerce.compliance.fraud.domain;

import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The seed's {@code fraud_detections}: compliance-service's assessment of one order, with its explanation, and the
 * compliance officer's decision where the model held it for review. One row per order: a redelivered OrderPlaced
 * finds it and publishes nothing again.
 */
@Entity
@Table(name = "fraud_detection")
public class FraudDetection {

    public enum Status {
        /** The model approved or rejected the order; nothing is left to do. */
        DECIDED,
        /** The model asked for a review: the order is on hold until an officer decides. */
        ON_HOLD,
        /** An officer decided the held order. */
        REVIEWED
    }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", length = 36)
    private UUID orderId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", length = 36, nullable = false)
    private UUID customerId;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(nullable = false, precision = 4, scale = 3)
    private BigDecimal score;

    @Column(nullable = false, length = 8)
    private String decision;

    @Column(nullable = false, length = 1000)
    private String reasons;

    /** JSON: the features and each one's contribution, the hard rules that fired, the thresholds. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String explanation;

    @Column(name = "model_version", nullable = false, length = 40)
    private String modelVersion;

    @Column(name = "shadow_model_version", length = 40)
    private String shadowModelVersion;

    @Column(name = "shadow_score", precision = 4, scale = 3)
    private BigDecimal shadowScore;

    @Column(name = "shadow_decision", length = 8)
    private String shadowDecision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "assessed_at", nullable = false)
    private Instant assessedAt;

    @Column(name = "reviewed_by", length = 200)
    private String reviewedBy;

    @Column(name = "review_decision", length = 8)
    private String reviewDecision;

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Version
    private long version;

    protected FraudDetection() {
    }

    public record Assessment(BigDecimal score, String decision, List<String> reasons, String explanation,
                             String modelVersion) {
    }

    public static FraudDetection of(UUID orderId, UUID customerId, Instant placedAt, BigDecimal total,
                                    String currency, Assessment active, Assessment shadow, Instant now) {
        FraudDetection d = new FraudDetection();
        d.orderId = orderId;
        d.customerId = customerId;
        d.placedAt = placedAt;
        d.total = total;
        d.currency = currency;
        d.score = active.score();
        d.decision = active.decision();
        d.reasons = String.join(",", active.reasons());
        d.explanation = active.explanation();
        d.modelVersion = active.modelVersion();
        if (shadow != null) {
            d.shadowModelVersion = shadow.modelVersion();
            d.shadowScore = shadow.score();
            d.shadowDecision = shadow.decision();
        }
        d.status = FraudAssessed.REVIEW.equals(active.decision()) ? Status.ON_HOLD : Status.DECIDED;
        d.assessedAt = now;
        return d;
    }

    /**
     * An officer's decision on a held order: {@code APPROVE} or {@code REJECT}, once.
     *
     * @throws DomainException CONFLICT if the order is not on hold (decided by the model, or reviewed already)
     */
    public void review(String officerDecision, String officer, String comment, Instant now) {
        if (status != Status.ON_HOLD) {
            throw DomainException.conflict("Order " + orderId + " is not on hold for review (" + status
                    + (reviewDecision == null ? "" : ", " + reviewDecision + " by " + reviewedBy) + ")");
        }
        status = Status.REVIEWED;
        reviewDecision = officerDecision;
        reviewedBy = officer;
        reviewComment = comment;
        reviewedAt = now;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal score() {
        return score;
    }

    public String decision() {
        return decision;
    }

    public List<String> reasons() {
        return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","));
    }

    public String explanation() {
        return explanation;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String shadowModelVersion() {
        return shadowModelVersion;
    }

    public BigDecimal shadowScore() {
        return shadowScore;
    }

    public String shadowDecision() {
        return shadowDecision;
    }

    public Status status() {
        return status;
    }

    public Instant assessedAt() {
        return assessedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String reviewDecision() {
        return reviewDecision;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }
}
