package io.eventcommerce.compliance.privacy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of processing purposes ({@code processing_purpose}, GDPR Art. 30(1)(b)): why the platform processes
 * personal data, on which lawful basis (Art. 6(1)) and in which services. Seeded by migration V10; the gdpr-consent
 * check holds what the services report to it.
 */
@ApplicationScoped
public class ProcessingPurposes {

    /** Art. 6(1)(a), (b), (c), (f). */
    public enum LawfulBasis { CONSENT, CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTEREST }

    /** A service named as processing personal data for a purpose; {@code planned} if it does not run yet. */
    public record Processor(String service, boolean planned) {
    }

    public record Purpose(String code, LawfulBasis lawfulBasis, String description, List<Processor> processors) {

        public boolean consentBased() {
            return lawfulBasis == LawfulBasis.CONSENT;
        }

        public boolean processedBy(String service) {
            return processors.stream().anyMatch(p -> p.service().equals(service));
        }
    }

    private final EntityManager em;

    public ProcessingPurposes(EntityManager em) {
        this.em = em;
    }

    /** Every purpose by code, in code order. */
    @Transactional
    public Map<String, Purpose> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT p.code, p.lawful_basis, p.description, s.service, s.planned
                        FROM processing_purpose p
                        LEFT JOIN processing_purpose_processor s ON s.purpose_code = p.code
                        ORDER BY p.code, s.service""").getResultList();
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Purpose purpose = purposes.computeIfAbsent((String) r[0], code -> new Purpose(code,
                    LawfulBasis.valueOf((String) r[1]), (String) r[2], new ArrayList<>()));
            if (r[3] != null) {
                purpose.processors().add(new Processor((String) r[3],
                        r[4] instanceof Boolean b ? b : ((Number) r[4]).intValue() != 0));
            }
        }
        purposes.replaceAll((code, p) -> new Purpose(code, p.lawfulBasis(), p.description(),
                List.copyOf(p.processors())));
        return purposes;
    }
}
