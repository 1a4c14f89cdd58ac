package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.analytics.geo.Regions;
import io.eventcommerce.copilot.replica.domain.Allocation;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * orders.order into {@code fact_order} and {@code fact_order_line}, each event once (inbox) and in the transaction of
 * its effect. An order's events share its key, so they come in order: placed, then its moves, which its lines follow
 * in the same statement's transaction. A cancelled or returned order stays so (a late copy of an earlier step moves
 * nothing back). What may come from elsewhere in any order is joined as it arrives: the product (category, brand,
 * cost: {@link ProductDimension}), the customer (segment: {@link CustomerDimension}), refunds ({@link RefundFacts}).
 */
@ApplicationScoped
public class OrderFacts {

    public static final String CONSUMER = "copilot-orders";
    private static final Logger LOG = Logger.getLogger(OrderFacts.class);
    private static final String TERMINAL = "('CANCELLED', 'RETURNED')";

    private final EntityManager em;
    private final RefundFacts refunds;
    private final EventRoutes routes;

    public OrderFacts(EntityManager em, Inbox inbox, RefundFacts refunds) {
        this.em = em;
        this.refunds = refunds;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(OrderPlaced.TYPE, this::placed)
                .on(OrderOnHold.TYPE, (OrderOnHold o) -> move(o.orderId(), "ON_HOLD"))
                .on(OrderConfirmed.TYPE, (OrderConfirmed o) -> move(o.orderId(), "CONFIRMED"))
                .on(OrderPaid.TYPE, this::paid)
                .on(OrderShipped.TYPE, (OrderShipped o) -> move(o.orderId(), "SHIPPED"))
                .on(OrderDelivered.TYPE, (OrderDelivered o) -> move(o.orderId(), "DELIVERED"))
                .on(OrderReturned.TYPE, (OrderReturned o) -> undone(o.orderId(), "RETURNED", o.returnedAt(), true))
                .on(OrderCancelled.TYPE, (OrderCancelled o) -> undone(o.orderId(), "CANCELLED", o.cancelledAt(),
                        false))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void placed(OrderPlaced o) {
        String orderId = o.orderId().toString();
        String customerId = o.customerId().toString();
        String country = country(o);
        String region = Regions.of(country);
        @SuppressWarnings("unchecked")
        List<String> segments = em.createNativeQuery("SELECT segment FROM dim_customer WHERE customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        String segment = segments.isEmpty() ? null : segments.get(0);
        Timestamp placedAt = Timestamp.from(o.placedAt());
        var day = o.placedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        // INSERT IGNORE: the same order placed twice (a copy with another event id) is stored once, on both flavours.
        int inserted = em.createNativeQuery("""
                        INSERT IGNORE INTO fact_order (order_id, customer_id, placed_at, day, status, channel, currency,
                            country, region, segment, promotion_code, subtotal, discount, total)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, orderId).setParameter(2, customerId).setParameter(3, placedAt)
                .setParameter(4, day).setParameter(5, o.status()).setParameter(6, o.channel())
                .setParameter(7, o.currency()).setParameter(8, country).setParameter(9, region)
                .setParameter(10, segment).setParameter(11, o.promotionCode()).setParameter(12, o.subtotal())
                .setParameter(13, o.discount()).setParameter(14, o.total()).executeUpdate();
        if (inserted == 0) {
            return;
        }
        List<BigDecimal> discounts = Allocation.split(o.discount(),
                o.lines().stream().map(OrderLine::lineTotal).toList());
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLine line = o.lines().get(i);
            @SuppressWarnings("unchecked")
            List<Object[]> product = em.createNativeQuery(
                            "SELECT category_id, brand, cost FROM dim_product WHERE product_id = ?1")
                    .setParameter(1, line.productId().toString()).getResultList();
            boolean known = !product.isEmpty();
            BigDecimal unitCost = known ? (BigDecimal) product.get(0)[2] : null;
            em.createNativeQuery("""
                            INSERT INTO fact_order_line (order_id, line_no, product_id, category_id, brand, customer_id,
                                day, status, channel, currency, country, region, segment, quantity, unit_price, gross,
                                discount, net, cost, product_filled)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                                ?19, ?20)""")
                    .setParameter(1, orderId).setParameter(2, line.lineNo())
                    .setParameter(3, line.productId().toString())
                    .setParameter(4, known ? product.get(0)[0] : null).setParameter(5, known ? product.get(0)[1] : null)
                    .setParameter(6, customerId).setParameter(7, day).setParameter(8, o.status())
                    .setParameter(9, o.channel()).setParameter(10, o.currency()).setParameter(11, country)
                    .setParameter(12, region).setParameter(13, segment).setParameter(14, line.quantity())
                    .setParameter(15, line.unitPrice()).setParameter(16, line.lineTotal())
                    .setParameter(17, discounts.get(i)).setParameter(18, line.lineTotal().subtract(discounts.get(i)))
                    .setParameter(19, unitCost == null ? null : unitCost.multiply(BigDecimal.valueOf(line.quantity())))
                    .setParameter(20, known).executeUpdate();
        }
        firstOrder(customerId);
        // Refunds that came before the order (orders.payment is another topic) are allocated now.
        refunds.allocate(o.orderId());
    }

    /** Marks the customer's first order placed, which an earlier order arriving later takes over. */
    private void firstOrder(String customerId) {
        Object[] first = (Object[]) em.createNativeQuery("""
                        SELECT order_id, day FROM fact_order WHERE customer_id = ?1
                        ORDER BY placed_at, order_id LIMIT 1""")
                .setParameter(1, customerId).getSingleResult();
        em.createNativeQuery("UPDATE fact_order SET new_customer = (order_id = ?2) WHERE customer_id = ?1")
                .setParameter(1, customerId).setParameter(2, first[0]).executeUpdate();
        em.createNativeQuery("UPDATE dim_customer SET first_order_day = ?2 WHERE customer_id = ?1")
                .setParameter(1, customerId).setParameter(2, first[1]).executeUpdate();
    }

    private void move(UUID orderId, String status) {
        int moved = 0;
        for (String table : new String[] {"fact_order", "fact_order_line"}) {
            moved += em.createNativeQuery("UPDATE " + table + " SET status = ?2 WHERE order_id = ?1 AND status NOT IN "
                            + TERMINAL)
                    .setParameter(1, orderId.toString()).setParameter(2, status).executeUpdate();
        }
        if (moved == 0 && !known(orderId)) {
            // Its OrderPlaced was dead-lettered: replaying it (docs/operations.md) places the order where it is now.
            LOG.warnf("Order %s moved to %s before it was placed here; the move is ignored", orderId, status);
        }
    }

    private void paid(OrderPaid o) {
        move(o.orderId(), "PAID");
        for (String table : new String[] {"fact_order", "fact_order_line"}) {
            em.createNativeQuery("UPDATE " + table + " SET paid_at = ?2 WHERE order_id = ?1 AND paid_at IS NULL")
                    .setParameter(1, o.orderId().toString()).setParameter(2, Timestamp.from(o.paidAt()))
                    .executeUpdate();
        }
    }

    private void undone(UUID orderId, String status, Instant at, boolean returned) {
        move(orderId, status);
        for (String table : new String[] {"fact_order", "fact_order_line"}) {
            em.createNativeQuery("UPDATE " + table + " SET undone_at = ?2 WHERE order_id = ?1 AND undone_at IS NULL")
                    .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(at)).executeUpdate();
        }
        if (returned) {
            // A return takes the whole order back (OrderReturned names no lines).
            em.createNativeQuery("UPDATE fact_order_line SET returned_quantity = quantity WHERE order_id = ?1")
                    .setParameter(1, orderId.toString()).executeUpdate();
        }
    }

    private boolean known(UUID orderId) {
        return !em.createNativeQuery("SELECT 1 FROM fact_order WHERE order_id = ?1")
                .setParameter(1, orderId.toString()).getResultList().isEmpty();
    }

    /** The shipping country, else the billing one; null without a valid ISO code. */
    static String country(OrderPlaced o) {
        String shipping = country(o.shippingAddress());
        return shipping != null ? shipping : country(o.billingAddress());
    }

    private static String country(Address address) {
        return address == null || address.country() == null || address.country().length() != 2 ? null
                : address.country();
    }
}
