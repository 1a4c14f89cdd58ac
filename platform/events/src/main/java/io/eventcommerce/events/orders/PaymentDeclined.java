package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The gateway refused to authorize the order's amount.
 *
 * @param code the gateway's reason: {@code card_declined}, {@code insufficient_funds}, {@code expired_card}, ...
 */
public record PaymentDeclined(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
                              String code, PaymentMethodRef method, Instant declinedAt)
        implements DomainEvent {

    public static final EventType<PaymentDeclined> TYPE =
            new EventType<>("PaymentDeclined", 1, Topics.ORDERS_PAYMENT, PaymentDeclined.class);

    @Override
    public EventType<PaymentDeclined> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
