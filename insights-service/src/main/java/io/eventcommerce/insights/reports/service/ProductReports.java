package io.eventcommerce.insights.reports.service;

import io.quarkus.cache.CacheResult;
import io.eventcommerce.insights.reports.domain.AbcClassifier;
import io.eventcommerce.servicekit.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.eventcommerce.insights.reports.service.SalesReports.dec;
import static io.eventcommerce.insights.reports.service.SalesReports.num;

/**
 * Product and category performance and inventory value. Product attributes (category, brand, cost) are joined at read
 * time, so a product's sales show its category as soon as its catalog event has arrived, whichever came first, and
 * the margin uses the product's current cost. Inventory is valued and ABC-classed at read time over every warehouse
 * and product row (AbcClassifier): a class always reflects the stock and costs of the moment.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductReports {

    private final EntityManager em;

    public ProductReports(EntityManager em) {
        this.em = em;
    }

    /**
     * @param netUnits   units sold minus returned (returned, or cancelled after payment)
     * @param netRevenue line revenue (before the order's discount) minus the returned part
     * @param margin     netRevenue - netUnits * cost, null while the cost is unknown
     */
    public record ProductPerformance(UUID productId, String sku, UUID categoryId, String brand, long unitsSold,
                                     BigDecimal revenue, long returnedUnits, BigDecimal returnedRevenue,
                                     long netUnits, BigDecimal netRevenue, BigDecimal cost, BigDecimal margin) {
    }

    /**
     * @param categoryId null for the products whose catalog event has not arrived yet
     * @param margin     the margin of the category's products with a known cost, null if none has one
     */
    public record CategoryPerformance(UUID categoryId, long products, long unitsSold, BigDecimal revenue,
                                      long returnedUnits, BigDecimal netRevenue, BigDecimal margin,
                                      BigDecimal revenueWithKnownCost) {
    }

    /**
     * @param valuedAt COST, or PRICE where the cost is unknown, or UNKNOWN before the product's catalog event
     */
    public record InventoryItem(UUID warehouseId, UUID productId, String sku, UUID categoryId, int onHand,
                                int available, BigDecimal unitValue, String valuedAt, BigDecimal value,
                                String abcClass, BigDecimal cumulativeShare) {
    }

    public enum ProductSort { REVENUE, UNITS, MARGIN, RETURNS }

    private static final String NET_REVENUE = "(s.revenue - s.returned_revenue)";
    private static final String NET_UNITS = "(s.units - s.returned_units)";

    @CacheResult(cacheName = "reports-products-products")
    public Page<ProductPerformance> products(ProductSort sort, UUID categoryId, int page, int size) {
        String order = switch (sort) {
            case REVENUE -> NET_REVENUE + " DESC";
            case UNITS -> NET_UNITS + " DESC";
            case RETURNS -> "s.returned_units DESC";
            // Unknown margins last, on both flavours (no NULLS LAST in MySQL).
            case MARGIN -> "CASE WHEN p.cost IS NULL THEN 1 ELSE 0 END, " + NET_REVENUE + " - " + NET_UNITS
                    + " * p.cost DESC";
        };
        String where = categoryId == null ? "" : " WHERE p.category_id = ?1";
        var count = em.createNativeQuery("SELECT COUNT(*) FROM product_sales s LEFT JOIN product p"
                + " ON p.product_id = s.product_id" + where);
        var query = em.createNativeQuery("""
                SELECT s.product_id, p.sku, p.category_id, p.brand, s.units, s.revenue, s.returned_units,
                    s.returned_revenue, p.cost
                FROM product_sales s LEFT JOIN product p ON p.product_id = s.product_id""" + where
                + " ORDER BY " + order + ", s.product_id");
        if (categoryId != null) {
            count.setParameter(1, categoryId.toString());
            query.setParameter(1, categoryId.toString());
        }
        long total = num(count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(ProductReports::product).toList(), page, size, total);
    }

    @CacheResult(cacheName = "reports-products-categories")
    public List<CategoryPerformance> categories() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.category_id, COUNT(*), SUM(s.units), SUM(s.revenue), SUM(s.returned_units),
                    SUM(s.revenue - s.returned_revenue),
                    SUM(CASE WHEN p.cost IS NOT NULL
                        THEN (s.revenue - s.returned_revenue) - (s.units - s.returned_units) * p.cost END),
                    SUM(CASE WHEN p.cost IS NOT NULL THEN s.revenue - s.returned_revenue ELSE 0 END)
                FROM product_sales s LEFT JOIN product p ON p.product_id = s.product_id
                GROUP BY p.category_id
                ORDER BY SUM(s.revenue - s.returned_revenue) DESC, p.category_id""").getResultList();
        return rows.stream().map(r -> new CategoryPerformance(uuid(r[0]), num(r[1]).longValue(),
                num(r[2]).longValue(), dec(r[3]), num(r[4]).longValue(), dec(r[5]), r[6] == null ? null : dec(r[6]),
                dec(r[7]))).toList();
    }

    /** Every stock row valued and classed, then filtered: a row's class is its place among all rows. */
    @CacheResult(cacheName = "reports-products-inventory")
    public Page<InventoryItem> inventory(UUID warehouseId, String abcClass, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT st.warehouse_id, st.product_id, p.sku, p.category_id, st.on_hand, st.available, p.cost,
                    p.price
                FROM stock_level st LEFT JOIN product p ON p.product_id = st.product_id""").getResultList();
        List<InventoryItem> unclassed = rows.stream().map(ProductReports::stock).toList();
        List<InventoryItem> classed = AbcClassifier.classify(unclassed, InventoryItem::value).stream()
                .map(c -> withClass(c.item(), c.abcClass(), c.cumulativeShare()))
                .filter(i -> warehouseId == null || warehouseId.equals(i.warehouseId()))
                .filter(i -> abcClass == null || abcClass.equals(i.abcClass()))
                .toList();
        int from = Math.min(classed.size(), page * size);
        return Page.of(classed.subList(from, Math.min(classed.size(), from + size)), page, size, classed.size());
    }

    private static ProductPerformance product(Object[] r) {
        long units = num(r[4]).longValue();
        BigDecimal revenue = dec(r[5]);
        long returned = num(r[6]).longValue();
        BigDecimal returnedRevenue = dec(r[7]);
        BigDecimal cost = r[8] == null ? null : dec(r[8]);
        BigDecimal netRevenue = revenue.subtract(returnedRevenue);
        long netUnits = units - returned;
        BigDecimal margin = cost == null ? null : netRevenue.subtract(cost.multiply(BigDecimal.valueOf(netUnits)));
        return new ProductPerformance(UUID.fromString((String) r[0]), (String) r[1], uuid(r[2]), (String) r[3], units,
                revenue, returned, returnedRevenue, netUnits, netRevenue, cost, margin);
    }

    private static InventoryItem stock(Object[] r) {
        int onHand = num(r[4]).intValue();
        BigDecimal unit = r[6] != null ? dec(r[6]) : r[7] != null ? dec(r[7]) : BigDecimal.ZERO.setScale(2);
        String valuedAt = r[6] != null ? "COST" : r[7] != null ? "PRICE" : "UNKNOWN";
        return new InventoryItem(UUID.fromString((String) r[0]), UUID.fromString((String) r[1]), (String) r[2],
                uuid(r[3]), onHand, num(r[5]).intValue(), unit, valuedAt,
                unit.multiply(BigDecimal.valueOf(Math.max(0, onHand))), null, null);
    }

    private static InventoryItem withClass(InventoryItem i, String abc, BigDecimal share) {
        return new InventoryItem(i.warehouseId(), i.productId(), i.sku(), i.categoryId(), i.onHand(), i.available(),
                i.unitValue(), i.valuedAt(), i.value(), abc, share);
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }
}
