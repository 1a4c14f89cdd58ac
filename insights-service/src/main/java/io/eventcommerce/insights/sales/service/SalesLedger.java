package io.eventcommerce.insights.sales.service;

import io.eventcommerce.insights.sales.service.OrderFacts.Line;
import io.eventcommerce.insights.sales.service.OrderFacts.Sale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * The aggregates a paid order adds to (daily sales, customer summary and cohort activity, product sales) and the
 * returns an undone one adds. Every statement is an upsert relative to the row's current value, so concurrent
 * consumers of different orders never lose each other's additions (the row lock of the key serialises them);
 * {@link OrderFacts} makes sure each sale is counted and undone at most once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SalesLedger {

    private final EntityManager em;

    public SalesLedger(EntityManager em) {
        this.em = em;
    }

    public void sold(Sale sale) {
        em.createNativeQuery("""
                        INSERT INTO daily_sales (day, channel, country, orders, units, gross, discounts, net)
                        VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7)
                        ON DUPLICATE KEY UPDATE orders = orders + 1, units = units + ?4, gross = gross + ?5,
                            discounts = discounts + ?6, net = net + ?7""")
                .setParameter(1, sale.placedDay()).setParameter(2, sale.channel()).setParameter(3, sale.country())
                .setParameter(4, sale.units()).setParameter(5, sale.gross()).setParameter(6, sale.discount())
                .setParameter(7, sale.net()).executeUpdate();
        LocalDate month = sale.placedDay().withDayOfMonth(1);
        Timestamp placed = Timestamp.from(sale.placedAt());
        // LEAST/GREATEST with a NULL are NULL on both flavours: a profile-only row has no order times yet.
        em.createNativeQuery("""
                        INSERT INTO customer_summary (customer_id, first_order_at, last_order_at, first_month, orders,
                            revenue)
                        VALUES (?1, ?2, ?2, ?3, 1, ?4)
                        ON DUPLICATE KEY UPDATE
                            first_order_at = LEAST(COALESCE(first_order_at, ?2), ?2),
                            last_order_at = GREATEST(COALESCE(last_order_at, ?2), ?2),
                            first_month = LEAST(COALESCE(first_month, ?3), ?3),
                            orders = orders + 1, revenue = revenue + ?4""")
                .setParameter(1, sale.customerId().toString()).setParameter(2, placed).setParameter(3, month)
                .setParameter(4, sale.net()).executeUpdate();
        em.createNativeQuery("INSERT IGNORE INTO customer_month (customer_id, month) VALUES (?1, ?2)")
                .setParameter(1, sale.customerId().toString()).setParameter(2, month).executeUpdate();
        for (Line line : sale.lines()) {
            em.createNativeQuery("""
                            INSERT INTO product_sales (product_id, units, revenue, returned_units, returned_revenue)
                            VALUES (?1, ?2, ?3, 0, 0)
                            ON DUPLICATE KEY UPDATE units = units + ?2, revenue = revenue + ?3""")
                    .setParameter(1, line.productId().toString()).setParameter(2, line.quantity())
                    .setParameter(3, line.lineTotal()).executeUpdate();
        }
    }

    /** A counted sale returned or cancelled after payment: its units and line revenue become its products' returns. */
    public void undone(Sale sale) {
        for (Line line : sale.lines()) {
            em.createNativeQuery("""
                            UPDATE product_sales SET returned_units = returned_units + ?2,
                                returned_revenue = returned_revenue + ?3
                            WHERE product_id = ?1""")
                    .setParameter(1, line.productId().toString()).setParameter(2, line.quantity())
                    .setParameter(3, line.lineTotal()).executeUpdate();
        }
    }
}
