package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer was registered (or imported from history). Only what scoring and analytics need travels: no name,
 * e-mail or address, so consumers hold no personal data they would have to erase.
 *
 * @param country      ISO 3166-1 alpha-2 code; absent when the customer gave none
 * @param segment      {@code NEW}, {@code REGULAR}, {@code VIP} or {@code WHOLESALE}; consumers treat an unknown
 *                     value as a segment they do not know
 * @param registeredAt when the customer registered; for an imported customer its original registration time
 */
public record CustomerRegistered(UUID customerId, String country, String segment, Instant registeredAt)
        implements DomainEvent {

    public static final EventType<CustomerRegistered> TYPE =
            new EventType<>("CustomerRegistered", 1, Topics.ORDERS_CUSTOMER, CustomerRegistered.class);

    @Override
    public EventType<CustomerRegistered> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
