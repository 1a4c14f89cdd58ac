package io.eventcommerce.catalog.promotion.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The editable fields of a promotion, as one value: what a create or an update sets. The code never changes. */
public record PromotionTerms(String description, PromotionKind kind, BigDecimal value, BigDecimal minimumOrder,
                             String currency, Integer usageLimit, Instant startsAt, Instant endsAt,
                             PromotionStatus status) {
}
