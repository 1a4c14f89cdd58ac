package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * compliance-service asks every service which customers it processes now for purposes that need consent (its check
 * {@code gdpr-consent}). Every service answers with one {@link ConsentBasedProcessingReported} for
 * {@code requestId}, an empty one if it processes for none. About no one: keyed by the request id.
 */
public record ConsentBasedProcessingRequested(UUID requestId, Instant requestedAt) implements DomainEvent {

    public static final EventType<ConsentBasedProcessingRequested> TYPE = new EventType<>(
            "ConsentBasedProcessingRequested", 1, Topics.COMPLIANCE_PRIVACY_REQUEST,
            ConsentBasedProcessingRequested.class);

    @Override
    public EventType<ConsentBasedProcessingRequested> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
