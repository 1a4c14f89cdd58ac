package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One service's answer to a {@link ConsentBasedProcessingRequested}: per purpose code, the customers whose data it
 * processes for that purpose now (their ids: pseudonyms, no personal data). compliance-service holds every id to a
 * current consent; a purpose it does not know as consent-based is a finding too, so a service reports every purpose
 * it processes for on the customer's consent, known or not.
 *
 * @param service   the answering service
 * @param customers purpose code → customer ids; empty when the service processes for no consent-based purpose
 */
public record ConsentBasedProcessingReported(UUID requestId, String service, Map<String, List<UUID>> customers,
                                             Instant reportedAt) implements DomainEvent {

    public static final EventType<ConsentBasedProcessingReported> TYPE = new EventType<>(
            "ConsentBasedProcessingReported", 1, Topics.COMPLIANCE_PRIVACY_RESPONSE,
            ConsentBasedProcessingReported.class);

    @Override
    public EventType<ConsentBasedProcessingReported> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
