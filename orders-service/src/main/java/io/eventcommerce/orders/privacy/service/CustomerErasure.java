package io.eventcommerce.orders.privacy.service;

import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases one customer's personal data (GDPR Art. 17) while the books stay whole: orders keep their amounts, dates,
 * lines, countries (VAT) and payments (retention duty of commercial law, Art. 17(3)(b)), with the person replaced by
 * the customer id, a random pseudonym nothing links back once name and e-mail are gone. The customer row stays as
 * that pseudonym (orders and payment methods reference it) with an e-mail of {@code <id>@erased.invalid}, so the
 * person is found by e-mail no more and may register again. The address book and the order addresses go (countries
 * stay), and so does every client IP address; payment methods lose their gateway token (no charge can be made).
 *
 * <p>Native UPDATEs in the handler's transaction, each bumping the row's version, so an entity loaded before by a
 * concurrent request fails its optimistic lock instead of writing the old values back.
 */
@ApplicationScoped
public class CustomerErasure {

    static final String ERASED_FIRST_NAME = "Erased";
    static final String ERASED_LAST_NAME = "Customer";
    static final String ERASED_RETURN_REASON = "(erased)";

    private final EntityManager em;

    public CustomerErasure(EntityManager em) {
        this.em = em;
    }

    /** What was done per table; in the caller's transaction. */
    public List<Erasure> erase(UUID customerId) {
        String id = customerId.toString();
        Timestamp now = Timestamp.from(Timestamps.now());
        List<Erasure> done = new ArrayList<>();
        done.add(new Erasure("customer", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE customer SET email = ?2, first_name = ?3, last_name = ?4, version = version + 1,
                    updated_at = ?5
                WHERE id = ?1 AND email <> ?2""", id, id + "@erased.invalid", ERASED_FIRST_NAME, ERASED_LAST_NAME,
                now)));
        done.add(new Erasure("customer_address", PersonalDataErased.DELETED,
                update("DELETE FROM customer_address WHERE customer_id = ?1", id)));
        done.add(new Erasure("customer_order", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE customer_order SET client_ip = NULL,
                    ship_name = NULL, ship_line1 = NULL, ship_line2 = NULL, ship_city = NULL, ship_region = NULL,
                    ship_postal_code = NULL,
                    bill_name = NULL, bill_line1 = NULL, bill_line2 = NULL, bill_city = NULL, bill_region = NULL,
                    bill_postal_code = NULL,
                    version = version + 1, updated_at = ?2
                WHERE customer_id = ?1""", id, now)));
        done.add(new Erasure("order_return", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE order_return SET reason = ?2
                WHERE order_id IN (SELECT id FROM customer_order WHERE customer_id = ?1)""", id,
                ERASED_RETURN_REASON)));
        done.add(new Erasure("payment_method", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE payment_method SET gateway_token = ?2 WHERE customer_id = ?1""", id, "erased")));
        return done;
    }

    /**
     * The customer's name, e-mail, address names and lines, client IPs and return reasons as held now: what the
     * self-check must not find afterwards. Cities, postal codes and countries are shared by too many people to be
     * searched for (they are erased all the same, countries aside). In the caller's transaction, before {@link #erase}.
     */
    @SuppressWarnings("unchecked")
    public List<String> plaintext(UUID customerId) {
        String id = customerId.toString();
        List<String> values = new ArrayList<>();
        // The name as one value: a first name or a surname alone identifies no one, and searched on its own it would
        // find every other Anna or Smith (and every "Ann" inside "Joanne"), failing the check for everyone.
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                        SELECT email, CONCAT(first_name, ' ', last_name) FROM customer
                        WHERE id = ?1 AND email NOT LIKE '%@erased.invalid'""")
                .setParameter(1, id).getResultList()) {
            for (Object v : row) {
                values.add(v == null ? null : v.toString());
            }
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT name, line1, line2 FROM customer_address WHERE customer_id = ?1")
                .setParameter(1, id).getResultList()) {
            for (Object v : row) {
                values.add(v == null ? null : v.toString());
            }
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                        SELECT client_ip, ship_name, ship_line1, ship_line2, bill_name, bill_line1, bill_line2
                        FROM customer_order WHERE customer_id = ?1""")
                .setParameter(1, id).getResultList()) {
            for (Object v : row) {
                values.add(v == null ? null : v.toString());
            }
        }
        values.addAll((List<String>) em.createNativeQuery("""
                        SELECT reason FROM order_return WHERE reason <> ?2
                          AND order_id IN (SELECT id FROM customer_order WHERE customer_id = ?1)""")
                .setParameter(1, id).setParameter(2, ERASED_RETURN_REASON).getResultList());
        return values;
    }

    private int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
