package io.eventcommerce.servicekit.privacy;

import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one service holds about a customer and how it forgets them: the only part of a data-subject answer that
 * differs between services. {@link DataSubjectRequests} does the rest (the inbox, the order of the steps, the
 * self-check, the answer on the outbox), so a service that starts holding personal data implements this once, as one
 * bean, and gets the same answers as every other.
 *
 * <p>Every method runs in the request's transaction, so the answer is published if and only if the effect commits.
 */
public interface PersonalData {

    /**
     * Everything the service holds about the customer, as stored: table or aggregate name → rows (usually
     * {@link ExportRows}). Becomes {@code PersonalDataExported.data}; a name without rows is kept with an empty list.
     */
    Map<String, Object> export(UUID customerId);

    /**
     * The plaintext values that identify the customer in the service's schema now (names, e-mail addresses, address
     * lines, IPs, free text they wrote): what the {@link PlaintextScan self-check} must no longer find after
     * {@link #erase}. Asked before the erasure; never published. Values shared by too many people to identify anyone
     * (a city, a country) are better left out: the scan would find everybody else's.
     */
    Collection<String> plaintext(UUID customerId);

    /**
     * Erases, anonymises or pseudonymises the customer's data and says per table what was done to how many rows (the
     * answer's evidence: counts, never values). Must be idempotent: a second erasure of the same customer finds
     * nothing left to change.
     */
    List<Erasure> erase(UUID customerId);

    /**
     * The customers whose data the service processes now for purposes that need their consent: purpose code (of
     * {@code ConsentPurposes}, or the service's own if it has one the platform does not know yet) → customer ids. The
     * answer to compliance-service's {@code gdpr-consent} check, which holds every id to a current consent. Empty by
     * default: a service that processes only to fulfil orders, prevent fraud or keep the books needs no consent.
     */
    default Map<String, Set<UUID>> consentBasedProcessing() {
        return Map.of();
    }
}
