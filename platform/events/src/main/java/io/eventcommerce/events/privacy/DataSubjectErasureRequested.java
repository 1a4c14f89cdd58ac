package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A data subject asked to be forgotten (GDPR Art. 17). Every service holding personal data erases or pseudonymises
 * it and answers with one {@link PersonalDataErased} for {@code requestId}. Carries ids and times only: the request
 * itself reveals nothing about the person. Keyed by customer id, so one customer's requests (an access before an erasure) are read
 * in the order compliance-service made them.
 *
 * @param deadline when the erasure is due by law (one month from the request, Art. 12(3))
 */
public record DataSubjectErasureRequested(UUID requestId, UUID customerId, Instant requestedAt, Instant deadline)
        implements DomainEvent {

    public static final EventType<DataSubjectErasureRequested> TYPE = new EventType<>("DataSubjectErasureRequested", 1,
            Topics.COMPLIANCE_PRIVACY_REQUEST, DataSubjectErasureRequested.class);

    @Override
    public EventType<DataSubjectErasureRequested> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
