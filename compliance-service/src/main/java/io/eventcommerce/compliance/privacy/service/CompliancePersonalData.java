package io.eventcommerce.compliance.privacy.service;

import io.eventcommerce.compliance.audit.service.AuditSubjectKeys;
import io.eventcommerce.compliance.privacy.domain.ServiceProgress;
import io.eventcommerce.compliance.privacy.domain.ServiceProgressRepository;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.privacy.ExportRows;
import io.eventcommerce.servicekit.privacy.PlaintextScan;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * compliance-service's own answer to a data-subject request (it consumes compliance.privacy-request like every
 * service): what fraud scoring holds about the customer. The customer id stays (it is the platform's pseudonym of the
 * person, and fraud decisions are kept for the prevention of fraud, GDPR Art. 17(3)(b) and recital 47); what
 * identifies the person beyond it goes: IP addresses, card and address fingerprints (a hash of a guessed address
 * finds it again), the officers' free-text comments, the customer profile, the exports of earlier access
 * requests kept here, and the customer's key of the audit trail (crypto-shredding, {@link AuditSubjectKeys#shred}:
 * the entries about the customer stay and the chain still verifies, but their personal-data fields cannot be read
 * again). The key is destroyed in a transaction of its own, so a retried erasure finds it gone (idempotent).
 */
@ApplicationScoped
public class CompliancePersonalData {

    public static final String CONSUMER = "privacy-requests";

    private final EntityManager em;
    private final ExportRows rows;
    private final PlaintextScan scan;
    private final ServiceProgressRepository progress;
    private final Outbox outbox;
    private final String service;
    private final EventRoutes routes;
    private final AuditSubjectKeys auditKeys;

    public CompliancePersonalData(EntityManager em, ExportRows rows, PlaintextScan scan,
                                  ServiceProgressRepository progress, Outbox outbox, Inbox inbox,
                                  AuditSubjectKeys auditKeys,
                                  @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.auditKeys = auditKeys;
        this.rows = rows;
        this.scan = scan;
        this.progress = progress;
        this.outbox = outbox;
        this.service = service;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(DataSubjectAccessRequested.TYPE, this::export)
                .on(DataSubjectErasureRequested.TYPE, this::erase)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void export(DataSubjectAccessRequested request) {
        String customer = request.customerId().toString();
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
        outbox.publish(new PersonalDataExported(request.requestId(), service, data, Timestamps.now()));
    }

    private void erase(DataSubjectErasureRequested request) {
        String customer = request.customerId().toString();
        @SuppressWarnings("unchecked")
        List<String> plaintext = new ArrayList<>(em.createNativeQuery("SELECT DISTINCT client_ip FROM order_fact"
                + " WHERE customer_id = ?1 AND client_ip IS NOT NULL").setParameter(1, customer).getResultList());
        plaintext.addAll(em.createNativeQuery("SELECT review_comment FROM fraud_detection WHERE customer_id = ?1"
                + " AND review_comment IS NOT NULL").setParameter(1, customer).getResultList());
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
        List<ServiceProgress> exports = progress.exportsOf(request.customerId());
        exports.forEach(ServiceProgress::forgetExport);
        done.add(new Erasure("data_subject_request_service", PersonalDataErased.DELETED, exports.size()));
        done.add(new Erasure("audit_subject_key", PersonalDataErased.DELETED,
                auditKeys.shred(request.customerId().toString()) ? 1 : 0));
        em.flush();
        PlaintextScan.Result check = scan.search(plaintext);
        outbox.publish(new PersonalDataErased(request.requestId(), service, done, check.columnsScanned(),
                check.matches(), Timestamps.now()));
    }

    private int update(String sql, String customer) {
        return em.createNativeQuery(sql).setParameter(1, customer).executeUpdate();
    }
}
