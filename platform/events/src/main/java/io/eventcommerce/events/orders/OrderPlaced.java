package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was accepted and is waiting for stock and fraud answers (status {@code PENDING}).
 *
 * @param channel  where the order came from ({@code WEB}, {@code MOBILE}, {@code STORE}, {@code PHONE}, {@code API})
 * @param clientIp the address the request came from, for fraud scoring; absent for imports
 * @param discount what the promotion took off the subtotal (zero without one); {@code total = subtotal - discount}
 * @param imported true for an order backfilled by the admin history import: it reached its final status long ago
 *                 (the events of its later steps follow), so the saga must not act on it (no reservation, no fraud
 *                 check); {@code status} is then that final status
 */
public record OrderPlaced(UUID orderId, UUID customerId, String status, String currency, List<OrderLine> lines,
                          BigDecimal subtotal, BigDecimal discount, BigDecimal total, String promotionCode,
                          Address shippingAddress, Address billingAddress, PaymentMethodRef payment,
                          String channel, String clientIp, Instant placedAt,
                          boolean imported)
        implements DomainEvent {

    public static final EventType<OrderPlaced> TYPE =
            new EventType<>("OrderPlaced", 1, Topics.ORDERS_ORDER, OrderPlaced.class);

    /** An order placed now, through the API (not imported). */
    public OrderPlaced(UUID orderId, UUID customerId, String status, String currency, List<OrderLine> lines,
                       BigDecimal subtotal, BigDecimal discount, BigDecimal total, String promotionCode,
                       Address shippingAddress, Address billingAddress, PaymentMethodRef payment, String channel,
                       String clientIp, Instant placedAt) {
        this(orderId, customerId, status, currency, lines, subtotal, discount, total, promotionCode, shippingAddress,
                billingAddress, payment, channel, clientIp, placedAt, false);
    }

    @Override
    public EventType<OrderPlaced> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
