package io.eventcommerce.orders.order.service;

import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderLine;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.shipment.domain.OrderReturn;
import io.eventcommerce.orders.shipment.domain.Shipment;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Turns what happened to an order into its events on orders.order, through the outbox, and counts saga outcomes. */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;
    private final PromotionUses promotions;
    private final MeterRegistry meters;

    public OrderEvents(Outbox outbox, PromotionUses promotions, MeterRegistry meters) {
        this.outbox = outbox;
        this.promotions = promotions;
        this.meters = meters;
    }

    public void placed(Order order, PaymentMethod method) {
        placed(order, method, false);
    }

    /** {@code imported}: backfilled history, which the saga's participants must not act on. */
    public void placed(Order order, PaymentMethod method, boolean imported) {
        List<io.eventcommerce.events.orders.OrderLine> lines = order.lines().stream().map(OrderEvents::line).toList();
        outbox.publish(new OrderPlaced(order.id(), order.customerId(), order.status().name(), order.currency(), lines,
                order.subtotal(), order.discount(), order.total(), order.promotionCode(),
                address(order.shippingAddress()), address(order.billingAddress()), ref(method),
                order.channel().name(), order.clientIp(), order.createdAt(), imported));
    }

    /**
     * The event of the status the saga or a person just moved the order to (ON_HOLD, CONFIRMED, CANCELLED). A
     * cancelled order also gives back its use of a promotion code here, since every cancellation passes through.
     */
    public void moved(Order order, OrderStatus previous, Instant now) {
        if (order.status() == OrderStatus.CANCELLED) {
            promotions.release(order.id(), now);
        }
        switch (order.status()) {
            case ON_HOLD -> outbox.publish(new OrderOnHold(order.id(), order.customerId(), order.fraudScore(),
                    order.fraudReasons(), now));
            case CONFIRMED -> outbox.publish(new OrderConfirmed(order.id(), order.customerId(), order.total(),
                    order.currency(), now));
            case CANCELLED -> outbox.publish(new OrderCancelled(order.id(), order.customerId(),
                    order.cancelReason().name(), order.statusDetail(), previous.name(), now));
            default -> throw new IllegalStateException("no event for a move to " + order.status());
        }
        meters.counter("eventcommerce.orders.saga", "outcome", order.status() == OrderStatus.CANCELLED
                ? "cancelled_" + order.cancelReason().name().toLowerCase() : order.status().name().toLowerCase())
                .increment();
    }

    /** The cancellation of an order imported from history: it gave nothing back (nothing was held for it). */
    public void cancelledImported(Order order, OrderStatus previous, Instant cancelledAt) {
        outbox.publish(new OrderCancelled(order.id(), order.customerId(), order.cancelReason().name(),
                order.statusDetail(), previous.name(), cancelledAt));
    }

    public void shipped(Order order, Shipment shipment) {
        outbox.publish(new OrderShipped(order.id(), order.customerId(), shipment.id(), shipment.carrier(),
                shipment.trackingNumber(), shipment.shippedAt()));
    }

    public void delivered(Order order, Shipment shipment) {
        outbox.publish(new OrderDelivered(order.id(), order.customerId(), shipment.id(),
                order.lines().stream().map(OrderLine::productId).distinct().toList(), shipment.deliveredAt()));
    }

    public void returned(Order order, OrderReturn returned) {
        outbox.publish(new OrderReturned(order.id(), order.customerId(), returned.reason(), returned.restock(),
                returned.refundedAmount(), order.currency(), returned.returnedAt()));
    }

    public static PaymentMethodRef ref(PaymentMethod m) {
        return m == null ? null : new PaymentMethodRef(m.id(), m.brand(), m.last4(), m.expMonth(), m.expYear(),
                m.issuerCountry(), m.cardFingerprint());
    }

    private static Address address(PostalAddress a) {
        return a == null ? null : new Address(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(),
                a.country());
    }

    private static io.eventcommerce.events.orders.OrderLine line(OrderLine l) {
        return new io.eventcommerce.events.orders.OrderLine(l.lineNo(), l.productId(), l.sku(), l.name(), l.quantity(),
                l.unitPrice(), l.lineTotal(), l.productVersion());
    }
}
