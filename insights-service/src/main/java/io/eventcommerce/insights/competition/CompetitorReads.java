package io.eventcommerce.insights.competition;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Reads the stored observations: a product's history and the price index over the current window. */
@ApplicationScoped
@Transactional
public class CompetitorReads {

    /** A stored observation. */
    public record ObservationView(UUID id, String competitor, String country, String region, String sku,
                                  UUID productId, BigDecimal price, String currency, Instant observedAt,
                                  String source, UUID batchId, Instant receivedAt) {
    }

    /** One group's index, with the window and currency it was computed over. */
    public record IndexView(String level, String key, BigDecimal index, BigDecimal ourPrice,
                            BigDecimal competitorPrice, int products, int competitors, int observations,
                            int windowDays, String currency) {
    }

    private final EntityManager em;
    private final CompetitorPrices prices;
    private final int windowDays;

    public CompetitorReads(EntityManager em, CompetitorPrices prices,
                           @ConfigProperty(name = "insights.competition.window-days", defaultValue = "28")
                           int windowDays) {
        this.em = em;
        this.prices = prices;
        this.windowDays = windowDays;
    }

    /** A product's observations, newest first. */
    public Page<ObservationView> history(UUID productId, int page, int size) {
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM competitive_pricing WHERE product_id = ?1")
                .setParameter(1, productId.toString()).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, competitor, country, region, sku, product_id, price, currency, observed_at, source,
                    batch_id, received_at
                FROM competitive_pricing WHERE product_id = ?1 ORDER BY observed_at DESC, competitor, country""")
                .setParameter(1, productId.toString()).setFirstResult(page * size).setMaxResults(size)
                .getResultList();
        return Page.of(rows.stream().map(r -> new ObservationView(UUID.fromString((String) r[0]), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], UUID.fromString((String) r[5]), (BigDecimal) r[6],
                (String) r[7], Timestamps.instant(r[8]), (String) r[9], UUID.fromString((String) r[10]),
                Timestamps.instant(r[11]))).toList(), page, size, total);
    }

    /**
     * The index per product, category or region (the competitor's), or of one {@code key}; 404 when the key has
     * no observation in the window.
     */
    public Page<IndexView> index(String level, String key, int page, int size) {
        Instant now = Timestamps.now();
        String filter = switch (level) {
            case "product" -> " AND cp.product_id = ?3";
            case "category" -> " AND p.category_id = ?3";
            case "region" -> " AND cp.region = ?3";
            default -> throw DomainException.invalid("level", "product, category or region");
        };
        List<PriceIndex.Quote> quotes = quotes(now.minus(Duration.ofDays(windowDays)), key == null ? "" : filter,
                key);
        Function<PriceIndex.Quote, String> group = switch (level) {
            case "product" -> q -> q.productId().toString();
            case "category" -> q -> q.categoryId() == null ? null : q.categoryId().toString();
            default -> PriceIndex.Quote::region;
        };
        List<PriceIndex.Entry> entries = PriceIndex.index(PriceIndex.latest(quotes), group);
        if (key != null && entries.isEmpty()) {
            throw DomainException.notFound(level + " with competitor prices in the last " + windowDays + " days",
                    key);
        }
        List<IndexView> views = entries.stream().skip((long) page * size).limit(size)
                .map(e -> new IndexView(level, e.key(), e.index(), e.ourPrice(), e.competitorPrice(), e.products(),
                        e.competitors(), e.observations(), windowDays, prices.currency())).toList();
        return Page.of(views, page, size, entries.size());
    }

    /** Quotes in our currency since {@code from}, with our price and category from the replica. */
    List<PriceIndex.Quote> quotes(Instant from, String filter, String key) {
        var query = em.createNativeQuery("""
                SELECT cp.product_id, p.category_id, p.price, cp.competitor, cp.country, cp.region, cp.price,
                    cp.observed_at
                FROM competitive_pricing cp JOIN product p ON p.product_id = cp.product_id
                WHERE cp.observed_at >= ?1 AND cp.currency = ?2""" + filter)
                .setParameter(1, java.sql.Timestamp.from(from)).setParameter(2, prices.currency());
        if (!filter.isEmpty()) {
            query.setParameter(3, key);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new PriceIndex.Quote(UUID.fromString((String) r[0]),
                r[1] == null ? null : UUID.fromString((String) r[1]), (BigDecimal) r[2], (String) r[3],
                (String) r[4], (String) r[5], (BigDecimal) r[6], Timestamps.instant(r[7]))).toList();
    }
}
