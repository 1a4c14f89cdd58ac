package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's country or segment changed. Carries the whole state of the customer on orders.customer (a snapshot,
 * as the topic is compacted), not only what changed; like {@link CustomerRegistered}, no personal data.
 */
public record CustomerUpdated(UUID customerId, String country, String segment, Instant updatedAt)
        implements DomainEvent {

    public static final EventType<CustomerUpdated> TYPE =
            new EventType<>("CustomerUpdated", 1, Topics.ORDERS_CUSTOMER, CustomerUpdated.class);

    @Override
    public EventType<CustomerUpdated> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
