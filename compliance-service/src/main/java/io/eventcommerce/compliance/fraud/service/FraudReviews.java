package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.fraud.domain.FraudDetection;
import io.eventcommerce.compliance.fraud.domain.FraudDetectionRepository;
import io.eventcommerce.compliance.fraud.model.FeatureVector;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review queue of compliance officers: held orders, what the model saw in them, the customer's history, and the
 * officer's decision, which is the final FraudAssessed of the order (the saga goes on) and a label the next model
 * learns from.
 */
@ApplicationScoped
public class FraudReviews {

    public enum QueueSort {
        /** Highest score first. */
        SCORE,
        /** Longest waiting first. */
        AGE
    }

    private final FraudDetectionRepository detections;
    private final OrderFacts facts;
    private final FraudLabels labels;
    private final Outbox outbox;
    private final EntityManager em;
    private final ComplianceConfig config;
    private final MeterRegistry meters;
    private final Event<CustomerSignal> signals;

    public FraudReviews(FraudDetectionRepository detections, OrderFacts facts, FraudLabels labels, Outbox outbox,
                        EntityManager em, ComplianceConfig config, MeterRegistry meters,
                        Event<CustomerSignal> signals) {
        this.detections = detections;
        this.facts = facts;
        this.labels = labels;
        this.outbox = outbox;
        this.em = em;
        this.config = config;
        this.meters = meters;
        this.signals = signals;
        meters.gauge("eventcommerce.fraud.reviews.overdue", this, FraudReviews::overdueCount);
    }

    /** Assessments, filtered; {@code overdueOnly} keeps held orders waiting longer than the configured time. */
    @Transactional
    public Page<FraudDetection> list(FraudDetection.Status status, String decision, UUID customerId,
                                     boolean overdueOnly, QueueSort sort, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (decision != null) {
            where.append(" and decision = :decision");
            parameters.and("decision", decision);
        }
        if (customerId != null) {
            where.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (overdueOnly) {
            where.append(" and status = :held and placedAt < :overdueBefore");
            parameters.and("held", FraudDetection.Status.ON_HOLD).and("overdueBefore", overdueBefore());
        }
        Sort order = sort == QueueSort.AGE ? Sort.ascending("placedAt", "orderId")
                : Sort.descending("score").and("placedAt", Sort.Direction.Ascending).and("orderId");
        var query = detections.find(where.toString(), order, parameters);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /** Whether a held order waits longer than the configured time. */
    public boolean overdue(FraudDetection detection) {
        return detection.status() == FraudDetection.Status.ON_HOLD && detection.placedAt().isBefore(overdueBefore());
    }

    private Instant overdueBefore() {
        return Timestamps.now().minus(config.fraud().reviewOverdueAfter());
    }

    private double overdueCount() {
        try {
            return detections.count("status = ?1 and placedAt < ?2", FraudDetection.Status.ON_HOLD, overdueBefore());
        } catch (RuntimeException e) {
            return Double.NaN; // the database is unreachable: no figure rather than a wrong one
        }
    }

    public record CustomerHistory(long orders, BigDecimal total, Instant firstOrderAt, Instant lastOrderAt,
                                  long chargebacks, long rejected, List<PastOrder> recent) {
    }

    public record PastOrder(UUID orderId, Instant placedAt, BigDecimal total, String currency, boolean paid,
                            String decision, Boolean fraudLabel) {
    }

    public record Case(FraudDetection detection, Optional<FeatureVector> features, CustomerHistory history) {
    }

    @Transactional
    public Case get(UUID orderId) {
        FraudDetection detection = detections.findByIdOptional(orderId)
                .orElseThrow(() -> DomainException.notFound("Fraud assessment of order", orderId));
        return new Case(detection, facts.features(orderId), history(detection.customerId(), orderId));
    }

    /** The customer's orders before and besides this one, as compliance knows them (no personal data). */
    private CustomerHistory history(UUID customerId, UUID except) {
        Object[] totals = (Object[]) em.createNativeQuery("""
                        SELECT COUNT(*), COALESCE(SUM(total), 0), MIN(placed_at), MAX(placed_at),
                               (SELECT COUNT(*) FROM fraud_label l JOIN order_fact o ON o.order_id = l.order_id
                                WHERE o.customer_id = ?1 AND l.fraud AND l.source = 'CHARGEBACK'),
                               (SELECT COUNT(*) FROM fraud_detection d WHERE d.customer_id = ?1
                                AND (d.decision = 'REJECT' OR d.review_decision = 'REJECT'))
                        FROM order_fact WHERE customer_id = ?1 AND order_id <> ?2""")
                .setParameter(1, customerId.toString()).setParameter(2, except.toString()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT o.order_id, o.placed_at, o.total, o.currency, p.order_id IS NOT NULL,
                               COALESCE(d.review_decision, d.decision), l.fraud
                        FROM order_fact o
                        LEFT JOIN order_paid p ON p.order_id = o.order_id
                        LEFT JOIN fraud_detection d ON d.order_id = o.order_id
                        LEFT JOIN fraud_label l ON l.order_id = o.order_id
                        WHERE o.customer_id = ?1 AND o.order_id <> ?2
                        ORDER BY o.placed_at DESC LIMIT 10""")
                .setParameter(1, customerId.toString()).setParameter(2, except.toString()).getResultList();
        List<PastOrder> recent = rows.stream().map(r -> new PastOrder(UUID.fromString(r[0].toString()),
                Timestamps.instant(r[1]), (BigDecimal) r[2], (String) r[3], Rows.truth(r[4]), (String) r[5],
                r[6] == null ? null : Rows.truth(r[6]))).toList();
        return new CustomerHistory(((Number) totals[0]).longValue(), (BigDecimal) totals[1],
                Timestamps.instant(totals[2]), Timestamps.instant(totals[3]),
                ((Number) totals[4]).longValue(), ((Number) totals[5]).longValue(), recent);
    }

    /**
     * An officer decides a held order: {@code APPROVE} or {@code REJECT}, with a comment. Publishes the final
     * FraudAssessed (reviewedBy set) and labels the order for the next model.
     *
     * @throws DomainException NOT_FOUND for an order compliance never assessed, CONFLICT if it is not on hold
     */
    @Transactional
    public FraudDetection decide(UUID orderId, String decision, String comment, String officer) {
        if (!FraudAssessed.APPROVE.equals(decision) && !FraudAssessed.REJECT.equals(decision)) {
            throw DomainException.invalid("decision", "APPROVE or REJECT");
        }
        FraudDetection detection = detections.findForUpdate(orderId)
                .orElseThrow(() -> DomainException.notFound("Fraud assessment of order", orderId));
        Instant now = Timestamps.now();
        detection.review(decision, officer, comment, now);
        UUID assessed = outbox.publish(new FraudAssessed(orderId, detection.customerId(), detection.score(), decision,
                detection.reasons(), officer, now, detection.modelVersion())).eventId();
        labels.label(orderId, FraudAssessed.REJECT.equals(decision), FraudLabels.Source.OFFICER, comment, now);
        signals.fire(new CustomerSignal(detection.customerId(), FraudAssessed.TYPE.name(), assessed));
        meters.counter("eventcommerce.fraud.decisions", "decision", decision, "reviewed", "true").increment();
        return detection;
    }
}
