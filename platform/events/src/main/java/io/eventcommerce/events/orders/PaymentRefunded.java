package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Money of a captured payment went back to the customer (a cancellation after payment, or a return). */
public record PaymentRefunded(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
                              String gatewayReference, String reason, Instant refundedAt) implements DomainEvent {

    public static final EventType<PaymentRefunded> TYPE =
            new EventType<>("PaymentRefunded", 1, Topics.ORDERS_PAYMENT, PaymentRefunded.class);

    @Override
    public EventType<PaymentRefunded> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
