package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A data subject asked what the platform holds about them (GDPR Art. 15). Every service holding personal data answers
 * with one {@link PersonalDataExported} for {@code requestId}. Carries ids and times only: the request itself reveals
 * nothing about the person. Keyed by customer id, so one customer's requests (an access before an erasure) are read
 * in the order compliance-service made them.
 *
 * @param deadline when the answer is due by law (one month from the request, Art. 12(3))
 */
public record DataSubjectAccessRequested(UUID requestId, UUID customerId, Instant requestedAt, Instant deadline)
        implements DomainEvent {

    public static final EventType<DataSubjectAccessRequested> TYPE = new EventType<>("DataSubjectAccessRequested", 1,
            Topics.COMPLIANCE_PRIVACY_REQUEST, DataSubjectAccessRequested.class);

    @Override
    public EventType<DataSubjectAccessRequested> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
