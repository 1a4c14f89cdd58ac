package io.eventcommerce.compliance.privacy.service;

import io.eventcommerce.compliance.audit.service.AuditSubjectKeys;
import io.eventcommerce.compliance.privacy.domain.ServiceProgress;
import io.eventcommerce.compliance.privacy.domain.ServiceProgressRepository;
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
 * compliance-service's own part of the answer to a data-subject request (it consumes compliance.privacy-request like
 * every service, and service-kit's {@code DataSubjectRequests} answers with this): what fraud scoring holds about the
 * customer. The customer id stays (it is the platform's pseudonym of the person, and fraud decisions are kept for the
 * prevention of fraud, GDPR Art. 17(3)(b) and recital 47); what identifies the person beyond it goes: IP addresses,
 * card and address fingerprints (a hash of a guessed address finds it again), the officers' free-text comments, the
 * customer profile, the exports of earlier access requests kept here, and the customer's key of the audit trail
 * (crypto-shredding, {@link AuditSubjectKeys#shred}: the entries about the customer stay and the chain still
 * verifies, but their personal-data fields cannot be read again). The key is destroyed in a transaction of its own,
 * so a retried erasure finds it gone (idempotent). The replica of the customer's consents stays: it holds the pseudonym
 * and purpose codes only, and a withdrawn consent must stay known for the gdpr-consent check to flag processing.
 */
@ApplicationScoped
public class CompliancePersonalData implements PersonalData {

    private final EntityManager em;
    private final ExportRows rows;
    private final ServiceProgressRepository progress;
    private final AuditSubjectKeys auditKeys;

    public CompliancePersonalData(EntityManager em, ExportRows rows, ServiceProgressRepository progress,
                                  AuditSubjectKeys auditKeys) {
        this.em = em;
        this.rows = rows;
        this.progress = progress;
        this.auditKeys = auditKeys;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        String customer = customerId.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerProfile", rows.of("SELECT customer_id, country, segment, registered_at, updated_at"
                + " FROM customer_profile WHERE customer_id = ?1", customer));
        data.put("orders", rows.of("SELECT order_id, placed_at, total, currency, shipping_country, billing_country,"
                + " client_ip, ip_country, card_country, channel, imported FROM order_fact WHERE customer_id = ?1"
                + " ORDER BY placed_at", customer));
        data.put("fraudAssessments", rows.of("SELECT order_id, score, decision, reasons, model_version, status,"
                + " assessed_at, review_decision, review_comment, reviewed_at FROM fraud_detection"
                + " WHERE customer_id = ?1 ORDER BY placed_at", customer));
        data.put("paymentStreak", rows.of("SELECT declines_in_a_row, updated_at FROM payment_streak"
                + " WHERE customer_id = ?1", customer));
        data.put("consents", rows.of("SELECT purpose, granted, source, changed_at FROM customer_consent"
                + " WHERE customer_id = ?1 ORDER BY purpose", customer));
        return data;
    }

    /** The customer's client IPs and the officers' comments on their orders. */
    @Override
    @SuppressWarnings("unchecked")
    public List<String> plaintext(UUID customerId) {
        String customer = customerId.toString();
        List<String> plaintext = new ArrayList<>(em.createNativeQuery("SELECT DISTINCT client_ip FROM order_fact"
                + " WHERE customer_id = ?1 AND client_ip IS NOT NULL").setParameter(1, customer).getResultList());
        plaintext.addAll(em.createNativeQuery("SELECT review_comment FROM fraud_detection WHERE customer_id = ?1"
                + " AND review_comment IS NOT NULL").setParameter(1, customer).getResultList());
        return plaintext;
    }

    @Override
    public List<Erasure> erase(UUID customerId) {
        String customer = customerId.toString();
        List<Erasure> done = new ArrayList<>();
        done.add(new Erasure("order_fact", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE order_fact SET client_ip = NULL, card_fingerprint = NULL, shipping_address_hash = NULL
                WHERE customer_id = ?1""", customer)));
        done.add(new Erasure("fraud_detection", PersonalDataErased.PSEUDONYMISED, update("""
                UPDATE fraud_detection SET review_comment = NULL WHERE customer_id = ?1""", customer)));
        done.add(new Erasure("customer_profile", PersonalDataErased.DELETED,
                update("DELETE FROM customer_profile WHERE customer_id = ?1", customer)));
        done.add(new Erasure("payment_streak", PersonalDataErased.DELETED,
                update("DELETE FROM payment_streak WHERE customer_id = ?1", customer)));
        List<ServiceProgress> exports = progress.exportsOf(customerId);
        exports.forEach(ServiceProgress::forgetExport);
        done.add(new Erasure("data_subject_request_service", PersonalDataErased.DELETED, exports.size()));
        done.add(new Erasure("audit_subject_key", PersonalDataErased.DELETED,
                auditKeys.shred(customer) ? 1 : 0));
        return done;
    }

    private int update(String sql, String customer) {
        return em.createNativeQuery(sql).setParameter(1, customer).executeUpdate();
    }
}
