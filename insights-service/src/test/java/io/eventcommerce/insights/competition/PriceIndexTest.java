package io.eventcommerce.insights.competition;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PriceIndexTest {

    private static final UUID CATEGORY = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

    private static PriceIndex.Quote quote(UUID product, String ours, String competitor, String region, String price,
                                          int day) {
        return new PriceIndex.Quote(product, CATEGORY, new BigDecimal(ours), competitor, "XX", region,
                new BigDecimal(price), T.plusSeconds(86_400L * day));
    }

    @Test
    void onlyEachCompetitorsLatestQuoteCounts() {
        List<PriceIndex.Quote> latest = PriceIndex.latest(List.of(quote(A, "10.00", "X", "EU", "5.00", 0),
                quote(A, "10.00", "X", "EU", "8.00", 2), quote(A, "10.00", "X", "EU", "6.00", 1)));
        assertThat(latest).singleElement().extracting(PriceIndex.Quote::price).isEqualTo(new BigDecimal("8.00"));
    }

    @Test
    void aProductsIndexIsOurPriceOverTheCompetitorsMean() {
        // A: 10 / mean(8, 12) = 1.00 → 100; B: 20 / mean(16) = 1.25 → 125.
        List<PriceIndex.Quote> quotes = List.of(quote(A, "10.00", "X", "EU", "8.00", 0),
                quote(A, "10.00", "Y", "NA", "12.00", 0), quote(B, "20.00", "X", "EU", "16.00", 0));
        List<PriceIndex.Entry> products = PriceIndex.index(quotes, q -> q.productId().toString());
        assertThat(products).extracting(e -> e.key() + "=" + e.index())
                .containsExactlyInAnyOrder(A + "=100.00", B + "=125.00");
        // Category basket: (10 + 20) / (10 + 16) × 100 = 115.38.
        PriceIndex.Entry category = PriceIndex.index(quotes, q -> q.categoryId().toString()).get(0);
        assertThat(category.index()).isEqualByComparingTo("115.38");
        assertThat(category.products()).isEqualTo(2);
        assertThat(category.competitors()).isEqualTo(2);
        assertThat(category.observations()).isEqualTo(3);
        // Region EU: (10 + 20) / (8 + 16) = 125; NA: 10 / 12 = 83.33.
        assertThat(PriceIndex.index(quotes, PriceIndex.Quote::region)).extracting(e -> e.key() + "=" + e.index())
                .containsExactly("EU=125.00", "NA=83.33");
    }

    @Test
    void undercutIsMoreThanTheThresholdBelowUs() {
        BigDecimal threshold = new BigDecimal("0.05");
        assertThat(PriceIndex.undercuts(new BigDecimal("9.49"), BigDecimal.TEN, threshold)).isTrue();
        assertThat(PriceIndex.undercuts(new BigDecimal("9.50"), BigDecimal.TEN, threshold)).isFalse();
        assertThat(PriceIndex.undercutBy(new BigDecimal("9.00"), BigDecimal.TEN)).isEqualByComparingTo("0.1");
    }

    @Test
    void aFallingCompetitorPriceIsAGrowingPosition() {
        List<PriceIndex.Quote> quotes = new java.util.ArrayList<>();
        Instant now = T.plusSeconds(86_400L * 84);
        for (int w = 0; w < 12; w++) {
            quotes.add(new PriceIndex.Quote(A, CATEGORY, BigDecimal.TEN, "X", "DE", "EU",
                    BigDecimal.valueOf(1200 - 20 * w, 2), now.minusSeconds(86_400L * 7 * (11 - w) + 3600)));
        }
        List<PricePosition.Result> results = PricePosition.analyse(quotes, now, 28, 12, new BigDecimal("0.05"));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo("EU");
            assertThat(r.products()).isEqualTo(1);
            // Latest: 12.00 − 0.20 × 11 = 9.80 → position 10 / 9.80 = 1.0204, not undercut (9.80 ≥ 9.50).
            assertThat(r.position()).isEqualByComparingTo("1.0204");
            assertThat(r.undercut()).isZero();
            assertThat(r.trendWeeks()).isEqualTo(12);
            assertThat(r.trendDirection()).isEqualTo("GROWTH");
            assertThat(r.trendSlope()).isPositive();
        });
    }
}
