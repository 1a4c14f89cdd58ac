package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The categories compliance officers mark as high-risk (gift cards, phones, ...): the share of an order's amount in
 * them is a feature. A category id need not be known to compliance yet: products are replicated as they come.
 */
@ApplicationScoped
public class HighRiskCategories {

    private final EntityManager em;

    public HighRiskCategories(EntityManager em) {
        this.em = em;
    }

    public record HighRiskCategory(UUID categoryId, String note, String addedBy, Instant addedAt) {
    }

    @Transactional
    public List<HighRiskCategory> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category_id, note, added_by, added_at "
                + "FROM high_risk_category ORDER BY added_at, category_id").getResultList();
        return rows.stream().map(r -> new HighRiskCategory(UUID.fromString(r[0].toString()), (String) r[1],
                (String) r[2], Timestamps.instant(r[3]))).toList();
    }

    /** Marks the category (again: the note and who marked it are replaced). */
    @Transactional
    public HighRiskCategory mark(UUID categoryId, String note, String by) {
        Instant now = Timestamps.now();
        em.createNativeQuery("""
                        INSERT INTO high_risk_category (category_id, note, added_by, added_at) VALUES (?1, ?2, ?3, ?4)
                        ON DUPLICATE KEY UPDATE note = ?2, added_by = ?3, added_at = ?4""")
                .setParameter(1, categoryId.toString()).setParameter(2, note).setParameter(3, by)
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        return new HighRiskCategory(categoryId, note, by, now);
    }

    @Transactional
    public void unmark(UUID categoryId) {
        if (em.createNativeQuery("DELETE FROM high_risk_category WHERE category_id = ?1")
                .setParameter(1, categoryId.toString()).executeUpdate() == 0) {
            throw DomainException.notFound("High-risk category", categoryId);
        }
    }
}
