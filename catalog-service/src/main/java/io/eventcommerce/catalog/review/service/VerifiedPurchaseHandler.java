package io.eventcommerce.catalog.review.service;

import io.eventcommerce.catalog.review.domain.VerifiedPurchase;
import io.eventcommerce.catalog.review.domain.VerifiedPurchaseRepository;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Learns verified purchases from OrderDelivered: the customer may review each product of the order. */
@ApplicationScoped
public class VerifiedPurchaseHandler {

    public static final String CONSUMER = "verified-purchases";

    private final VerifiedPurchaseRepository purchases;
    private final EventRoutes routes;

    public VerifiedPurchaseHandler(VerifiedPurchaseRepository purchases, Inbox inbox) {
        this.purchases = purchases;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(OrderDelivered.TYPE, this::delivered).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void delivered(OrderDelivered delivered) {
        for (UUID productId : delivered.productIds()) {
            // The first delivery of a product to a customer is the one a review refers to.
            if (purchases.findByIdOptional(new VerifiedPurchase.Key(delivered.customerId(), productId)).isEmpty()) {
                purchases.persist(new VerifiedPurchase(delivered.customerId(), productId, delivered.orderId(),
                        delivered.deliveredAt()));
            }
        }
    }
}
