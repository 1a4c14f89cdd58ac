package io.eventcommerce.compliance.fraud.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Known outcomes of orders ({@code fraud_label}), what a retrain learns from. A chargeback outranks an officer's
 * decision (the card holder's bank has the last word) and an imported label fills only a gap.
 */
@ApplicationScoped
public class FraudLabels {

    public enum Source {
        /** A refund for a fraud chargeback (orders.payment). */
        CHARGEBACK(3),
        /** A compliance officer's review decision. */
        OFFICER(2),
        /** A label file (the data generator's ground truth, or a previous system's). */
        IMPORT(1);

        private final int rank;

        Source(int rank) {
            this.rank = rank;
        }
    }

    private final EntityManager em;

    public FraudLabels(EntityManager em) {
        this.em = em;
    }

    /** Records the label unless one of a higher-ranked source is there; in the caller's transaction. */
    public void label(UUID orderId, boolean fraud, Source source, String detail, Instant at) {
        String rankOfExisting = "CASE source WHEN 'CHARGEBACK' THEN 3 WHEN 'OFFICER' THEN 2 ELSE 1 END";
        // One statement on MySQL 8.4 and MariaDB 11.4: the row is replaced only by an equal or better source.
        em.createNativeQuery("""
                        INSERT INTO fraud_label (order_id, fraud, source, detail, labelled_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON DUPLICATE KEY UPDATE
                            fraud = CASE WHEN %1$s <= ?6 THEN ?2 ELSE fraud END,
                            detail = CASE WHEN %1$s <= ?6 THEN ?4 ELSE detail END,
                            labelled_at = CASE WHEN %1$s <= ?6 THEN ?5 ELSE labelled_at END,
                            source = CASE WHEN %1$s <= ?6 THEN ?3 ELSE source END""".formatted(rankOfExisting))
                .setParameter(1, orderId.toString()).setParameter(2, fraud).setParameter(3, source.name())
                .setParameter(4, detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                .setParameter(5, Timestamp.from(at)).setParameter(6, source.rank).executeUpdate();
    }

    /** The customers of these orders, as far as compliance has seen the orders (order_fact). */
    public Set<UUID> customersOf(List<UUID> orderIds) {
        Set<UUID> customers = new LinkedHashSet<>();
        for (int from = 0; from < orderIds.size(); from += 1000) {
            List<String> chunk = new ArrayList<>();
            orderIds.subList(from, Math.min(orderIds.size(), from + 1000)).forEach(id -> chunk.add(id.toString()));
            for (Object id : em.createNativeQuery("SELECT DISTINCT customer_id FROM order_fact WHERE order_id IN (?1)")
                    .setParameter(1, chunk).getResultList()) {
                customers.add(UUID.fromString(id.toString()));
            }
        }
        return customers;
    }
}
