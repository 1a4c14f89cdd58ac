package io.eventcommerce.compliance.risk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.fraud.service.CustomerSignal;
import io.eventcommerce.compliance.fraud.service.Rows;
import io.eventcommerce.compliance.risk.model.CustomerRisk;
import io.eventcommerce.compliance.risk.model.RiskBounds;
import io.eventcommerce.compliance.risk.model.RiskInputs;
import io.eventcommerce.compliance.risk.model.RiskLevel;
import io.eventcommerce.compliance.risk.model.RiskScorecard;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customers' rolling risk scores ({@code risk_score}) and their history ({@code risk_score_history}). A score is
 * recomputed from compliance's own event-fed tables whenever fraud scoring signals a change that bears on it
 * ({@link CustomerSignal}), in that change's transaction: the consumer's inbox record covers it, so a redelivered
 * event changes no score and writes no history. A history row is written when the stored score (3 places) or the
 * level changes; the stored factors are always those of the latest recomputation.
 *
 * <p>The window of recent fraud scores ends at the time of the recomputation: a customer's score moves when
 * something happens to it, not by the clock alone.
 */
@ApplicationScoped
public class RiskScores {

    public enum ListSort {
        /** Highest score first. */
        SCORE,
        /** Most recently changed first. */
        UPDATED
    }

    /** A customer's current score; {@code factors} is the stored JSON (intercept and per factor value, logOdds). */
    public record Current(UUID customerId, BigDecimal score, RiskLevel level, String factors, String cause,
                          UUID causeEventId, Instant updatedAt) {
    }

    /** One change of a customer's score or level; old values null for the first computation. */
    public record Change(long id, BigDecimal oldScore, RiskLevel oldLevel, BigDecimal newScore, RiskLevel newLevel,
                         String factors, String cause, UUID causeEventId, Instant changedAt) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final RiskScorecard scorecard;
    private final Duration window;

    public RiskScores(EntityManager em, ObjectMapper json, MeterRegistry meters, ComplianceConfig config) {
        this.em = em;
        this.json = json;
        this.meters = meters;
        this.scorecard = new RiskScorecard(new RiskBounds(config.risk().mediumAt(), config.risk().highAt()));
        this.window = config.risk().window();
    }

    /** Fraud scoring's signal, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onSignal(@Observes CustomerSignal signal) {
        refresh(signal.customerId(), signal.cause(), signal.causeEventId());
    }

    /**
     * Recomputes the customer's score; in the caller's transaction.
     *
     * @return whether the score or level changed (a history row was written)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refresh(UUID customerId, String cause, UUID causeEventId) {
        Instant now = Timestamps.now();
        String id = customerId.toString();
        // Locks the customer's row, creating it first if need be: INSERT ... ON DUPLICATE KEY UPDATE takes an
        // exclusive lock on the existing row on MySQL 8.4 and MariaDB 11.4 alike, so two consumers refreshing one
        // customer (orders.order and orders.payment) run one after the other and each sees the other's result.
        em.createNativeQuery("""
                        INSERT INTO risk_score (customer_id, score, risk_level, factors, cause, cause_event_id, version,
                            updated_at)
                        VALUES (?1, 0, 'LOW', '{}', ?2, ?3, 0, ?4)
                        ON DUPLICATE KEY UPDATE version = version""")
                .setParameter(1, id).setParameter(2, cause)
                .setParameter(3, causeEventId == null ? null : causeEventId.toString())
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        Object[] current = (Object[]) em.createNativeQuery(
                        "SELECT score, risk_level, version FROM risk_score WHERE customer_id = ?1 FOR UPDATE")
                .setParameter(1, id).getSingleResult();
        boolean first = ((Number) current[2]).longValue() == 0;
        BigDecimal oldScore = first ? null : (BigDecimal) current[0];
        RiskLevel oldLevel = first ? null : RiskLevel.valueOf((String) current[1]);

        CustomerRisk risk = scorecard.score(inputs(id, now));
        BigDecimal newScore = risk.scoreDecimal();
        String factors = factorsJson(risk);
        if (!first && newScore.compareTo(oldScore) == 0 && risk.level() == oldLevel) {
            // Unchanged, but the factors shown are today's inputs (a new fraud score too small to move the score,
            // the account a day older): cause and updated_at keep telling when the score last changed.
            em.createNativeQuery("UPDATE risk_score SET factors = ?2 WHERE customer_id = ?1")
                    .setParameter(1, id).setParameter(2, factors).executeUpdate();
            return false;
        }
        em.createNativeQuery("""
                        UPDATE risk_score SET score = ?2, risk_level = ?3, factors = ?4, cause = ?5, cause_event_id = ?6,
                            version = version + 1, updated_at = ?7
                        WHERE customer_id = ?1""")
                .setParameter(1, id).setParameter(2, newScore).setParameter(3, risk.level().name())
                .setParameter(4, factors).setParameter(5, cause)
                .setParameter(6, causeEventId == null ? null : causeEventId.toString())
                .setParameter(7, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO risk_score_history (customer_id, old_score, old_level, new_score, new_level,
                            factors, cause, cause_event_id, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, oldScore)
                .setParameter(3, oldLevel == null ? null : oldLevel.name()).setParameter(4, newScore)
                .setParameter(5, risk.level().name()).setParameter(6, factors).setParameter(7, cause)
                .setParameter(8, causeEventId == null ? null : causeEventId.toString())
                .setParameter(9, Timestamp.from(now)).executeUpdate();
        meters.counter("eventcommerce.risk.changes", "level", risk.level().name(),
                "levelChanged", String.valueOf(risk.level() != oldLevel)).increment();
        return true;
    }

    /** What the customer's score is computed from, counted from compliance's own tables as of {@code now}. */
    RiskInputs inputs(String customerId, Instant now) {
        Object[] scores = (Object[]) em.createNativeQuery("""
                        SELECT MAX(CASE WHEN placed_at >= ?2 THEN
                                   CASE WHEN review_decision = 'APPROVE' THEN 0 ELSE score END END),
                               AVG(CASE WHEN placed_at >= ?2 THEN
                                   CASE WHEN review_decision = 'APPROVE' THEN 0 ELSE score END END),
                               COALESCE(SUM(CASE WHEN review_decision = 'REJECT' THEN 1 ELSE 0 END), 0)
                        FROM fraud_detection WHERE customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, Timestamp.from(now.minus(window))).getSingleResult();
        Object[] labels = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(CASE WHEN l.fraud AND l.source = 'CHARGEBACK' THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN l.fraud AND l.source = 'IMPORT' THEN 1 ELSE 0 END), 0)
                        FROM fraud_label l JOIN order_fact o ON o.order_id = l.order_id
                        WHERE o.customer_id = ?1""")
                .setParameter(1, customerId).getSingleResult();
        List<?> streak = em.createNativeQuery("SELECT declines_in_a_row FROM payment_streak WHERE customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        // Account age as the fraud features count it: from registration, else from the first order seen.
        Object since = em.createNativeQuery("""
                        SELECT COALESCE((SELECT registered_at FROM customer_profile WHERE customer_id = ?1),
                                        (SELECT MIN(placed_at) FROM order_fact WHERE customer_id = ?1))""")
                .setParameter(1, customerId).getSingleResult();
        double ageDays = since == null ? 0
                : Math.max(0, Duration.between(Timestamps.instant(since), now).toMinutes() / (24.0 * 60));
        return new RiskInputs(clamp(Rows.number(scores[0])), clamp(Rows.number(scores[1])),
                (long) Rows.number(labels[0]), (long) Rows.number(scores[2]), (long) Rows.number(labels[1]),
                streak.isEmpty() ? 0 : (long) Rows.number(streak.get(0)), ageDays);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private String factorsJson(CustomerRisk risk) {
        Map<String, Object> factors = new LinkedHashMap<>();
        risk.contributions().forEach((factor, c) -> factors.put(factor.code(),
                Map.of("value", c.value(), "logOdds", c.logOdds())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("intercept", risk.intercept());
        doc.put("factors", factors);
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bounds of the levels, for display. */
    public RiskBounds bounds() {
        return scorecard.bounds();
    }

    @Transactional
    public Current get(UUID customerId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT customer_id, score, risk_level, factors, cause, cause_event_id, updated_at FROM risk_score
                        WHERE customer_id = ?1 AND version > 0""")
                .setParameter(1, customerId.toString()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Risk score of customer", customerId);
        }
        return current((Object[]) rows.get(0));
    }

    /** The customer's changes, newest first. */
    @Transactional
    public Page<Change> history(UUID customerId, int page, int size) {
        get(customerId);
        long total = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM risk_score_history WHERE customer_id = ?1")
                .setParameter(1, customerId.toString()).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, old_score, old_level, new_score, new_level, factors, cause, cause_event_id,
                               changed_at
                        FROM risk_score_history WHERE customer_id = ?1 ORDER BY id DESC""")
                .setParameter(1, customerId.toString()).setFirstResult(page * size).setMaxResults(size)
                .getResultList();
        return Page.of(rows.stream().map(r -> new Change(((Number) r[0]).longValue(), (BigDecimal) r[1],
                r[2] == null ? null : RiskLevel.valueOf((String) r[2]), (BigDecimal) r[3],
                RiskLevel.valueOf((String) r[4]), (String) r[5], (String) r[6], uuid(r[7]), Timestamps.instant(r[8])))
                .toList(), page, size, total);
    }

    /** Customers' scores, optionally of one level. */
    @Transactional
    public Page<Current> list(RiskLevel level, ListSort sort, int page, int size) {
        String where = "version > 0" + (level == null ? "" : " AND risk_level = ?1");
        String order = sort == ListSort.UPDATED ? "updated_at DESC, customer_id" : "score DESC, customer_id";
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM risk_score WHERE " + where);
        Query select = em.createNativeQuery("SELECT customer_id, score, risk_level, factors, cause, cause_event_id, "
                + "updated_at FROM risk_score WHERE " + where + " ORDER BY " + order);
        if (level != null) {
            count.setParameter(1, level.name());
            select.setParameter(1, level.name());
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(RiskScores::current).toList(), page, size, total);
    }

    private static Current current(Object[] r) {
        return new Current(UUID.fromString(r[0].toString()), (BigDecimal) r[1], RiskLevel.valueOf((String) r[2]),
                (String) r[3], (String) r[4], uuid(r[5]), Timestamps.instant(r[6]));
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }
}
