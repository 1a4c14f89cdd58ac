package io.eventcommerce.insights.reconciliation.service;

import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.List;

/**
 * orders.totals into {@code source_checkpoint} and {@code source_totals}: the latest checkpoint per day, each event
 * once. A day's row is locked first, so two checkpoints of one day never interleave; one computed before the stored
 * one changes nothing. These are the source's figures, not a read model: a rebuild leaves them alone.
 */
@ApplicationScoped
public class SourceTotals {

    public static final String CONSUMER = "insights-source-totals";

    private final EntityManager em;
    private final EventRoutes routes;

    public SourceTotals(EntityManager em, Inbox inbox) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(DailyOrderTotals.TYPE, this::checkpoint).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void checkpoint(DailyOrderTotals t, IncomingEvent event) {
        Timestamp computedAt = Timestamp.from(t.computedAt());
        em.createNativeQuery("""
                        INSERT IGNORE INTO source_checkpoint (day, computed_at, event_id, received_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, t.day()).setParameter(2, new Timestamp(0)).setParameter(3, event.eventId().toString())
                .setParameter(4, Timestamp.from(Timestamps.now())).executeUpdate();
        int newer = em.createNativeQuery("""
                        UPDATE source_checkpoint SET computed_at = ?2, event_id = ?3, received_at = ?4
                        WHERE day = ?1 AND computed_at < ?2""")
                .setParameter(1, t.day()).setParameter(2, computedAt).setParameter(3, event.eventId().toString())
                .setParameter(4, Timestamp.from(Timestamps.now())).executeUpdate();
        if (newer == 0) {
            return;
        }
        em.createNativeQuery("DELETE FROM source_totals WHERE day = ?1").setParameter(1, t.day()).executeUpdate();
        for (CurrencyTotals c : t.currencies()) {
            insert(t, c);
        }
    }

    private void insert(DailyOrderTotals t, CurrencyTotals c) {
        List<Object> values = List.of(t.day(), c.currency(), c.placedOrders(), c.paidOrders(), c.paidUnits(),
                c.paidGross(), c.paidDiscount(), c.paidNet(), c.salesOrders(), c.salesUnits(), c.salesGross(),
                c.salesDiscount(), c.salesNet(), c.refunds(), c.refundedAmount());
        var insert = em.createNativeQuery("""
                INSERT INTO source_totals (day, currency, placed_orders, paid_orders, paid_units, paid_gross,
                    paid_discount, paid_net, sales_orders, sales_units, sales_gross, sales_discount, sales_net,
                    refunds, refunded_amount)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""");
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }
}
