package io.eventcommerce.insights.pricing;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads the elasticities the last elasticity run stored. */
@ApplicationScoped
@Transactional
public class Elasticities {

    /**
     * A product's elasticity (a 1 % price rise changes units by elasticity %) and its interval, or only the status
     * and the figures that led to it (NOT_ENOUGH_VARIATION, TOO_FEW_OBSERVATIONS, PRICE_COLLINEAR_WITH_CONTROLS).
     */
    public record Elasticity(UUID productId, String status, BigDecimal elasticity, BigDecimal standardError,
                             BigDecimal lower, BigDecimal upper, BigDecimal confidence, int observations,
                             Integer distinctPrices, BigDecimal priceVariation, LocalDate firstDay,
                             LocalDate lastDay, Instant computedAt) {
    }

    private static final String COLUMNS = """
            SELECT product_id, status, elasticity, standard_error, lower_bound, upper_bound, confidence,
                observations, distinct_prices, price_variation, first_day, last_day, computed_at
            FROM price_elasticity""";

    private final EntityManager em;

    public Elasticities(EntityManager em) {
        this.em = em;
    }

    /** Estimated first (most elastic first), then the rest by product. {@code status} '' for all. */
    public Page<Elasticity> list(String status, int page, int size) {
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM price_elasticity WHERE ?1 = '' "
                + "OR status = ?1").setParameter(1, status).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE ?1 = '' OR status = ?1 ORDER BY "
                        + "CASE WHEN elasticity IS NULL THEN 1 ELSE 0 END, elasticity, product_id")
                .setParameter(1, status).setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(Elasticities::elasticity).toList(), page, size, total);
    }

    public Elasticity one(UUID productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE product_id = ?1")
                .setParameter(1, productId.toString()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("price elasticity", productId);
        }
        return elasticity(rows.get(0));
    }

    private static LocalDate day(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Elasticity elasticity(Object[] r) {
        return new Elasticity(UUID.fromString((String) r[0]), (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).intValue(), (BigDecimal) r[9], day(r[10]), day(r[11]),
                Timestamps.instant(r[12]));
    }
}
