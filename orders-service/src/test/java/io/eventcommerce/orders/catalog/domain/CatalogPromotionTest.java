package io.eventcommerce.orders.catalog.domain;

import io.eventcommerce.events.catalog.PromotionSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogPromotionTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant DURING = Instant.parse("2026-06-15T12:00:00Z");

    private static CatalogPromotion promotion(String kind, String value, String minimum, String status) {
        return CatalogPromotion.from(new PromotionSnapshot(UUID.randomUUID(), "SUMMER", null, kind,
                new BigDecimal(value), minimum == null ? null : new BigDecimal(minimum), "USD", 10, START, END,
                status, 0), UUID.randomUUID(), DURING);
    }

    @Test
    void percentIsRoundedHalfUpToTheCentAndFixedNeverExceedsTheSubtotal() {
        assertThat(promotion("PERCENT", "15", null, "ACTIVE").discountOn(new BigDecimal("19.90")))
                .isEqualByComparingTo("2.99"); // 2.985
        assertThat(promotion("PERCENT", "100", null, "ACTIVE").discountOn(new BigDecimal("19.90")))
                .isEqualByComparingTo("19.90");
        assertThat(promotion("FIXED", "5", null, "ACTIVE").discountOn(new BigDecimal("19.90")))
                .isEqualByComparingTo("5.00");
        assertThat(promotion("FIXED", "25", null, "ACTIVE").discountOn(new BigDecimal("19.90")))
                .isEqualByComparingTo("19.90");
    }

    @Test
    void appliesOnlyWithinItsWindowWhileActive() {
        CatalogPromotion p = promotion("PERCENT", "10", null, "ACTIVE");
        BigDecimal subtotal = new BigDecimal("10.00");
        assertThat(p.refusal(subtotal, "USD", DURING)).isEmpty();
        assertThat(p.refusal(subtotal, "USD", START)).as("the start is inclusive").isEmpty();
        assertThat(p.refusal(subtotal, "USD", START.minusNanos(1000))).get().asString().contains("not valid before");
        assertThat(p.refusal(subtotal, "USD", END)).as("the end is exclusive").get().asString().contains("expired");
        assertThat(promotion("PERCENT", "10", null, "DISABLED").refusal(subtotal, "USD", DURING)).get()
                .asString().contains("not active");
    }

    @Test
    void minimumOrderAndCurrencyAreChecked() {
        CatalogPromotion p = promotion("FIXED", "5", "50.00", "ACTIVE");
        assertThat(p.refusal(new BigDecimal("49.99"), "USD", DURING)).get().asString().contains("at least 50.00");
        assertThat(p.refusal(new BigDecimal("50.00"), "USD", DURING)).isEmpty();
        assertThat(p.refusal(new BigDecimal("80.00"), "EUR", DURING)).get().asString().contains("orders in USD");
        assertThat(promotion("PERCENT", "10", null, "ACTIVE").refusal(new BigDecimal("80.00"), "EUR", DURING))
                .as("a percentage without a minimum fits any currency").isEmpty();
    }

    @Test
    void olderSnapshotsDoNotOverwriteNewerTerms() {
        CatalogPromotion p = promotion("PERCENT", "10", null, "ACTIVE");
        PromotionSnapshot newer = new PromotionSnapshot(p.promotionId(), "SUMMER", null, "PERCENT",
                new BigDecimal("20"), null, "USD", 5, START, END, "ACTIVE", 2);
        PromotionSnapshot older = new PromotionSnapshot(p.promotionId(), "SUMMER", null, "PERCENT",
                new BigDecimal("30"), null, "USD", 50, START, END, "ACTIVE", 1);
        assertThat(p.update(newer, UUID.randomUUID(), DURING)).isTrue();
        assertThat(p.update(older, UUID.randomUUID(), DURING)).isFalse();
        assertThat(p.usageLimit()).isEqualTo(5);
        assertThat(p.discountOn(new BigDecimal("10.00"))).isEqualByComparingTo("2.00");
    }
}
