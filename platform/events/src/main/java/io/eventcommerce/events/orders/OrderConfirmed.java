package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Stock is reserved and the fraud check approved: the order will be charged. */
public record OrderConfirmed(UUID orderId, UUID customerId, BigDecimal total, String currency, Instant confirmedAt)
        implements DomainEvent {

    public static final EventType<OrderConfirmed> TYPE =
            new EventType<>("OrderConfirmed", 1, Topics.ORDERS_ORDER, OrderConfirmed.class);

    @Override
    public EventType<OrderConfirmed> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
