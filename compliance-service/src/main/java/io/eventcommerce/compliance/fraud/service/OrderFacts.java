package io.eventcommerce.compliance.fraud.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.compliance.fraud.model.Feature;
import io.eventcommerce.compliance.fraud.model.FeatureFunctions;
import io.eventcommerce.compliance.fraud.model.FeatureVector;
import io.eventcommerce.servicekit.hash.Sha256;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The history the fraud features are counted from ({@code order_fact}), and the features of an order as of its
 * placement. Every order seen is recorded, live or imported, so imported history feeds the features of the live
 * orders after it; the features are counted from the orders placed <em>before</em> this one, so an imported order
 * gets the features it would have had when it was placed (given that its history arrived before it, as the history
 * import sends it: in placement order).
 *
 * <p>Cards and addresses are kept only as SHA-256 fingerprints: "how many customers used this card" needs the
 * identity of a card, never its data.
 */
@ApplicationScoped
public class OrderFacts {

    /** The customer's "usual amount" is that of its last 50 orders. */
    private static final int HISTORY_FOR_ZSCORE = 50;
    private static final TypeReference<Map<String, Double>> FEATURE_MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final IpCountries ipCountries;
    private final ObjectMapper json;

    public OrderFacts(EntityManager em, IpCountries ipCountries, ObjectMapper json) {
        this.em = em;
        this.ipCountries = ipCountries;
        this.json = json;
    }

    /** An order's features as of its placement, and whether it was seen before (a replayed or re-imported order). */
    public record Recorded(FeatureVector features, boolean seenBefore) {
    }

    /** Records the order (once) with its features; in the caller's transaction. */
    public Recorded record(OrderPlaced order, Instant now) {
        Optional<FeatureVector> known = features(order.orderId());
        if (known.isPresent()) {
            return new Recorded(known.get(), true);
        }
        FeatureVector features = compute(order);
        String ip = order.clientIp() == null || order.clientIp().isBlank() ? null : order.clientIp().strip();
        PaymentMethodRef card = order.payment();
        em.createNativeQuery("""
                        INSERT INTO order_fact (order_id, customer_id, placed_at, total, currency, shipping_country,
                            billing_country, client_ip, ip_country, card_fingerprint, card_country,
                            shipping_address_hash, channel, imported, features, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                .setParameter(1, order.orderId().toString())
                .setParameter(2, order.customerId().toString())
                .setParameter(3, Timestamp.from(order.placedAt()))
                .setParameter(4, order.total())
                .setParameter(5, order.currency())
                .setParameter(6, country(order.shippingAddress()))
                .setParameter(7, country(billing(order)))
                .setParameter(8, ip)
                .setParameter(9, ipCountries.countryOf(ip).orElse(null))
                .setParameter(10, cardFingerprint(card))
                .setParameter(11, card == null ? null : upper(card.issuerCountry()))
                .setParameter(12, addressHash(order.shippingAddress()))
                .setParameter(13, order.channel())
                .setParameter(14, order.imported())
                .setParameter(15, toJson(features))
                .setParameter(16, Timestamp.from(now))
                .executeUpdate();
        return new Recorded(features, false);
    }

    /** The features recorded for an order. */
    public Optional<FeatureVector> features(UUID orderId) {
        List<?> rows = em.createNativeQuery("SELECT features FROM order_fact WHERE order_id = ?1")
                .setParameter(1, orderId.toString()).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(fromJson((String) rows.get(0)));
    }

    /** orders.payment: a captured payment marks the order paid (a label-maturity candidate) and ends a streak. */
    public void paid(UUID orderId, UUID customerId, Instant at) {
        // Kept apart from order_fact: orders.payment may be read before the order's OrderPlaced arrives.
        em.createNativeQuery("""
                        INSERT INTO order_paid (order_id, paid_at) VALUES (?1, ?2)
                        ON DUPLICATE KEY UPDATE paid_at = LEAST(paid_at, ?2)""")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(at)).executeUpdate();
        streak(customerId, false, at);
    }

    /** orders.payment: a declined payment lengthens the customer's streak of declines. */
    public void declined(UUID customerId, Instant at) {
        streak(customerId, true, at);
    }

    private void streak(UUID customerId, boolean declined, Instant at) {
        // INSERT ... ON DUPLICATE KEY UPDATE: the same statement on MySQL 8.4 and MariaDB 11.4.
        em.createNativeQuery("""
                        INSERT INTO payment_streak (customer_id, declines_in_a_row, updated_at) VALUES (?1, ?2, ?3)
                        ON DUPLICATE KEY UPDATE declines_in_a_row = CASE WHEN ?4 THEN declines_in_a_row + 1 ELSE 0 END,
                            updated_at = ?3""")
                .setParameter(1, customerId.toString()).setParameter(2, declined ? 1 : 0)
                .setParameter(3, Timestamp.from(at)).setParameter(4, declined).executeUpdate();
    }

    FeatureVector compute(OrderPlaced order) {
        String customer = order.customerId().toString();
        Instant t = order.placedAt();
        Map<Feature, Double> f = new EnumMap<>(Feature.class);

        Object[] window = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(CASE WHEN placed_at >= ?3 THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN placed_at >= ?4 THEN 1 ELSE 0 END), 0),
                               COUNT(*),
                               COALESCE(SUM(CASE WHEN placed_at >= ?4 THEN total ELSE 0 END), 0),
                               COALESCE(SUM(total), 0)
                        FROM order_fact WHERE customer_id = ?1 AND placed_at >= ?5 AND placed_at < ?2""")
                .setParameter(1, customer).setParameter(2, Timestamp.from(t))
                .setParameter(3, Timestamp.from(t.minus(Duration.ofHours(1))))
                .setParameter(4, Timestamp.from(t.minus(Duration.ofHours(24))))
                .setParameter(5, Timestamp.from(t.minus(Duration.ofDays(7))))
                .getSingleResult();
        f.put(Feature.ORDERS_1H, Rows.number(window[0]));
        f.put(Feature.ORDERS_24H, Rows.number(window[1]));
        f.put(Feature.ORDERS_7D, Rows.number(window[2]));
        f.put(Feature.AMOUNT_24H, Rows.number(window[3]));
        f.put(Feature.AMOUNT_7D, Rows.number(window[4]));

        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("""
                        SELECT total FROM order_fact WHERE customer_id = ?1 AND placed_at < ?2
                        ORDER BY placed_at DESC""")
                .setParameter(1, customer).setParameter(2, Timestamp.from(t)).setMaxResults(HISTORY_FOR_ZSCORE)
                .getResultList();
        f.put(Feature.AMOUNT_ZSCORE, FeatureFunctions.robustZScore(order.total(),
                previous.stream().map(v -> new BigDecimal(v.toString())).toList()));

        Object firstSeen = em.createNativeQuery(
                        "SELECT MIN(placed_at) FROM order_fact WHERE customer_id = ?1 AND placed_at < ?2")
                .setParameter(1, customer).setParameter(2, Timestamp.from(t)).getSingleResult();
        f.put(Feature.FIRST_ORDER, firstSeen == null ? 1.0 : 0.0);
        Instant since = registeredAt(order.customerId()).orElse(firstSeen == null ? t : Timestamps.instant(firstSeen));
        f.put(Feature.ACCOUNT_AGE_DAYS, Math.max(0, Duration.between(since, t).toHours() / 24.0));

        String shipping = country(order.shippingAddress());
        String billing = country(billing(order));
        String ipCountry = ipCountries.countryOf(order.clientIp()).orElse(null);
        PaymentMethodRef card = order.payment();
        String cardCountry = card == null ? null : upper(card.issuerCountry());
        f.put(Feature.BILLING_SHIPPING_COUNTRY_MISMATCH, mismatch(billing, shipping));
        f.put(Feature.IP_COUNTRY_MISMATCH, mismatch(ipCountry, shipping));
        f.put(Feature.CARD_COUNTRY_MISMATCH, mismatch(cardCountry, billing));

        List<?> streak = em.createNativeQuery("SELECT declines_in_a_row FROM payment_streak WHERE customer_id = ?1")
                .setParameter(1, customer).getResultList();
        f.put(Feature.DECLINES_IN_A_ROW, streak.isEmpty() ? 0.0 : Rows.number(streak.get(0)));

        String fingerprint = cardFingerprint(card);
        if (fingerprint != null) {
            Object cards = em.createNativeQuery("""
                            SELECT COUNT(DISTINCT card_fingerprint) FROM order_fact
                            WHERE customer_id = ?1 AND placed_at >= ?2 AND placed_at < ?3
                              AND card_fingerprint IS NOT NULL AND card_fingerprint <> ?4""")
                    .setParameter(1, customer).setParameter(2, Timestamp.from(t.minus(Duration.ofDays(7))))
                    .setParameter(3, Timestamp.from(t)).setParameter(4, fingerprint).getSingleResult();
            f.put(Feature.CARDS_PER_CUSTOMER_7D, Rows.number(cards) + 1);
            Object customers = em.createNativeQuery("""
                            SELECT COUNT(DISTINCT customer_id) FROM order_fact
                            WHERE card_fingerprint = ?1 AND customer_id <> ?2 AND placed_at < ?3""")
                    .setParameter(1, fingerprint).setParameter(2, customer).setParameter(3, Timestamp.from(t))
                    .getSingleResult();
            f.put(Feature.CUSTOMERS_PER_CARD, Rows.number(customers) + 1);
        }
        String address = addressHash(order.shippingAddress());
        if (address != null) {
            Object customers = em.createNativeQuery("""
                            SELECT COUNT(DISTINCT customer_id) FROM order_fact
                            WHERE shipping_address_hash = ?1 AND customer_id <> ?2 AND placed_at < ?3""")
                    .setParameter(1, address).setParameter(2, customer).setParameter(3, Timestamp.from(t))
                    .getSingleResult();
            f.put(Feature.CUSTOMERS_PER_SHIPPING_ADDRESS, Rows.number(customers) + 1);
        }

        f.put(Feature.HIGH_RISK_CATEGORY_SHARE, highRiskShare(order));
        f.put(Feature.MAX_LINE_QUANTITY, (double) order.lines().stream().mapToInt(OrderLine::quantity).max()
                .orElse(0));
        f.put(Feature.ORDER_TOTAL, order.total().doubleValue());
        f.put(Feature.NIGHT_TIME, FeatureFunctions.nightTimeUtc(t) ? 1.0 : 0.0);
        return FeatureVector.of(f);
    }

    private double highRiskShare(OrderPlaced order) {
        if (order.lines().isEmpty() || order.subtotal().signum() <= 0) {
            return 0;
        }
        List<String> ids = order.lines().stream().map(l -> l.productId().toString()).distinct().toList();
        @SuppressWarnings("unchecked")
        Set<String> risky = ((List<Object>) em.createNativeQuery("""
                        SELECT p.product_id FROM product_category p
                        JOIN high_risk_category h ON h.category_id = p.category_id
                        WHERE p.product_id IN (?1)""").setParameter(1, ids).getResultList())
                .stream().map(Object::toString).collect(Collectors.toSet());
        BigDecimal amount = order.lines().stream().filter(l -> risky.contains(l.productId().toString()))
                .map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Math.min(1.0, amount.doubleValue() / order.subtotal().doubleValue());
    }

    private Optional<Instant> registeredAt(UUID customerId) {
        List<?> rows = em.createNativeQuery("SELECT registered_at FROM customer_profile WHERE customer_id = ?1 "
                + "AND registered_at IS NOT NULL").setParameter(1, customerId.toString()).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(Timestamps.instant(rows.get(0)));
    }

    private static double mismatch(String a, String b) {
        return FeatureFunctions.countriesDiffer(a, b) ? 1.0 : 0.0;
    }

    private static Address billing(OrderPlaced order) {
        return order.billingAddress() != null ? order.billingAddress() : order.shippingAddress();
    }

    private static String country(Address address) {
        return address == null ? null : upper(address.country());
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The card's key for "cards per customer" and "customers per card": the gateway's fingerprint when the event
     * carries one (the same card number, whoever uses it), otherwise, for events written before it existed, what the
     * event shows of the card.
     */
    static String cardFingerprint(PaymentMethodRef card) {
        if (card == null) {
            return null;
        }
        if (card.fingerprint() != null && !card.fingerprint().isBlank()) {
            return Sha256.hex("fingerprint|" + card.fingerprint());
        }
        if (card.last4() == null) {
            return null;
        }
        return Sha256.hex(String.join("|", String.valueOf(card.brand()).toLowerCase(Locale.ROOT), card.last4(),
                String.valueOf(card.expMonth()), String.valueOf(card.expYear()), String.valueOf(card.issuerCountry())));
    }

    /** Case, spacing and punctuation do not make another address; the name on it does not either. */
    static String addressHash(Address a) {
        if (a == null || a.line1() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {a.line1(), a.line2(), a.postalCode(), a.city(), a.country()}) {
            parts.add(part == null ? "" : part.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
        }
        return Sha256.hex(String.join("|", parts));
    }

    String toJson(FeatureVector features) {
        Map<String, Double> map = new java.util.TreeMap<>();
        features.asMap().forEach((k, v) -> map.put(k.code(), v));
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    FeatureVector fromJson(String text) {
        try {
            Map<String, Double> map = json.readValue(text, FEATURE_MAP);
            Map<Feature, Double> values = new EnumMap<>(Feature.class);
            // A feature a later version dropped is ignored; one it added is missing, so 0.
            map.forEach((k, v) -> Arrays.stream(Feature.values()).filter(x -> x.code().equals(k)).findFirst()
                    .ifPresent(x -> values.put(x, v)));
            return FeatureVector.of(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable features " + text, e);
        }
    }
}
