package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer received the order. It makes the customer a verified buyer of {@code productIds} (catalog-service
 * accepts their reviews from then on).
 */
public record OrderDelivered(UUID orderId, UUID customerId, UUID shipmentId, List<UUID> productIds,
                             Instant deliveredAt)
        implements DomainEvent {

    public static final EventType<OrderDelivered> TYPE =
            new EventType<>("OrderDelivered", 1, Topics.ORDERS_ORDER, OrderDelivered.class);

    @Override
    public EventType<OrderDelivered> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
