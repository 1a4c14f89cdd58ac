package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The payment was captured. */
public record OrderPaid(UUID orderId, UUID customerId, UUID paymentId, BigDecimal amount, String currency,
                        Instant paidAt)
        implements DomainEvent {

    public static final EventType<OrderPaid> TYPE =
            new EventType<>("OrderPaid", 1, Topics.ORDERS_ORDER, OrderPaid.class);

    @Override
    public EventType<OrderPaid> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
