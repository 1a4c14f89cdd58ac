package io.eventcommerce.insights.customers;

import io.quarkus.cache.CacheResult;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads what the last customer-value run stored: segments with their weight, and customers' values. */
@ApplicationScoped
@Transactional
public class CustomerValues {

    /** How the value list is ordered, largest first. */
    public enum Sort { VALUE, PROBABILITY_ALIVE }

    /** A segment: its customers, their revenue to date and their share of all scored customers and revenue. */
    public record Segment(String segment, long customers, BigDecimal revenue, BigDecimal customerShare,
                          BigDecimal revenueShare) {
    }

    /** One customer's RFM scores and BG/NBD + Gamma-Gamma figures; times in weeks. */
    public record CustomerValue(UUID customerId, String segment, String rfm, int daysSinceLastOrder, int orders,
                                BigDecimal revenue, int frequency, BigDecimal recencyWeeks, BigDecimal ageWeeks,
                                BigDecimal averageValue, int horizonDays, BigDecimal expectedPurchases,
                                BigDecimal probabilityAlive, BigDecimal value, Instant computedAt) {
    }

    private static final String COLUMNS = """
            SELECT v.customer_id, s.segment, s.r_score, s.f_score, s.m_score, s.days_since_last, s.orders, s.revenue,
                v.frequency, v.recency_weeks, v.age_weeks, v.average_value, v.horizon_days, v.expected_purchases,
                v.probability_alive, v.clv_value, v.computed_at
            FROM customer_lifetime_value v JOIN customer_segments s ON s.customer_id = v.customer_id""";

    private final EntityManager em;

    public CustomerValues(EntityManager em) {
        this.em = em;
    }

    @CacheResult(cacheName = "reports-customers-segments")
    public List<Segment> segments() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT segment, COUNT(*), SUM(revenue) FROM customer_segments GROUP BY segment
                ORDER BY SUM(revenue) DESC, segment""").getResultList();
        long customers = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        BigDecimal revenue = rows.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        return rows.stream().map(r -> new Segment((String) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2],
                share(BigDecimal.valueOf(((Number) r[1]).longValue()), BigDecimal.valueOf(customers)),
                share((BigDecimal) r[2], revenue))).toList();
    }

    @CacheResult(cacheName = "reports-customers-values")
    public Page<CustomerValue> values(Sort sort, int page, int size) {
        String order = sort == Sort.VALUE ? "v.clv_value DESC" : "v.probability_alive DESC";
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM customer_lifetime_value v "
                + "JOIN customer_segments s ON s.customer_id = v.customer_id").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " ORDER BY " + order + ", v.customer_id")
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(CustomerValues::value).toList(), page, size, total);
    }

    public CustomerValue value(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE v.customer_id = ?1")
                .setParameter(1, customerId.toString()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("customer value", customerId);
        }
        return value(rows.get(0));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    private static int num(Object value) {
        return ((Number) value).intValue();
    }

    private static CustomerValue value(Object[] r) {
        return new CustomerValue(UUID.fromString((String) r[0]), (String) r[1], "" + num(r[2]) + num(r[3]) + num(r[4]),
                num(r[5]), num(r[6]), (BigDecimal) r[7], num(r[8]), (BigDecimal) r[9], (BigDecimal) r[10],
                (BigDecimal) r[11], num(r[12]), (BigDecimal) r[13], (BigDecimal) r[14], (BigDecimal) r[15],
                Timestamps.instant(r[16]));
    }
}
