package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.eventcommerce.devstack.datagen.Samples.SEED;
import static io.eventcommerce.devstack.datagen.Samples.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

/** Promotion codes on a share of the orders, as catalog's rules would let them apply. */
class PromotionSynthesisTest {

    @Test
    void aShareOfOrdersUsesACodeAndTheSameSeedTheSameCodes() {
        for (Synthesis s : List.of(SEED, SMALL)) {
            double share = s.orders.stream().filter(Synthesis.Order::promoted).count() / (double) s.orders.size();
            assertThat(share).isBetween(0.08, 0.15);
            assertThat(s.orders).filteredOn(Synthesis.Order::promoted)
                    .allSatisfy(o -> assertThat(o.fraudPattern()).isNull());
            assertThat(s.orders).filteredOn(o -> !o.promoted()).allSatisfy(o -> assertThat(o.discount()).isNull());
        }
        Synthesis again = Synthesis.of(Scale.SMALL, 42, Samples.NOW);
        assertThat(again.orders.stream().map(Synthesis.Order::promotion).toList())
                .isEqualTo(SMALL.orders.stream().map(Synthesis.Order::promotion).toList());
    }

    @Test
    void everyCodeUsedIsValidWhenTheOrderIsPlacedAndTakesOffWhatCatalogsRulesSay() {
        for (Synthesis s : List.of(SEED, SMALL)) {
            for (Synthesis.Order o : s.orders) {
                if (!o.promoted()) {
                    continue;
                }
                Synthesis.Promotion p = s.promotions.get(o.promotion());
                BigDecimal subtotal = o.value();
                assertThat(o.placedAt()).as(p.code()).isAfterOrEqualTo(p.startsAt());
                if (p.endsAt() != null) {
                    assertThat(o.placedAt()).as(p.code()).isBefore(p.endsAt());
                }
                if (p.minimumOrder() != null) {
                    assertThat(subtotal).isGreaterThanOrEqualTo(p.minimumOrder());
                }
                BigDecimal expected = p.kind().equals("PERCENT")
                        ? subtotal.multiply(p.value()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP)
                        : p.value();
                assertThat(o.discount()).as("discount of %s with %s", subtotal, p).isEqualByComparingTo(expected)
                        .isPositive().isLessThan(subtotal);
                assertThat(o.discount().scale()).isEqualTo(2);
            }
        }
    }

    @Test
    void noCodeIsUsedMoreOftenThanItsLimitAndSeveralCodesAreUsed() {
        for (Synthesis s : List.of(SEED, SMALL)) {
            Map<Integer, Integer> uses = new HashMap<>();
            s.orders.stream().filter(Synthesis.Order::promoted)
                    .forEach(o -> uses.merge(o.promotion(), 1, Integer::sum));
            uses.forEach((promotion, count) -> {
                Integer limit = s.promotions.get(promotion).usageLimit();
                if (limit != null) {
                    assertThat(count).as(s.promotions.get(promotion).code()).isLessThanOrEqualTo(limit);
                }
            });
            assertThat(uses.size()).isGreaterThanOrEqualTo(s.promotions.size() / 2);
        }
    }
}
