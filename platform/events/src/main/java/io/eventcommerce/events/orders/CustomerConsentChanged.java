package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer gave or withdrew consent to one processing purpose (GDPR Art. 6(1)(a), 7). One event per purpose and
 * change, on orders.customer beside the customer's other events. Keyed by {@code <customerId>:<purpose>}, not by the
 * customer id alone: the topic is compacted, and one key per customer would let a consent change remove the
 * customer's last CustomerUpdated snapshot (and a change of one purpose the state of another). One purpose's changes
 * stay in order on one partition; a replica keeps the newest {@code changedAt} per customer and purpose. Like the
 * other customer events, no personal data: the customer id is a pseudonym.
 *
 * @param purpose   a code of {@link io.eventcommerce.events.privacy.ConsentPurposes}; consumers treat an unknown code
 *                  as a purpose they do not process
 * @param granted   true: consent given; false: withdrawn (or refused)
 * @param source    who changed it: {@code customer} (the person), {@code support} (staff on the person's word),
 *                  {@code import} or {@code erasure} (withdrawn by the customer's erasure)
 * @param changedAt when orders-service recorded the change (orders a purpose's changes)
 */
public record CustomerConsentChanged(UUID customerId, String purpose, boolean granted, String source,
                                     Instant changedAt) implements DomainEvent {

    public static final EventType<CustomerConsentChanged> TYPE =
            new EventType<>("CustomerConsentChanged", 1, Topics.ORDERS_CUSTOMER, CustomerConsentChanged.class);

    @Override
    public EventType<CustomerConsentChanged> eventType() {
        return TYPE;
    }

    /** {@code <customerId>:<purpose>}: the compaction key of one customer's consent to one purpose. */
    @Override
    public String aggregateId() {
        return customerId + ":" + purpose;
    }
}
