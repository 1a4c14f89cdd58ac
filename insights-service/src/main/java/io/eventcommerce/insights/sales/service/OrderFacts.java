package io.eventcommerce.insights.sales.service;

import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.insights.sales.domain.SaleCountry;
import io.eventcommerce.insights.sales.domain.StatusRank;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order facts ({@code order_fact}, {@code order_line_fact}) and the revenue-by-status read model they drive. An
 * order is in exactly one status row: a move takes it out of its old row into its new one, under the order's row
 * lock, and only forward ({@link StatusRank}), so a redelivered or late event of an earlier step moves nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderFacts {

    private static final Logger LOG = Logger.getLogger(OrderFacts.class);

    private final EntityManager em;

    public OrderFacts(EntityManager em) {
        this.em = em;
    }

    /** An order the read models count as a sale once paid: who, where, when and what. */
    public record Sale(UUID orderId, UUID customerId, String channel, String country, Instant placedAt, int units,
                       BigDecimal gross, BigDecimal discount, BigDecimal net, List<Line> lines) {

        public LocalDate placedDay() {
            return placedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        }
    }

    public record Line(UUID productId, int quantity, BigDecimal lineTotal) {
    }

    /** Stores the order (once: a second OrderPlaced of the same order changes nothing) in its status row. */
    public void placed(OrderPlaced o) {
        int units = o.lines().stream().mapToInt(OrderLine::quantity).sum();
        // INSERT IGNORE: the same order placed twice (a copy with another event id) is stored once, on both flavours.
        int inserted = em.createNativeQuery("""
                        INSERT IGNORE INTO order_fact (order_id, customer_id, channel, country, currency, status,
                            placed_at, placed_day, units, gross, discount, net)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, o.orderId().toString()).setParameter(2, o.customerId().toString())
                .setParameter(3, o.channel()).setParameter(4, SaleCountry.of(o)).setParameter(5, o.currency())
                .setParameter(6, o.status()).setParameter(7, Timestamp.from(o.placedAt()))
                .setParameter(8, o.placedAt().atOffset(ZoneOffset.UTC).toLocalDate()).setParameter(9, units)
                .setParameter(10, o.subtotal()).setParameter(11, o.discount()).setParameter(12, o.total())
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        for (OrderLine line : o.lines()) {
            em.createNativeQuery("""
                            INSERT INTO order_line_fact (order_id, line_no, product_id, quantity, line_total)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, o.orderId().toString()).setParameter(2, line.lineNo())
                    .setParameter(3, line.productId().toString()).setParameter(4, line.quantity())
                    .setParameter(5, line.lineTotal()).executeUpdate();
        }
        addToStatus(o.status(), 1, o.total());
    }

    /** Moves the order to {@code status} if that is a step forward. */
    public void move(UUID orderId, String status) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, net FROM order_fact WHERE order_id = ?1 FOR UPDATE")
                .setParameter(1, orderId.toString()).getResultList();
        if (rows.isEmpty()) {
            // Its OrderPlaced was dead-lettered: replaying it (docs/operations.md) places the order where it is now.
            LOG.warnf("Order %s moved to %s before it was placed here; the move is ignored", orderId, status);
            return;
        }
        String current = (String) rows.get(0)[0];
        BigDecimal net = (BigDecimal) rows.get(0)[1];
        if (!StatusRank.movesForward(current, status)) {
            return;
        }
        em.createNativeQuery("UPDATE order_fact SET status = ?2 WHERE order_id = ?1")
                .setParameter(1, orderId.toString()).setParameter(2, status).executeUpdate();
        addToStatus(current, -1, net.negate());
        addToStatus(status, 1, net);
    }

    /** Marks the order paid: the sale to count, the first time only. */
    public Optional<Sale> markPaid(UUID orderId, Instant paidAt) {
        int marked = em.createNativeQuery(
                        "UPDATE order_fact SET paid_at = ?2 WHERE order_id = ?1 AND paid_at IS NULL")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(paidAt)).executeUpdate();
        return marked == 1 ? Optional.of(sale(orderId)) : Optional.empty();
    }

    /** Marks a counted sale returned or cancelled: the sale whose units go back, the first time only. */
    public Optional<Sale> markUndone(UUID orderId, Instant at) {
        int marked = em.createNativeQuery("""
                        UPDATE order_fact SET undone_at = ?2
                        WHERE order_id = ?1 AND paid_at IS NOT NULL AND undone_at IS NULL""")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(at)).executeUpdate();
        return marked == 1 ? Optional.of(sale(orderId)) : Optional.empty();
    }

    private Sale sale(UUID orderId) {
        Object[] o = (Object[]) em.createNativeQuery("""
                        SELECT customer_id, channel, country, placed_at, units, gross, discount, net
                        FROM order_fact WHERE order_id = ?1""")
                .setParameter(1, orderId.toString()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery(
                        "SELECT product_id, quantity, line_total FROM order_line_fact WHERE order_id = ?1")
                .setParameter(1, orderId.toString()).getResultList();
        return new Sale(orderId, UUID.fromString((String) o[0]), (String) o[1], (String) o[2], Timestamps.instant(o[3]),
                ((Number) o[4]).intValue(), (BigDecimal) o[5], (BigDecimal) o[6], (BigDecimal) o[7],
                lines.stream().map(l -> new Line(UUID.fromString((String) l[0]), ((Number) l[1]).intValue(),
                        (BigDecimal) l[2])).toList());
    }

    private void addToStatus(String status, int orders, BigDecimal revenue) {
        em.createNativeQuery("""
                        INSERT INTO order_status_total (status, orders, revenue) VALUES (?1, ?2, ?3)
                        ON DUPLICATE KEY UPDATE orders = orders + ?2, revenue = revenue + ?3""")
                .setParameter(1, status).setParameter(2, orders).setParameter(3, revenue).executeUpdate();
    }

}
