package io.eventcommerce.insights.reports.service;

import io.quarkus.cache.CacheResult;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sales read models as reports: daily sales as a chart series, revenue by order status, customer order summaries
 * and monthly cohorts. Refunds are joined to their orders here, at read time (Refunds: they may arrive first).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SalesReports {

    /** The longest daily series one request returns: two years and a day. */
    public static final int MAX_DAYS = 731;

    private final EntityManager em;

    public SalesReports(EntityManager em) {
        this.em = em;
    }

    /** One day of a series; {@code net - refunds} is what the day kept. averageOrderValue = net / orders. */
    public record DailyPoint(LocalDate day, long orders, long units, BigDecimal gross, BigDecimal discounts,
                             BigDecimal net, BigDecimal refunds, BigDecimal averageOrderValue) {
    }

    /** A series over [from, to], one point per day (zeros where nothing sold), and its totals. */
    public record DailySeries(LocalDate from, LocalDate to, String channel, String country, List<DailyPoint> points,
                              DailyPoint totals) {
    }

    public record StatusTotal(String status, long orders, BigDecimal revenue) {
    }

    public record CustomerSummary(UUID customerId, String country, String segment, Instant registeredAt,
                                  Instant firstOrderAt, Instant lastOrderAt, long orders, BigDecimal revenue,
                                  BigDecimal refunds) {
    }

    public enum CustomerSort { REVENUE, ORDERS, LAST_ORDER }

    /** Customers whose first paid order fell in {@code cohort}, and how many ordered again in each later month. */
    public record Cohort(String cohort, long customers, List<CohortMonth> months) {
    }

    /** {@code offset} months after the cohort's month; retention = active / the cohort's customers. */
    public record CohortMonth(String month, int offset, long active, BigDecimal retention) {
    }

    @CacheResult(cacheName = "reports-sales-daily-sales")
    public DailySeries dailySales(LocalDate from, LocalDate to, String channel, String country) {
        if (from.isAfter(to)) {
            throw DomainException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("to", "at most " + MAX_DAYS + " days after from");
        }
        Map<LocalDate, long[]> counts = new TreeMap<>();
        Map<LocalDate, BigDecimal[]> money = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            counts.put(d, new long[2]);
            money.put(d, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (Object[] r : rows("""
                SELECT day, SUM(orders), SUM(units), SUM(gross), SUM(discounts), SUM(net) FROM daily_sales
                WHERE day BETWEEN ?1 AND ?2 AND (?3 = '' OR channel = ?3) AND (?4 = '' OR country = ?4)
                GROUP BY day""", from, to, any(channel), any(country))) {
            LocalDate day = date(r[0]);
            counts.put(day, new long[] {num(r[1]).longValue(), num(r[2]).longValue()});
            money.put(day, new BigDecimal[] {dec(r[3]), dec(r[4]), dec(r[5]), BigDecimal.ZERO});
        }
        for (Object[] r : rows("""
                SELECT r.refunded_day, SUM(r.amount) FROM refund_fact r JOIN order_fact o ON o.order_id = r.order_id
                WHERE r.refunded_day BETWEEN ?1 AND ?2 AND (?3 = '' OR o.channel = ?3)
                    AND (?4 = '' OR o.country = ?4)
                GROUP BY r.refunded_day""", from, to, any(channel), any(country))) {
            money.get(date(r[0]))[3] = dec(r[1]);
        }
        List<DailyPoint> points = new ArrayList<>();
        long[] total = new long[2];
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (LocalDate day : counts.keySet()) {
            long[] c = counts.get(day);
            BigDecimal[] m = money.get(day);
            points.add(point(day, c, m));
            total[0] += c[0];
            total[1] += c[1];
            for (int i = 0; i < 4; i++) {
                sums[i] = sums[i].add(m[i]);
            }
        }
        return new DailySeries(from, to, channel, country, points, point(null, total, sums));
    }

    @CacheResult(cacheName = "reports-sales-order-status")
    public List<StatusTotal> orderStatus() {
        return rows("SELECT status, orders, revenue FROM order_status_total WHERE orders <> 0 ORDER BY status")
                .stream().map(r -> new StatusTotal((String) r[0], num(r[1]).longValue(), dec(r[2]))).toList();
    }

    private static final String CUSTOMER_COLUMNS = """
            SELECT c.customer_id, c.country, c.segment, c.registered_at, c.first_order_at, c.last_order_at,
                c.orders, c.revenue,
                (SELECT COALESCE(SUM(r.amount), 0) FROM refund_fact r JOIN order_fact o ON o.order_id = r.order_id
                 WHERE o.customer_id = c.customer_id)
            FROM customer_summary c""";

    public CustomerSummary customer(UUID customerId) {
        List<Object[]> found = rows(CUSTOMER_COLUMNS + " WHERE c.customer_id = ?1", customerId.toString());
        if (found.isEmpty()) {
            throw DomainException.notFound("customer", customerId);
        }
        return customer(found.get(0));
    }

    /** Customers with at least one paid order, best first by {@code sort}. */
    @CacheResult(cacheName = "reports-sales-customers")
    public Page<CustomerSummary> customers(CustomerSort sort, int page, int size) {
        String order = switch (sort) {
            case REVENUE -> "c.revenue DESC";
            case ORDERS -> "c.orders DESC";
            case LAST_ORDER -> "c.last_order_at DESC";
        };
        long total = num(em.createNativeQuery("SELECT COUNT(*) FROM customer_summary WHERE orders > 0")
                .getSingleResult()).longValue();
        List<CustomerSummary> items = em.createNativeQuery(CUSTOMER_COLUMNS + " WHERE c.orders > 0 ORDER BY " + order
                        + ", c.customer_id")
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> customer((Object[]) r)).toList();
        return Page.of(items, page, size, total);
    }

    @CacheResult(cacheName = "reports-sales-cohorts")
    public List<Cohort> cohorts(LocalDate fromMonth, LocalDate toMonth) {
        if (fromMonth.isAfter(toMonth)) {
            throw DomainException.invalid("from", "must not be after to");
        }
        Map<LocalDate, Long> sizes = new LinkedHashMap<>();
        for (Object[] r : rows("""
                SELECT first_month, COUNT(*) FROM customer_summary WHERE first_month BETWEEN ?1 AND ?2
                GROUP BY first_month ORDER BY first_month""", fromMonth, toMonth)) {
            sizes.put(date(r[0]), num(r[1]).longValue());
        }
        Map<LocalDate, List<CohortMonth>> months = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT c.first_month, m.month, COUNT(*) FROM customer_summary c
                JOIN customer_month m ON m.customer_id = c.customer_id
                WHERE c.first_month BETWEEN ?1 AND ?2
                GROUP BY c.first_month, m.month ORDER BY c.first_month, m.month""", fromMonth, toMonth)) {
            LocalDate cohort = date(r[0]);
            LocalDate month = date(r[1]);
            long active = num(r[2]).longValue();
            months.computeIfAbsent(cohort, k -> new ArrayList<>()).add(new CohortMonth(month.toString().substring(0, 7),
                    (int) ChronoUnit.MONTHS.between(cohort, month), active,
                    BigDecimal.valueOf(active).divide(BigDecimal.valueOf(sizes.get(cohort)), 4, RoundingMode.HALF_UP)));
        }
        return sizes.entrySet().stream().map(e -> new Cohort(e.getKey().toString().substring(0, 7), e.getValue(),
                months.getOrDefault(e.getKey(), List.of()))).toList();
    }

    private static DailyPoint point(LocalDate day, long[] c, BigDecimal[] m) {
        BigDecimal aov = c[0] == 0 ? BigDecimal.ZERO.setScale(2)
                : m[2].divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_UP);
        return new DailyPoint(day, c[0], c[1], m[0].setScale(2), m[1].setScale(2), m[2].setScale(2),
                m[3].setScale(2), aov);
    }

    private static CustomerSummary customer(Object[] r) {
        return new CustomerSummary(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                Timestamps.instant(r[3]), Timestamps.instant(r[4]), Timestamps.instant(r[5]), num(r[6]).longValue(),
                dec(r[7]), dec(r[8]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** A filter's value, '' for none: a NULL parameter of unknown type is not bound alike by every driver. */
    private static String any(String filter) {
        return filter == null ? "" : filter;
    }

    static Number num(Object value) {
        return (Number) value;
    }

    static BigDecimal dec(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2)
                : value instanceof BigDecimal d ? d.setScale(2, RoundingMode.HALF_UP)
                : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

}
