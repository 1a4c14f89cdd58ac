package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivered order came back and was refunded ({@code PaymentRefunded} follows on orders.payment).
 *
 * @param restock whether the goods go back on the shelf (catalog-service books them as a RETURN into the warehouse
 *                they shipped from); false for damaged goods
 */
public record OrderReturned(UUID orderId, UUID customerId, String reason, boolean restock,
                            BigDecimal refundedAmount, String currency, Instant returnedAt)
        implements DomainEvent {

    public static final EventType<OrderReturned> TYPE =
            new EventType<>("OrderReturned", 1, Topics.ORDERS_ORDER, OrderReturned.class);

    @Override
    public EventType<OrderReturned> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
