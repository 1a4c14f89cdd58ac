package io.eventcommerce.insights.supply;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The supply figures from the purchase order replica. On order means SUBMITTED, APPROVED or PARTIALLY_RECEIVED and
 * counts what has not arrived of each line yet (a DRAFT is nobody's commitment, a RECEIVED order is closed).
 * Receipts and variance are by the order: an order counts in the period its {@code receivedAt} falls in (its last
 * receipt, or its close short). The compacted topic keeps only each order's latest state, so the dates of earlier
 * partial deliveries are catalog-service's ({@code GET /purchase-orders/{id}/receipts}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SupplyReports {

    /** The statuses whose missing units are on order. */
    static final String ON_ORDER = "('SUBMITTED', 'APPROVED', 'PARTIALLY_RECEIVED')";
    private static final String OPEN = "('DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_RECEIVED')";
    private static final String MISSING = "GREATEST(l.quantity_ordered - l.quantity_received, 0)";

    private final EntityManager em;

    public SupplyReports(EntityManager em) {
        this.em = em;
    }

    /**
     * @param outstandingValue what has not arrived yet at the ordered unit costs
     */
    public record OpenOrders(String status, String currency, long orders, BigDecimal totalOrdered,
                             BigDecimal outstandingValue) {
    }

    /** @param nextExpectedOn the earliest expected day among these orders; null if none said */
    public record OnOrder(UUID productId, UUID warehouseId, long units, long orders, LocalDate nextExpectedOn) {
    }

    /** Orders received in the period, per currency: their units and value at the receipts' costs. */
    public record Receipts(String currency, long orders, long units, BigDecimal value) {
    }

    /**
     * Received against ordered, over the orders received in the period.
     *
     * @param quantityVariance received minus ordered units: negative when short
     * @param linesShort       lines that ended with less than ordered (closed short)
     * @param linesOver        lines that received more than ordered
     * @param ordersLate       orders received after their expected day
     * @param averageDaysLate  over the late orders; null if none was late
     * @param costs            per currency
     */
    public record Variance(long orders, long quantityOrdered, long quantityReceived, long quantityVariance,
                           long linesShort, long linesOver, long ordersWithExpectedDay, long ordersLate,
                           BigDecimal averageDaysLate, List<CostVariance> costs) {
    }

    /**
     * @param costVariance what the received units cost minus what they would have at the ordered unit costs:
     *                     positive when the supplier charged more
     */
    public record CostVariance(String currency, BigDecimal orderedValue, BigDecimal receivedValue,
                               BigDecimal costVariance) {
    }

    public record SupplyReport(int days, Instant since, List<OpenOrders> openOrders, Page<OnOrder> onOrder,
                               List<Receipts> receipts, Variance variance) {
    }

    public SupplyReport report(int days, UUID productId, UUID warehouseId, int page, int size) {
        Instant since = Timestamps.now().minus(days, ChronoUnit.DAYS);
        return new SupplyReport(days, since, openOrders(), onOrder(productId, warehouseId, page, size),
                receipts(since), variance(since));
    }

    List<OpenOrders> openOrders() {
        List<OpenOrders> result = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT o.status, o.currency, COUNT(*), SUM(o.total_ordered), SUM(COALESCE(x.outstanding, 0))
                FROM purchase_order_fact o LEFT JOIN (
                    SELECT l.purchase_order_id, SUM(%s * l.unit_cost) AS outstanding
                    FROM purchase_order_line_fact l GROUP BY l.purchase_order_id) x
                    ON x.purchase_order_id = o.purchase_order_id
                WHERE o.status IN %s
                GROUP BY o.status, o.currency ORDER BY o.status, o.currency""".formatted(MISSING, OPEN)))) {
            result.add(new OpenOrders((String) r[0], (String) r[1], num(r[2]), money(r[3]), money(r[4])));
        }
        return result;
    }

    Page<OnOrder> onOrder(UUID productId, UUID warehouseId, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE o.status IN " + ON_ORDER);
        List<Object> params = new ArrayList<>();
        if (productId != null) {
            params.add(productId.toString());
            where.append(" AND l.product_id = ?").append(params.size());
        }
        if (warehouseId != null) {
            params.add(warehouseId.toString());
            where.append(" AND o.warehouse_id = ?").append(params.size());
        }
        String grouped = """
                SELECT l.product_id, o.warehouse_id, SUM(%s) AS units, COUNT(DISTINCT o.purchase_order_id),
                    MIN(o.expected_on)
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                %s GROUP BY l.product_id, o.warehouse_id HAVING SUM(%s) > 0""".formatted(MISSING, where, MISSING);
        long total = num(bind(em.createNativeQuery("SELECT COUNT(*) FROM (" + grouped + ") t"), params)
                .getSingleResult());
        List<OnOrder> items = new ArrayList<>();
        for (Object[] r : rows(bind(em.createNativeQuery(grouped + " ORDER BY units DESC, l.product_id, o.warehouse_id")
                .setFirstResult(page * size).setMaxResults(size), params))) {
            items.add(new OnOrder(UUID.fromString((String) r[0]), UUID.fromString((String) r[1]), num(r[2]),
                    num(r[3]), date(r[4])));
        }
        return Page.of(items, page, size, total);
    }

    /** Units on order per product and warehouse ({@code <productId>:<warehouseId>}), for the reorder job. */
    public Map<String, Integer> onOrderUnits() {
        Map<String, Integer> units = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT l.product_id, o.warehouse_id, SUM(%s)
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                WHERE o.status IN %s GROUP BY l.product_id, o.warehouse_id""".formatted(MISSING, ON_ORDER)))) {
            units.put(r[0] + ":" + r[1], (int) num(r[2]));
        }
        return units;
    }

    /**
     * Per product, the supplier lead time of its latest purchase order (by when it was written, any status): the
     * supplier the buyer last chose for it.
     */
    public Map<String, Integer> leadTimes() {
        Map<String, Integer> leadTimes = new HashMap<>();
        // Oldest first, so the latest order's lead time is put last and wins.
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT l.product_id, o.lead_time_days
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                ORDER BY o.ordered_at, o.po_number"""))) {
            leadTimes.put((String) r[0], (int) num(r[1]));
        }
        return leadTimes;
    }

    List<Receipts> receipts(Instant since) {
        List<Receipts> result = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT o.currency, COUNT(DISTINCT o.purchase_order_id), SUM(l.quantity_received),
                    SUM(l.cost_received)
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                WHERE o.status = 'RECEIVED' AND o.received_at >= ?1
                GROUP BY o.currency ORDER BY o.currency""").setParameter(1, Timestamp.from(since)))) {
            result.add(new Receipts((String) r[0], num(r[1]), num(r[2]), money(r[3])));
        }
        return result;
    }

    Variance variance(Instant since) {
        Object[] q = (Object[]) em.createNativeQuery("""
                SELECT COUNT(DISTINCT o.purchase_order_id), COALESCE(SUM(l.quantity_ordered), 0),
                    COALESCE(SUM(l.quantity_received), 0),
                    COALESCE(SUM(CASE WHEN l.quantity_received < l.quantity_ordered THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN l.quantity_received > l.quantity_ordered THEN 1 ELSE 0 END), 0)
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                WHERE o.status = 'RECEIVED' AND o.received_at >= ?1""").setParameter(1, Timestamp.from(since))
                .getSingleResult();
        // DATEDIFF(later, earlier) in days on both MySQL and MariaDB; received_at is UTC, as expected_on is.
        Object[] late = (Object[]) em.createNativeQuery("""
                SELECT COUNT(expected_on),
                    COALESCE(SUM(CASE WHEN DATE(received_at) > expected_on THEN 1 ELSE 0 END), 0),
                    SUM(CASE WHEN DATE(received_at) > expected_on THEN DATEDIFF(DATE(received_at), expected_on) END)
                FROM purchase_order_fact WHERE status = 'RECEIVED' AND received_at >= ?1""")
                .setParameter(1, Timestamp.from(since)).getSingleResult();
        List<CostVariance> costs = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT o.currency, SUM(l.quantity_ordered * l.unit_cost), SUM(l.cost_received),
                    SUM(l.cost_received - l.quantity_received * l.unit_cost)
                FROM purchase_order_fact o JOIN purchase_order_line_fact l ON l.purchase_order_id = o.purchase_order_id
                WHERE o.status = 'RECEIVED' AND o.received_at >= ?1
                GROUP BY o.currency ORDER BY o.currency""").setParameter(1, Timestamp.from(since)))) {
            costs.add(new CostVariance((String) r[0], money(r[1]), money(r[2]), money(r[3])));
        }
        long ordered = num(q[1]);
        long received = num(q[2]);
        long lateOrders = num(late[1]);
        BigDecimal averageDaysLate = lateOrders == 0 ? null
                : new BigDecimal(late[2].toString()).divide(BigDecimal.valueOf(lateOrders), 2, RoundingMode.HALF_UP);
        return new Variance(num(q[0]), ordered, received, received - ordered, num(q[3]), num(q[4]), num(late[0]),
                lateOrders, averageDaysLate, costs);
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }
}
