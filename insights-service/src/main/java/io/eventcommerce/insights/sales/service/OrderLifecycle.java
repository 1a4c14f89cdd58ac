package io.eventcommerce.insights.sales.service;

import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * orders.order into the sales read models, each event once (inbox) and in the transaction of its effect. An order's
 * events share its key, so they arrive in order: placed, then its moves. Its status moves in revenue-by-status; it
 * counts as a sale once paid (daily sales, customers, cohorts, products) and its units become returns when it is
 * returned or cancelled after payment. Money returned is orders.payment's (Refunds), never counted here.
 */
@ApplicationScoped
public class OrderLifecycle {

    public static final String CONSUMER = "insights-orders";

    private final OrderFacts facts;
    private final SalesLedger ledger;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public OrderLifecycle(OrderFacts facts, SalesLedger ledger, Inbox inbox, ReadModelGuard guard) {
        this.guard = guard;
        this.facts = facts;
        this.ledger = ledger;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(OrderPlaced.TYPE, facts::placed)
                .on(OrderOnHold.TYPE, (OrderOnHold o) -> facts.move(o.orderId(), "ON_HOLD"))
                .on(OrderConfirmed.TYPE, (OrderConfirmed o) -> facts.move(o.orderId(), "CONFIRMED"))
                .on(OrderPaid.TYPE, (OrderPaid o) -> paid(o.orderId(), o.paidAt()))
                .on(OrderShipped.TYPE, (OrderShipped o) -> facts.move(o.orderId(), "SHIPPED"))
                .on(OrderDelivered.TYPE, (OrderDelivered o) -> facts.move(o.orderId(), "DELIVERED"))
                .on(OrderReturned.TYPE, (OrderReturned o) -> undone(o.orderId(), "RETURNED", o.returnedAt()))
                .on(OrderCancelled.TYPE, (OrderCancelled o) -> undone(o.orderId(), "CANCELLED", o.cancelledAt()))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    private void paid(UUID orderId, Instant paidAt) {
        facts.move(orderId, "PAID");
        facts.markPaid(orderId, paidAt).ifPresent(ledger::sold);
    }

    private void undone(UUID orderId, String status, Instant at) {
        facts.move(orderId, status);
        facts.markUndone(orderId, at).ifPresent(ledger::undone);
    }
}
