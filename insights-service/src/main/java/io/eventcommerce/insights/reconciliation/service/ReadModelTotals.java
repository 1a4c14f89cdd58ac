package io.eventcommerce.insights.reconciliation.service;

import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.insights.reconciliation.domain.Figures.DailySales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day's figures from the read models as of a checkpoint's {@code computedAt}, so a payment, return or
 * cancellation after it is not taken for a difference: order_fact keeps when each order was paid and undone, and
 * refund_fact when each refund was made. daily_sales keeps no times and only grows (a paid order, by the day it was
 * placed): the orders order_fact says were paid after computedAt are taken off it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelTotals {

    private static final String PAID = "paid_at IS NOT NULL AND paid_at <= ?2";
    private static final String SALE = PAID + " AND (undone_at IS NULL OR undone_at > ?2)";

    private static final String FACTS = """
            SELECT currency, COUNT(*),
                SUM(CASE WHEN %1$s THEN 1 ELSE 0 END), SUM(CASE WHEN %1$s THEN units ELSE 0 END),
                SUM(CASE WHEN %1$s THEN gross ELSE 0 END), SUM(CASE WHEN %1$s THEN discount ELSE 0 END),
                SUM(CASE WHEN %1$s THEN net ELSE 0 END),
                SUM(CASE WHEN %2$s THEN 1 ELSE 0 END), SUM(CASE WHEN %2$s THEN units ELSE 0 END),
                SUM(CASE WHEN %2$s THEN gross ELSE 0 END), SUM(CASE WHEN %2$s THEN discount ELSE 0 END),
                SUM(CASE WHEN %2$s THEN net ELSE 0 END)
            FROM order_fact WHERE placed_day = ?1 AND placed_at <= ?2
            GROUP BY currency""".formatted(PAID, SALE);

    private final EntityManager em;

    public ReadModelTotals(EntityManager em) {
        this.em = em;
    }

    /** order_fact and refund_fact per currency; a refund whose order is missing counts under XXX (no currency). */
    public List<CurrencyTotals> facts(LocalDate day, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        Map<String, Object[]> orders = new TreeMap<>();
        for (Object[] r : rows(FACTS, day, at)) {
            orders.put((String) r[0], r);
        }
        Map<String, Object[]> refunds = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT COALESCE(o.currency, 'XXX'), COUNT(*), SUM(r.amount)
                FROM refund_fact r LEFT JOIN order_fact o ON o.order_id = r.order_id
                WHERE r.refunded_day = ?1 AND r.refunded_at <= ?2
                GROUP BY COALESCE(o.currency, 'XXX')""", day, at)) {
            refunds.put((String) r[0], r);
        }
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        orders.keySet().forEach(c -> currencies.put(c, true));
        refunds.keySet().forEach(c -> currencies.put(c, true));
        return currencies.keySet().stream().map(c -> {
            Object[] o = orders.get(c);
            Object[] r = refunds.get(c);
            return new CurrencyTotals(c, count(o, 1), count(o, 2), count(o, 3), money(o, 4), money(o, 5),
                    money(o, 6), count(o, 7), count(o, 8), money(o, 9), money(o, 10), money(o, 11),
                    count(r, 1), money(r, 2));
        }).toList();
    }

    /** daily_sales of the day (every channel and country) less the orders paid after {@code asOf}. */
    public DailySales dailySales(LocalDate day, Instant asOf) {
        Object[] all = rows("""
                SELECT SUM(orders), SUM(units), SUM(gross), SUM(discounts), SUM(net) FROM daily_sales
                WHERE day = ?1""", day).get(0);
        Object[] later = rows("""
                SELECT COUNT(*), SUM(units), SUM(gross), SUM(discount), SUM(net) FROM order_fact
                WHERE placed_day = ?1 AND paid_at > ?2""", day, Timestamp.from(asOf)).get(0);
        return sums(all).minus(sums(later));
    }

    private static DailySales sums(Object[] r) {
        return new DailySales(count(r, 0), count(r, 1), money(r, 2), money(r, 3), money(r, 4));
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
