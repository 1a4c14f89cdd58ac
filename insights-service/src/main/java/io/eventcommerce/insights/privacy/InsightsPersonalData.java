package io.eventcommerce.insights.privacy;

import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.privacy.ExportRows;
import io.eventcommerce.servicekit.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What insights-service holds about a customer: no name, e-mail or address (none travels on the topics it reads),
 * but the customer's id on their order summary, their months of activity and their orders' facts, which orders-service
 * can tie back to the person. service-kit's {@code DataSubjectRequests} answers compliance-service's requests with it.
 *
 * <p>An erasure pseudonymises: the customer's rows get one new random id, linked to nothing, the same in every table,
 * so every aggregate (daily sales, revenue by status, cohort sizes and activity, products) keeps its totals while no
 * row can be tied to the person any more. Nothing is plaintext, so the self-check has nothing to search for.
 */
@ApplicationScoped
public class InsightsPersonalData implements PersonalData {

    private final EntityManager em;
    private final ExportRows rows;
    private final ReadModelGuard guard;

    public InsightsPersonalData(EntityManager em, ExportRows rows, ReadModelGuard guard) {
        this.em = em;
        this.rows = rows;
        this.guard = guard;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        // During a rebuild the rows are partial: the request waits (is retried) until it is done.
        guard.admit();
        String customer = customerId.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerSummary", rows.of("SELECT customer_id, country, segment, registered_at, first_order_at,"
                + " last_order_at, orders, revenue FROM customer_summary WHERE customer_id = ?1", customer));
        data.put("activeMonths", rows.of("SELECT month FROM customer_month WHERE customer_id = ?1 ORDER BY month",
                customer));
        data.put("orders", rows.of("SELECT order_id, channel, country, currency, status, placed_at, units, gross,"
                + " discount, net, paid_at FROM order_fact WHERE customer_id = ?1 ORDER BY placed_at, order_id",
                customer));
        data.put("segment", rows.of("SELECT segment, r_score, f_score, m_score, days_since_last, orders, revenue,"
                + " computed_at FROM customer_segments WHERE customer_id = ?1", customer));
        data.put("lifetimeValue", rows.of("SELECT frequency, recency_weeks, age_weeks, average_value, horizon_days,"
                + " expected_purchases, probability_alive, clv_value, computed_at FROM customer_lifetime_value"
                + " WHERE customer_id = ?1", customer));
        return data;
    }

    /** Ids only: nothing here is a name, an address or text the customer wrote. */
    @Override
    public Collection<String> plaintext(UUID customerId) {
        return List.of();
    }

    @Override
    public List<Erasure> erase(UUID customerId) {
        // During a rebuild rows replayed later would carry the id again: the request waits until it is done (the
        // rebuild re-applies the erasures it reads from compliance.privacy-request itself).
        guard.admit();
        String customer = customerId.toString();
        String pseudonym = UUID.randomUUID().toString();
        int summary = pseudonymise("customer_summary", customer, pseudonym);
        int months = pseudonymise("customer_month", customer, pseudonym);
        int orders = pseudonymise("order_fact", customer, pseudonym);
        // Scores about the person: deleted (the next customer-value run scores the pseudonym from its facts).
        int segment = delete("customer_segments", customer);
        int value = delete("customer_lifetime_value", customer);
        return List.of(new Erasure("customer_summary", PersonalDataErased.PSEUDONYMISED, summary),
                new Erasure("customer_month", PersonalDataErased.PSEUDONYMISED, months),
                new Erasure("order_fact", PersonalDataErased.PSEUDONYMISED, orders),
                new Erasure("customer_segments", PersonalDataErased.DELETED, segment),
                new Erasure("customer_lifetime_value", PersonalDataErased.DELETED, value));
    }

    private int delete(String table, String customer) {
        return em.createNativeQuery("DELETE FROM " + table + " WHERE customer_id = ?1").setParameter(1, customer)
                .executeUpdate();
    }

    private int pseudonymise(String table, String customer, String pseudonym) {
        return em.createNativeQuery("UPDATE " + table + " SET customer_id = ?2 WHERE customer_id = ?1")
                .setParameter(1, customer).setParameter(2, pseudonym).executeUpdate();
    }
}
