package io.eventcommerce.events.compliance;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * compliance-service's verdict on an order; the saga's fraud answer. A {@code REVIEW} is followed by a second
 * assessment of the same order once an officer decides ({@code reviewedBy} set, decision {@code APPROVE} or
 * {@code REJECT}).
 *
 * @param score    0 (no risk) to 1
 * @param decision {@code APPROVE}, {@code REVIEW} or {@code REJECT}
 * @param reasons      reason codes explaining the score, most important first
 * @param reviewedBy   the compliance officer who decided a held order; null for the model's own assessment
 * @param modelVersion the fraud model version that scored the order ({@code rules-v1} before any trained model is
 *                     active); absent from assessments published before the field existed
 */
public record FraudAssessed(UUID orderId, UUID customerId, BigDecimal score, String decision, List<String> reasons,
                            String reviewedBy, Instant assessedAt, String modelVersion) implements DomainEvent {

    public static final String APPROVE = "APPROVE";
    public static final String REVIEW = "REVIEW";
    public static final String REJECT = "REJECT";

    public static final EventType<FraudAssessed> TYPE =
            new EventType<>("FraudAssessed", 1, Topics.COMPLIANCE_FRAUD, FraudAssessed.class);

    /** An assessment without a model version (a test answering for compliance-service). */
    public FraudAssessed(UUID orderId, UUID customerId, BigDecimal score, String decision, List<String> reasons,
                         String reviewedBy, Instant assessedAt) {
        this(orderId, customerId, score, decision, reasons, reviewedBy, assessedAt, null);
    }

    @Override
    public EventType<FraudAssessed> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
