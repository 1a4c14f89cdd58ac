package io.eventcommerce.insights.sales.service;

import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.ZoneOffset;

/**
 * orders.payment's refunds into {@code refund_fact}, each event once and each payment once. A refund travels on
 * another topic than its order and may arrive before it (a rebuild reads both from the start): the reports join it
 * to its order at read time, so nothing here depends on which came first.
 */
@ApplicationScoped
public class Refunds {

    public static final String CONSUMER = "insights-refunds";

    private final EntityManager em;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public Refunds(EntityManager em, Inbox inbox, ReadModelGuard guard) {
        this.guard = guard;
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PaymentRefunded.TYPE, this::refunded)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    private void refunded(PaymentRefunded r) {
        em.createNativeQuery("""
                        INSERT IGNORE INTO refund_fact (payment_id, order_id, amount, refunded_at, refunded_day)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, r.paymentId().toString()).setParameter(2, r.orderId().toString())
                .setParameter(3, r.amount()).setParameter(4, Timestamp.from(r.refundedAt()))
                .setParameter(5, r.refundedAt().atOffset(ZoneOffset.UTC).toLocalDate()).executeUpdate();
    }
}
