package io.eventcommerce.insights.competition;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One competitor price observation as validated, before its sku is resolved to a product: who sold where, at what
 * price, when. The natural key (competitor, country, sku, observedAt) is what makes a re-sent one a duplicate.
 */
public record Observation(String competitor, String country, String region, String sku, BigDecimal price,
                          String currency, Instant observedAt) {

    /** The natural key, as the unique key of {@code competitive_pricing} compares it (case-insensitively). */
    String key() {
        return competitor.toUpperCase(java.util.Locale.ROOT) + '|' + country + '|'
                + sku.toUpperCase(java.util.Locale.ROOT) + '|' + observedAt;
    }
}
