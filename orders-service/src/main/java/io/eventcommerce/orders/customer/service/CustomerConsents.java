package io.eventcommerce.orders.customer.service;

import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.privacy.ConsentPurposes;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's consent per purpose (GDPR Art. 7): a change writes the current state, a history row (the evidence:
 * what, when, by whom, from where) and CustomerConsentChanged on orders.customer in one transaction; a change that
 * changes nothing writes and publishes nothing. The purposes are {@link ConsentPurposes}, the platform's contract.
 */
@ApplicationScoped
public class CustomerConsents {

    /** Who changed a consent: the person ({@code customer}) or staff on their word ({@code support}). */
    public static final String SOURCE_CUSTOMER = "customer";
    public static final String SOURCE_SUPPORT = "support";
    /** Consent withdrawn because the customer was erased (Art. 17): nothing may be processed for them any more. */
    public static final String SOURCE_ERASURE = "erasure";

    private final EntityManager em;
    private final CustomerService customers;
    private final Outbox outbox;

    public CustomerConsents(EntityManager em, CustomerService customers, Outbox outbox) {
        this.em = em;
        this.customers = customers;
        this.outbox = outbox;
    }

    /** The current state of one purpose; {@code changedAt} null for a purpose never asked (no consent). */
    public record Consent(String purpose, boolean granted, String source, String changedBy, Instant changedAt) {
    }

    /** One change, as the history keeps it. */
    public record Change(UUID id, String purpose, boolean granted, String source, String changedBy, String requestId,
                         Instant changedAt) {
    }

    /** Every purpose of the platform with the customer's consent to it; 404 for an unknown customer. */
    @Transactional
    public List<Consent> current(UUID customerId) {
        customers.get(customerId);
        return ConsentPurposes.ALL.stream().map(p -> held(customerId, p)
                .orElse(new Consent(p, false, null, null, null))).toList();
    }

    /**
     * Gives or withdraws consent to {@code purpose}: 404 for an unknown customer, 422 for a purpose the platform does
     * not know. Returns the state after the change (the one held if nothing changed).
     */
    @Transactional
    public Consent change(UUID customerId, String purpose, boolean granted, String source, String changedBy,
                          String requestId) {
        // Locks the customer's row: two changes of one customer's consents run one after the other, so each sees the
        // state the other left and the history keeps the order of the current state. A lock on the consent row would
        // not do: under READ COMMITTED a missing row (a purpose never asked) takes no lock.
        if (em.createNativeQuery("SELECT id FROM customer WHERE id = ?1 FOR UPDATE")
                .setParameter(1, customerId.toString()).getResultList().isEmpty()) {
            throw DomainException.notFound("Customer", customerId);
        }
        if (!ConsentPurposes.known(purpose)) {
            throw DomainException.invalid("purpose", "one of " + String.join(", ", ConsentPurposes.ALL));
        }
        Optional<Consent> held = held(customerId, purpose);
        if (held.isPresent() && held.get().granted() == granted) {
            return held.get();
        }
        Instant now = Timestamps.now();
        Timestamp at = Timestamp.from(now);
        em.createNativeQuery("""
                        INSERT INTO customer_consent (customer_id, purpose, granted, source, changed_by, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON DUPLICATE KEY UPDATE granted = ?3, source = ?4, changed_by = ?5, changed_at = ?6""")
                .setParameter(1, customerId.toString()).setParameter(2, purpose).setParameter(3, granted)
                .setParameter(4, source).setParameter(5, changedBy).setParameter(6, at).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO customer_consent_history (id, customer_id, purpose, granted, source, changed_by,
                                                              request_id, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, customerId.toString())
                .setParameter(3, purpose).setParameter(4, granted).setParameter(5, source)
                .setParameter(6, changedBy).setParameter(7, requestId).setParameter(8, at).executeUpdate();
        outbox.publish(new CustomerConsentChanged(customerId, purpose, granted, source, now));
        return new Consent(purpose, granted, source, changedBy, now);
    }

    /** Withdraws every consent the customer has given (their erasure); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawAll(UUID customerId, String source, String changedBy) {
        int withdrawn = 0;
        for (String purpose : ConsentPurposes.ALL) {
            if (held(customerId, purpose).map(Consent::granted).orElse(false)) {
                change(customerId, purpose, false, source, changedBy, null);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /** The customer's changes, newest first; 404 for an unknown customer. */
    @Transactional
    public Page<Change> history(UUID customerId, int page, int size) {
        customers.get(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, purpose, granted, source, changed_by, request_id, changed_at
                        FROM customer_consent_history WHERE customer_id = ?1
                        ORDER BY changed_at DESC, id DESC""")
                .setParameter(1, customerId.toString()).setFirstResult(page * size).setMaxResults(size)
                .getResultList();
        long total = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM customer_consent_history WHERE customer_id = ?1")
                .setParameter(1, customerId.toString()).getSingleResult()).longValue();
        return Page.of(rows.stream().map(r -> new Change(UUID.fromString(r[0].toString()), (String) r[1],
                bool(r[2]), (String) r[3], (String) r[4], (String) r[5], Timestamps.instant(r[6]))).toList(),
                page, size, total);
    }

    private Optional<Consent> held(UUID customerId, String purpose) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT purpose, granted, source, changed_by, changed_at FROM customer_consent
                        WHERE customer_id = ?1 AND purpose = ?2""")
                .setParameter(1, customerId.toString()).setParameter(2, purpose).getResultList();
        return rows.stream().findFirst().map(r -> new Consent((String) r[0], bool(r[1]), (String) r[2],
                (String) r[3], Timestamps.instant(r[4])));
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

}
