package io.eventcommerce.orders.shipment.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.service.OrderEvents;
import io.eventcommerce.orders.payment.service.PaymentService;
import io.eventcommerce.orders.shipment.domain.OrderReturn;
import io.eventcommerce.orders.shipment.domain.OrderReturnRepository;
import io.eventcommerce.orders.shipment.domain.Shipment;
import io.eventcommerce.orders.shipment.domain.ShipmentRepository;
import io.eventcommerce.orders.shipment.domain.ShipmentStatus;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * After payment: the order ships (PAID → SHIPPED), is delivered (→ DELIVERED) and may come back (→ RETURNED, refunded).
 * Each step locks the order row, so it cannot interleave with a cancellation or another step, and publishes its
 * event in the same transaction.
 */
@ApplicationScoped
public class FulfilmentService {

    private final OrderRepository orders;
    private final ShipmentRepository shipments;
    private final OrderReturnRepository returns;
    private final PaymentService payments;
    private final OrderEvents events;
    private final OrdersConfig config;

    public FulfilmentService(OrderRepository orders, ShipmentRepository shipments, OrderReturnRepository returns,
                             PaymentService payments, OrderEvents events, OrdersConfig config) {
        this.orders = orders;
        this.shipments = shipments;
        this.returns = returns;
        this.payments = payments;
        this.events = events;
        this.config = config;
    }

    /** Ships a PAID order whole; publishes {@code OrderShipped} (catalog-service books the stock out). */
    @Transactional
    public Shipment ship(UUID orderId, String carrier, String trackingNumber) {
        Order order = lock(orderId);
        if (shipments.forOrder(orderId).isPresent()) {
            throw DomainException.conflict("The order has already shipped");
        }
        if (shipments.trackingTaken(carrier, trackingNumber)) {
            throw DomainException.conflict("Tracking number " + trackingNumber + " of " + carrier
                    + " belongs to another shipment");
        }
        Instant now = Timestamps.now();
        order.markShipped(now);
        Shipment shipment = new Shipment(UUID.randomUUID(), orderId, carrier, trackingNumber, now);
        shipments.persist(shipment);
        orders.flush();
        events.shipped(order, shipment);
        return shipment;
    }

    /**
     * Records where the parcel is; DELIVERED also moves the order and publishes {@code OrderDelivered} (which makes
     * the customer a verified buyer of its products).
     */
    @Transactional
    public Shipment track(UUID orderId, UUID shipmentId, ShipmentStatus status) {
        Order order = lock(orderId);
        Shipment shipment = shipment(orderId, shipmentId);
        if (!shipment.status().canMoveTo(status)) {
            throw DomainException.conflict("A shipment that is " + shipment.status() + " cannot become " + status);
        }
        Instant now = Timestamps.now();
        shipment.track(status, now);
        if (status == ShipmentStatus.DELIVERED) {
            order.markDelivered(now);
            orders.flush();
            events.delivered(order, shipment);
        }
        return shipment;
    }

    /**
     * Takes a delivered order back within the return window: records the refund of its payment in full (made by
     * RefundProcess right after, outside this transaction) and publishes
     * {@code OrderReturned} (catalog-service restocks it if {@code restock}).
     */
    @Transactional
    public OrderReturn returned(UUID orderId, String reason, boolean restock, String recordedBy) {
        Order order = lock(orderId);
        Instant now = Timestamps.now();
        if (order.status() == OrderStatus.DELIVERED) {
            Instant deliveredAt = shipments.forOrder(orderId).map(Shipment::deliveredAt).orElseThrow();
            if (now.isAfter(deliveredAt.plus(config.returns().window()))) {
                throw DomainException.conflict("The return window of " + config.returns().window().toDays()
                        + " days after delivery (" + deliveredAt + ") has closed");
            }
        }
        order.markReturned(now);
        BigDecimal refunded = payments.requestRefund(order, "RETURN", now);
        OrderReturn returned = new OrderReturn(orderId, reason, restock, refunded, recordedBy, now);
        returns.persist(returned);
        orders.flush();
        events.returned(order, returned);
        return returned;
    }

    public Optional<Shipment> shipmentOf(UUID orderId) {
        return shipments.forOrder(orderId);
    }

    public Optional<OrderReturn> returnOf(UUID orderId) {
        return returns.findByIdOptional(orderId);
    }

    private Order lock(UUID orderId) {
        return orders.lock(orderId).orElseThrow(() -> DomainException.notFound("Order", orderId));
    }

    private Shipment shipment(UUID orderId, UUID shipmentId) {
        return shipments.findByIdOptional(shipmentId).filter(s -> s.orderId().equals(orderId))
                .orElseThrow(() -> DomainException.notFound("Shipment", shipmentId));
    }
}
