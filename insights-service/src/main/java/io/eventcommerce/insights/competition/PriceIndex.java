package io.eventcommerce.insights.competition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The price index maths, pure so it can be checked by hand. Only each competitor's latest observation of a product
 * counts (an older price is history, not the market); per product the competitors' latest prices are averaged,
 * and a group of products (a category, a region's competitors) is a basket: the sum of our prices over the sum of
 * the products' competitor means, times 100. 100 is level with the market, above 100 we are dearer.
 */
public final class PriceIndex {

    /** An observation reduced to what the index needs; {@code ourPrice} and {@code categoryId} from the replica. */
    public record Quote(UUID productId, UUID categoryId, BigDecimal ourPrice, String competitor, String country,
                        String region, BigDecimal price, Instant observedAt) {
    }

    /**
     * One group's index: our prices summed, the competitor means summed, the index (2 decimals), how many
     * products, competitors (name and country) and observations went in.
     */
    public record Entry(String key, BigDecimal ourPrice, BigDecimal competitorPrice, BigDecimal index, int products,
                        int competitors, int observations) {
    }

    private PriceIndex() {
    }

    /** Each competitor's (name and country) latest quote per product; of two at the same instant, the first. */
    public static List<Quote> latest(List<Quote> quotes) {
        Map<String, Quote> latest = new LinkedHashMap<>();
        for (Quote q : quotes) {
            latest.merge(q.productId() + "|" + q.competitor() + "|" + q.country(), q,
                    (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * The index per group of {@code latest} quotes (see {@link #latest}); {@code group} names a quote's group, or
     * null to leave it out. Sorted by key.
     */
    public static List<Entry> index(List<Quote> latest, Function<Quote, String> group) {
        Map<String, Map<UUID, List<Quote>>> byGroup = new TreeMap<>();
        for (Quote q : latest) {
            String key = group.apply(q);
            if (key != null) {
                byGroup.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(q.productId(), p -> new ArrayList<>()).add(q);
            }
        }
        List<Entry> entries = new ArrayList<>(byGroup.size());
        byGroup.forEach((key, products) -> entries.add(entry(key, products)));
        return entries;
    }

    /** The competitors' mean of one product's quotes, at 4 decimals. */
    static BigDecimal mean(List<Quote> quotes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Quote q : quotes) {
            sum = sum.add(q.price());
        }
        return sum.divide(BigDecimal.valueOf(quotes.size()), 4, RoundingMode.HALF_UP);
    }

    private static Entry entry(String key, Map<UUID, List<Quote>> products) {
        BigDecimal ours = BigDecimal.ZERO;
        BigDecimal theirs = BigDecimal.ZERO;
        Set<String> competitors = new TreeSet<>();
        int observations = 0;
        for (List<Quote> quotes : products.values()) {
            ours = ours.add(quotes.get(0).ourPrice());
            theirs = theirs.add(mean(quotes));
            observations += quotes.size();
            quotes.forEach(q -> competitors.add(q.competitor() + "|" + q.country()));
        }
        BigDecimal index = ours.multiply(BigDecimal.valueOf(100)).divide(theirs, 2, RoundingMode.HALF_UP);
        return new Entry(key, ours, theirs.setScale(2, RoundingMode.HALF_UP), index, products.size(),
                competitors.size(), observations);
    }

    /** Whether a competitor's price is below ours by more than {@code threshold} (a share, e.g. 0.05). */
    public static boolean undercuts(BigDecimal competitorPrice, BigDecimal ourPrice, BigDecimal threshold) {
        return competitorPrice.compareTo(ourPrice.multiply(BigDecimal.ONE.subtract(threshold))) < 0;
    }

    /** (our &minus; theirs) / our, 4 decimals. */
    public static BigDecimal undercutBy(BigDecimal competitorPrice, BigDecimal ourPrice) {
        return ourPrice.subtract(competitorPrice).divide(ourPrice, 4, RoundingMode.HALF_UP);
    }
}
