package io.eventcommerce.orders.totals.service;

import io.eventcommerce.events.orders.CurrencyTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One UTC day's figures from orders-service's own tables, defined as insights-service's read models define them
 * (order_fact, refund_fact, daily_sales), so the two can be compared:
 * <ul>
 *     <li>placed: orders created that day (OrderPlaced's placedAt is the order's created_at);</li>
 *     <li>paid: of them, those OrderPaid was published for: PAID, SHIPPED, DELIVERED, RETURNED, or CANCELLED with a
 *     payment taken before the cancellation (a capture recorded after it is a late capture: PaymentCaptured, no
 *     OrderPaid, refunded);</li>
 *     <li>sales: paid and not returned or cancelled since (insights' {@code paid_at IS NOT NULL AND undone_at IS
 *     NULL});</li>
 *     <li>refunds: payments refunded that day (PaymentRefunded's refundedAt is the payment's updated_at, the last
 *     change of a refunded payment), by the payment's currency.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DailyTotalsQuery {

    // A cancelled order's updated_at is its cancellation (final: nothing moves it afterwards).
    private static final String PAID = """
            (o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'RETURNED') OR (o.status = 'CANCELLED' AND EXISTS (
                SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.status IN ('CAPTURED', 'REFUNDED')
                    AND p.created_at < o.updated_at)))""";

    private static final String ORDERS = """
            SELECT o.currency, COUNT(*),
                SUM(CASE WHEN %1$s THEN 1 ELSE 0 END),
                SUM(CASE WHEN %1$s THEN u.units ELSE 0 END),
                SUM(CASE WHEN %1$s THEN o.subtotal ELSE 0 END),
                SUM(CASE WHEN %1$s THEN o.discount ELSE 0 END),
                SUM(CASE WHEN %1$s THEN o.total ELSE 0 END),
                SUM(CASE WHEN %1$s AND o.status NOT IN ('RETURNED', 'CANCELLED') THEN 1 ELSE 0 END),
                SUM(CASE WHEN %1$s AND o.status NOT IN ('RETURNED', 'CANCELLED') THEN u.units ELSE 0 END),
                SUM(CASE WHEN %1$s AND o.status NOT IN ('RETURNED', 'CANCELLED') THEN o.subtotal ELSE 0 END),
                SUM(CASE WHEN %1$s AND o.status NOT IN ('RETURNED', 'CANCELLED') THEN o.discount ELSE 0 END),
                SUM(CASE WHEN %1$s AND o.status NOT IN ('RETURNED', 'CANCELLED') THEN o.total ELSE 0 END)
            FROM customer_order o
            JOIN (SELECT i.order_id, SUM(i.quantity) AS units FROM order_item i
                  JOIN customer_order d ON d.id = i.order_id AND d.created_at >= ?1 AND d.created_at < ?2
                  GROUP BY i.order_id) u ON u.order_id = o.id
            WHERE o.created_at >= ?1 AND o.created_at < ?2
            GROUP BY o.currency""".formatted(PAID);

    private final EntityManager em;

    public DailyTotalsQuery(EntityManager em) {
        this.em = em;
    }

    /** The day's figures per currency, sorted by currency; none for a day without orders or refunds. */
    public List<CurrencyTotals> of(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, Object[]> orders = new TreeMap<>();
        for (Object[] r : rows(ORDERS, from, to)) {
            orders.put((String) r[0], r);
        }
        Map<String, Object[]> refunds = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT currency, COUNT(*), SUM(amount) FROM payment
                WHERE status = 'REFUNDED' AND updated_at >= ?1 AND updated_at < ?2
                GROUP BY currency""", from, to)) {
            refunds.put((String) r[0], r);
        }
        Map<String, Boolean> currencies = new TreeMap<>();
        orders.keySet().forEach(c -> currencies.put(c, true));
        refunds.keySet().forEach(c -> currencies.put(c, true));
        return currencies.keySet().stream().map(c -> totals(c, orders.get(c), refunds.get(c))).toList();
    }

    private static CurrencyTotals totals(String currency, Object[] o, Object[] r) {
        return new CurrencyTotals(currency, count(o, 1),
                count(o, 2), count(o, 3), money(o, 4), money(o, 5), money(o, 6),
                count(o, 7), count(o, 8), money(o, 9), money(o, 10), money(o, 11),
                count(r, 1), money(r, 2));
    }

    private static long count(Object[] row, int i) {
        return row == null || row[i] == null ? 0 : ((Number) row[i]).longValue();
    }

    private static BigDecimal money(Object[] row, int i) {
        BigDecimal value = row == null || row[i] == null ? BigDecimal.ZERO : new BigDecimal(row[i].toString());
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
