package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The order's amount was authorized and captured by the payment gateway. */
public record PaymentCaptured(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
                              String gatewayReference, PaymentMethodRef method, Instant capturedAt)
        implements DomainEvent {

    public static final EventType<PaymentCaptured> TYPE =
            new EventType<>("PaymentCaptured", 1, Topics.ORDERS_PAYMENT, PaymentCaptured.class);

    @Override
    public EventType<PaymentCaptured> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
