package io.eventcommerce.catalog.privacy.service;

import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.servicekit.privacy.ExportRows;
import io.eventcommerce.servicekit.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What catalog-service holds about a customer: the reviews they wrote and the purchases that made them a verified
 * reviewer (no name, e-mail or address ever reaches this service). service-kit's {@code DataSubjectRequests} answers
 * compliance-service's data-subject requests with it.
 *
 * <p>An erasure anonymises each review: the rating stays (the product's aggregate rating, which other customers rely
 * on, does not change), while the title and the text go, because free text the person wrote may name them, their
 * family or their address and cannot be checked for that; the review's customer and order become random ids linked to
 * nothing, so the rating can no longer be tied to the person through orders-service's order either. The verified
 * purchases are deleted (the customer cannot review again, and the list of what they bought goes with them).
 * product_rating is an aggregate without any person and stays as it is.
 */
@ApplicationScoped
public class CatalogPersonalData implements PersonalData {

    private final EntityManager em;
    private final ExportRows rows;

    public CatalogPersonalData(EntityManager em, ExportRows rows) {
        this.em = em;
        this.rows = rows;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        String customer = customerId.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reviews", rows.of("SELECT id, product_id, order_id, rating, title, body, created_at, updated_at"
                + " FROM review WHERE customer_id = ?1 ORDER BY created_at, id", customer));
        data.put("verifiedPurchases", rows.of("SELECT product_id, order_id, delivered_at FROM verified_purchase"
                + " WHERE customer_id = ?1 ORDER BY delivered_at, product_id", customer));
        return data;
    }

    /** The titles and texts of the customer's reviews. */
    @Override
    @SuppressWarnings("unchecked")
    public List<String> plaintext(UUID customerId) {
        List<String> held = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT title, body FROM review WHERE customer_id = ?1")
                .setParameter(1, customerId.toString()).getResultList()) {
            held.add(row[0] == null ? null : row[0].toString());
            held.add(row[1] == null ? null : row[1].toString());
        }
        return held;
    }

    @Override
    public List<Erasure> erase(UUID customerId) {
        String customer = customerId.toString();
        // UUID() gives each row its own random id, on MySQL 8.4 and MariaDB 11.4 alike (36 characters, CHAR(36)).
        int reviews = em.createNativeQuery("""
                        UPDATE review SET customer_id = UUID(), order_id = UUID(), title = NULL, body = NULL,
                            version = version + 1
                        WHERE customer_id = ?1""").setParameter(1, customer).executeUpdate();
        int purchases = em.createNativeQuery("DELETE FROM verified_purchase WHERE customer_id = ?1")
                .setParameter(1, customer).executeUpdate();
        return List.of(new Erasure("review", PersonalDataErased.ANONYMISED, reviews),
                new Erasure("verified_purchase", PersonalDataErased.DELETED, purchases));
    }
}
