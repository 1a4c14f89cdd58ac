package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.copilot.replica.domain.Allocation;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * orders.payment's refunds into {@code order_refund}, each event once and each refund once, and from there into the
 * order's {@code refunded} and its lines' shares (by net). A refund travels on another topic than its order and may
 * come first: it waits in {@code order_refund}, and the order's arrival allocates it ({@link OrderFacts}).
 */
@ApplicationScoped
public class RefundFacts {

    public static final String CONSUMER = "copilot-refunds";

    private final EntityManager em;
    private final EventRoutes routes;

    public RefundFacts(EntityManager em, Inbox inbox) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(PaymentRefunded.TYPE, this::refunded).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void refunded(PaymentRefunded r) {
        int inserted = em.createNativeQuery("""
                        INSERT IGNORE INTO order_refund (payment_id, refunded_at, order_id, amount)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, r.paymentId().toString()).setParameter(2, Timestamp.from(r.refundedAt()))
                .setParameter(3, r.orderId().toString()).setParameter(4, r.amount()).executeUpdate();
        if (inserted == 1) {
            allocate(r.orderId());
        }
    }

    /** The order's refunds so far onto the order and its lines; nothing while the order is not here yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocate(UUID orderId) {
        String id = orderId.toString();
        BigDecimal refunded = (BigDecimal) em.createNativeQuery(
                        "SELECT COALESCE(SUM(amount), 0) FROM order_refund WHERE order_id = ?1")
                .setParameter(1, id).getSingleResult();
        em.createNativeQuery("UPDATE fact_order SET refunded = ?2 WHERE order_id = ?1")
                .setParameter(1, id).setParameter(2, refunded).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery(
                        "SELECT line_no, net FROM fact_order_line WHERE order_id = ?1 ORDER BY line_no FOR UPDATE")
                .setParameter(1, id).getResultList();
        List<BigDecimal> shares = Allocation.split(refunded, lines.stream().map(l -> (BigDecimal) l[1]).toList());
        for (int i = 0; i < lines.size(); i++) {
            em.createNativeQuery("UPDATE fact_order_line SET refunded = ?3 WHERE order_id = ?1 AND line_no = ?2")
                    .setParameter(1, id).setParameter(2, lines.get(i)[0]).setParameter(3, shares.get(i))
                    .executeUpdate();
        }
    }
}
