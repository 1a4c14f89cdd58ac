package io.eventcommerce.insights.forecast.service;

import io.eventcommerce.insights.forecast.domain.DailySeries;
import io.eventcommerce.insights.forecast.domain.ForecastLevel;
import io.eventcommerce.insights.forecast.domain.ProductDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand series of a level, read with one grouped query (not one per product): paid units of counted sales
 * (paid, not undone) by the day the order was placed, up to {@code last}. Categories come from the product
 * replica at read time; lines of products without a known category are in the total only.
 */
@ApplicationScoped
public class ForecastSeries {

    /** The key of the total's series. */
    public static final String TOTAL_KEY = "all";

    private static final String COUNTED = """
            FROM order_line_fact l JOIN order_fact f ON f.order_id = l.order_id
            WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL AND f.placed_day <= ?1""";

    private final EntityManager em;

    public ForecastSeries(EntityManager em) {
        this.em = em;
    }

    public List<DailySeries> read(ForecastLevel level, LocalDate last) {
        String sql = switch (level) {
            case PRODUCT -> "SELECT l.product_id, f.placed_day, SUM(l.quantity) " + COUNTED
                    + " GROUP BY l.product_id, f.placed_day ORDER BY l.product_id, f.placed_day";
            case CATEGORY -> "SELECT p.category_id, f.placed_day, SUM(l.quantity) " + COUNTED.replace(
                    "JOIN order_fact f ON f.order_id = l.order_id", "JOIN order_fact f ON f.order_id = l.order_id"
                            + " JOIN product p ON p.product_id = l.product_id")
                    + " AND p.category_id IS NOT NULL"
                    + " GROUP BY p.category_id, f.placed_day ORDER BY p.category_id, f.placed_day";
            case TOTAL -> "SELECT '" + TOTAL_KEY + "', f.placed_day, SUM(l.quantity) " + COUNTED
                    + " GROUP BY f.placed_day ORDER BY f.placed_day";
        };
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, Date.valueOf(last)).getResultList();
            return DailySeries.assemble(rows.stream().map(r -> new DailySeries.Row(r[0].toString(), day(r[1]),
                    ((Number) r[2]).doubleValue())).toList(), last);
        });
    }

    /**
     * Products' sales days up to {@code last} (product → days in day order) for their covariates ({@link
     * ProductDay#covariates}): units, list value and discounted units. The order's discount rate is
     * {@code discount / gross}; an order without gross has no discount to speak of. The DECIMAL division keeps 4
     * more decimals on MySQL and MariaDB alike (div_precision_increment), enough for a rate.
     */
    public Map<String, List<ProductDay>> productDays(LocalDate last) {
        String sql = "SELECT l.product_id, f.placed_day, SUM(l.quantity), SUM(l.line_total),"
                + " SUM(l.quantity * CASE WHEN f.gross > 0 THEN f.discount / f.gross ELSE 0 END) " + COUNTED
                + " GROUP BY l.product_id, f.placed_day ORDER BY l.product_id, f.placed_day";
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, Date.valueOf(last)).getResultList();
            // In the query's product order, so the series derived from it (products) come in the order read gives.
            Map<String, List<ProductDay>> out = new LinkedHashMap<>();
            for (Object[] r : rows) {
                out.computeIfAbsent(r[0].toString(), k -> new ArrayList<>()).add(new ProductDay(day(r[1]),
                        ((Number) r[2]).longValue(), number(r[3]), number(r[4])));
            }
            return out;
        });
    }

    /**
     * The product level's series from the sales days {@link #productDays} read (the same counted units, product by
     * product, day by day), so a run with covariates scans the lines once rather than once more for the series.
     */
    public static List<DailySeries> products(Map<String, List<ProductDay>> days, LocalDate last) {
        return DailySeries.assemble(days.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(d -> new DailySeries.Row(e.getKey(), d.day(), d.units()))).toList(), last);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate()
                : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }
}
