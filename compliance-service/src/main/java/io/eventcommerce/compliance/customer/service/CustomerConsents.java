package io.eventcommerce.compliance.customer.service;

import io.eventcommerce.events.orders.CustomerConsentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code customer_consent}, the replica of the customers' consents orders-service publishes on orders.customer
 * (CustomerConsentChanged), for the gdpr-consent check. The newest change of a customer and purpose wins: a
 * compacted topic read from its start, or a redelivery, may bring an older one after it.
 */
@ApplicationScoped
public class CustomerConsents {

    /** Customer ids per query at most when the check asks which consents are granted. */
    private static final int CHUNK = 500;

    private final EntityManager em;

    public CustomerConsents(EntityManager em) {
        this.em = em;
    }

    /** In the caller's (the orders.customer handler's) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(CustomerConsentChanged change) {
        em.createNativeQuery("""
                        INSERT INTO customer_consent (customer_id, purpose, granted, source, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON DUPLICATE KEY UPDATE
                            granted = CASE WHEN changed_at <= ?5 THEN ?3 ELSE granted END,
                            source = CASE WHEN changed_at <= ?5 THEN ?4 ELSE source END,
                            changed_at = GREATEST(changed_at, ?5)""")
                .setParameter(1, change.customerId().toString()).setParameter(2, change.purpose())
                .setParameter(3, change.granted()).setParameter(4, change.source())
                .setParameter(5, Timestamp.from(change.changedAt())).executeUpdate();
    }

    /** Which of {@code customers} have a current, granted consent to {@code purpose}; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> granted(String purpose, Collection<UUID> customers) {
        List<String> ids = customers.stream().map(UUID::toString).distinct().toList();
        Set<UUID> granted = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("""
                            SELECT customer_id FROM customer_consent
                            WHERE purpose = ?1 AND granted = TRUE AND customer_id IN (?2)""")
                    .setParameter(1, purpose).setParameter(2, ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .getResultList();
            rows.forEach(r -> granted.add(UUID.fromString(r.toString())));
        }
        return granted;
    }
}
