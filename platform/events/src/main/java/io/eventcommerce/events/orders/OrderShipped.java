package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The order left the warehouse: the stock held for it is gone for good (catalog-service turns its reservations
 * into shipments in the ledger).
 */
public record OrderShipped(UUID orderId, UUID customerId, UUID shipmentId, String carrier, String trackingNumber,
                           Instant shippedAt)
        implements DomainEvent {

    public static final EventType<OrderShipped> TYPE =
            new EventType<>("OrderShipped", 1, Topics.ORDERS_ORDER, OrderShipped.class);

    @Override
    public EventType<OrderShipped> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
