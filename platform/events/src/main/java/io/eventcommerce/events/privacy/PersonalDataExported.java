package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One service's answer to a {@link DataSubjectAccessRequested}: everything it holds about the customer. The only
 * event of the platform that carries personal data on purpose, so it travels on compliance.privacy-response, whose
 * records Kafka deletes after a bounded retention (never compacted, never kept as history), and compliance-service
 * keeps the assembled export in its own schema.
 *
 * @param service the answering service ({@code orders-service})
 * @param data    the service's data about the customer: a JSON object, table or aggregate name → rows
 */
public record PersonalDataExported(UUID requestId, String service, Map<String, Object> data, Instant exportedAt)
        implements DomainEvent {

    public static final EventType<PersonalDataExported> TYPE = new EventType<>("PersonalDataExported", 1,
            Topics.COMPLIANCE_PRIVACY_RESPONSE, PersonalDataExported.class);

    @Override
    public EventType<PersonalDataExported> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
