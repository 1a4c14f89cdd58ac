package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The order will not be fulfilled. Whoever holds something for it (stock reservations) releases it; if it was
 * paid, a {@code PaymentRefunded} follows on orders.payment.
 *
 * @param reason         a stable code: {@code OUT_OF_STOCK}, {@code FRAUD_REJECTED}, {@code PAYMENT_DECLINED},
 *                       {@code TIMEOUT}, {@code CUSTOMER_REQUEST}, {@code SUPPORT_REQUEST}
 * @param detail         the same for a person
 * @param previousStatus the status the order was cancelled from
 */
public record OrderCancelled(UUID orderId, UUID customerId, String reason, String detail, String previousStatus,
                             Instant cancelledAt)
        implements DomainEvent {

    public static final EventType<OrderCancelled> TYPE =
            new EventType<>("OrderCancelled", 1, Topics.ORDERS_ORDER, OrderCancelled.class);

    @Override
    public EventType<OrderCancelled> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
