package io.eventcommerce.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The full state of a promotion after a change: orders-service keeps its replica from it and enforces it when an
 * order uses the code.
 *
 * @param code           what a customer types, upper case
 * @param kind           {@code PERCENT} (value is a percentage, 0 < value ≤ 100) or {@code FIXED} (value is an
 *                       amount in {@code currency})
 * @param minimumOrder   the subtotal an order needs for the code to apply; null for none
 * @param currency       the currency of a FIXED value and of the minimum order
 * @param usageLimit     how many orders may use the code in total; null for unlimited
 * @param startsAt       first instant the code is valid
 * @param endsAt         the instant it stops being valid (exclusive); null for open-ended
 * @param status         {@code ACTIVE} or {@code DISABLED}
 * @param version        increases with every change; replicas ignore an older snapshot
 */
public record PromotionSnapshot(UUID promotionId, String code, String description, String kind, BigDecimal value,
                                BigDecimal minimumOrder, String currency, Integer usageLimit, Instant startsAt,
                                Instant endsAt, String status, long version) {
}
