package io.eventcommerce.compliance.privacy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentBasedProcessingRequested;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gdpr-consent check's question to every service, which customers it processes now for purposes that need
 * consent (ConsentBasedProcessingRequested on compliance.privacy-request), and their answers as they arrive on
 * compliance.privacy-response (ConsentBasedProcessingReported, through PrivacyAnswers). A question and its answers
 * live for one run of the check: it forgets them once it has judged (the run keeps its evidence), and an answer to a
 * question forgotten already is dropped.
 */
@ApplicationScoped
public class ConsentCensus {

    private static final Logger LOG = Logger.getLogger(ConsentCensus.class);
    private static final TypeReference<Map<String, List<UUID>>> CUSTOMERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ConsentCensus(EntityManager em, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
    }

    /** Asks every service; committed at once (its own transaction), so the question leaves while the caller waits. */
    public UUID ask() {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO consent_census (id, requested_at) VALUES (?1, ?2)")
                    .setParameter(1, id.toString()).setParameter(2, Timestamp.from(now)).executeUpdate();
            outbox.publish(new ConsentBasedProcessingRequested(id, now));
        });
        return id;
    }

    /** Keeps one service's answer (its first: a redelivered or repeated one changes nothing); the handler's tx. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(ConsentBasedProcessingReported answer) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO consent_census_answer (census_id, service, customers, answered_at)
                        SELECT id, ?2, ?3, ?4 FROM consent_census c WHERE c.id = ?1
                          AND NOT EXISTS (SELECT 1 FROM consent_census_answer a
                                          WHERE a.census_id = ?1 AND a.service = ?2)""")
                .setParameter(1, answer.requestId().toString()).setParameter(2, answer.service())
                .setParameter(3, write(answer.customers())).setParameter(4, Timestamp.from(Timestamps.now()))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("answer of %s to consent census %s dropped (census forgotten or answered already)",
                    answer.service(), answer.requestId());
        }
    }

    /** The answers so far: service → purpose code → customer ids. */
    public Map<String, Map<String, List<UUID>>> answers(UUID census) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT service, customers FROM consent_census_answer WHERE census_id = ?1
                            ORDER BY service""").setParameter(1, census.toString()).getResultList();
            Map<String, Map<String, List<UUID>>> answers = new LinkedHashMap<>();
            for (Object[] r : rows) {
                answers.put((String) r[0], read(r[1].toString()));
            }
            return answers;
        });
    }

    /** Forgets the question and its answers. */
    public void forget(UUID census) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM consent_census_answer WHERE census_id = ?1")
                    .setParameter(1, census.toString()).executeUpdate();
            em.createNativeQuery("DELETE FROM consent_census WHERE id = ?1")
                    .setParameter(1, census.toString()).executeUpdate();
        });
    }

    private String write(Map<String, List<UUID>> customers) {
        try {
            return json.writeValueAsString(customers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<UUID>> read(String text) {
        try {
            return json.readValue(text, CUSTOMERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable consent census answer", e);
        }
    }
}
