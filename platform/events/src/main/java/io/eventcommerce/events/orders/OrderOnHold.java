package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fraud check asked for a human review; the order waits for the officer's decision. */
public record OrderOnHold(UUID orderId, UUID customerId, BigDecimal fraudScore, List<String> reasons, Instant heldAt)
        implements DomainEvent {

    public static final EventType<OrderOnHold> TYPE =
            new EventType<>("OrderOnHold", 1, Topics.ORDERS_ORDER, OrderOnHold.class);

    @Override
    public EventType<OrderOnHold> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
