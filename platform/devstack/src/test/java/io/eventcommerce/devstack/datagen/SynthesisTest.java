package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SynthesisTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Synthesis SEED = Synthesis.of(Scale.SEED, 42, NOW);

    @Test
    void theSameSeedMakesTheSameDataAndAnotherSeedOtherData() {
        Synthesis again = Synthesis.of(Scale.SEED, 42, NOW);
        assertThat(again.orders).isEqualTo(SEED.orders);
        assertThat(again.customers).isEqualTo(SEED.customers);
        assertThat(again.products).isEqualTo(SEED.products);
        assertThat(again.reviews).isEqualTo(SEED.reviews);
        Synthesis other = Synthesis.of(Scale.SEED, 43, NOW);
        assertThat(other.orders.get(0).id()).isNotEqualTo(SEED.orders.get(0).id());
        assertThat(other.customers.get(0).id()).isNotEqualTo(SEED.customers.get(0).id());
    }

    @Test
    void everyOrdersTimesFollowItsLifecycleAsTheImportRequires() {
        // An order placed in the last minutes of the history used to be paid after its end and "shipped" at the end,
        // before its payment: the import refused the whole batch (422 "shippedAt is before paidAt").
        for (long seed = 42; seed < 46; seed++) {
            for (Synthesis.Order o : Synthesis.of(Scale.SEED, seed, NOW).orders) {
                java.util.List<Instant> steps = java.util.stream.Stream.of(o.placedAt(), o.paidAt(), o.shippedAt(),
                        o.deliveredAt(), o.returnedAt()).filter(java.util.Objects::nonNull).toList();
                assertThat(steps).as("order %s (%s)", o.id(), o.status()).isSorted();
                if (o.cancelledAt() != null) {
                    assertThat(o.cancelledAt()).isAfterOrEqualTo(o.placedAt());
                }
                if (o.status().equals("PAID")) {
                    assertThat(o.shippedAt()).isNull();
                }
            }
        }
    }

    @Test
    void otherScalesAreOtherCustomersAndOrders() {
        // The first start loads SMALL; generating SEED afterwards must not find its customers under the small set's
        // ids (with the small set's registration times) nor skip its orders as existing.
        Synthesis small = Synthesis.of(Scale.SMALL, 42, NOW);
        assertThat(SEED.customers.get(0).id()).isNotEqualTo(small.customers.get(0).id());
        assertThat(SEED.customers.get(0).email()).isNotEqualTo(small.customers.get(0).email());
        assertThat(SEED.orders.get(0).id()).isNotEqualTo(small.orders.get(0).id());
    }

    @Test
    void seedScaleHasTheVolumesOfTheSeedDocuments() {
        // 10,000 genuine customers, and the accounts the fraud patterns opened besides.
        assertThat(SEED.customers.stream().filter(c -> !c.fraudster()).count()).isEqualTo(10_000);
        assertThat(SEED.customers.stream().map(Synthesis.Customer::id).distinct().count())
                .isEqualTo(SEED.customers.size());
        assertThat(SEED.categories).hasSize(50);
        assertThat(SEED.products).hasSize(5_000);
        assertThat(SEED.orders).hasSize(50_000);
        assertThat(SEED.promotions).hasSize(100);
        int items = SEED.orders.stream().mapToInt(o -> o.lines().size()).sum();
        assertThat(items / 50_000.0).as("items per order").isCloseTo(2.5, within(0.2));
        double shipped = SEED.orders.stream().filter(o -> o.shippedAt() != null).count() / 50_000.0;
        assertThat(shipped).as("share shipped").isCloseTo(0.70, within(0.05));
        assertThat(SEED.reviews.size()).as("reviews").isBetween(23_000, 27_000);
        for (int w = 0; w < 3; w++) {
            int warehouse = w;
            double stocked = SEED.stock.stream().filter(s -> s.warehouse() == warehouse).count() / 5_000.0;
            assertThat(stocked).as("share of products stocked in warehouse " + w).isBetween(0.68, 0.92);
        }
        assertThat(SEED.orders.stream().map(Synthesis.Order::id).distinct().count()).isEqualTo(50_000);
        Set<Long> customerProduct = new HashSet<>();
        SEED.reviews.forEach(r -> assertThat(customerProduct.add(
                (long) SEED.orders.get(r.order()).customer() * 5_000 + r.product())).isTrue());
    }

    @Test
    void demandHasYearlyAndWeeklySeasonalityAndALongTail() {
        Map<Month, Integer> byMonth = new HashMap<>();
        int weekend = 0;
        for (Synthesis.Order o : SEED.orders) {
            byMonth.merge(o.placedAt().atZone(ZoneOffset.UTC).getMonth(), 1, Integer::sum);
            weekend += Synthesis.weekend(o.placedAt()) ? 1 : 0;
        }
        assertThat(byMonth.get(Month.DECEMBER)).isGreaterThan((int) (byMonth.get(Month.FEBRUARY) * 1.6));
        // Two of seven days, but busier ones: well over 2/7 of the orders.
        assertThat(weekend / 50_000.0).isGreaterThan(2.0 / 7 + 0.04);
        assertThat(SEED.orders).allSatisfy(o -> assertThat(o.placedAt()).isBefore(NOW));
        assertThat(SEED.orders.get(0).placedAt()).isAfter(NOW.minus(Synthesis.HISTORY).minusSeconds(86_400 * 2));

        Map<Integer, Integer> unitsByProduct = new HashMap<>();
        SEED.orders.forEach(o -> o.lines().forEach(l -> unitsByProduct.merge(l.product(), 1, Integer::sum)));
        int lines = unitsByProduct.values().stream().mapToInt(Integer::intValue).sum();
        int top10Percent = unitsByProduct.values().stream().sorted(Comparator.reverseOrder()).limit(500)
                .mapToInt(Integer::intValue).sum();
        assertThat(top10Percent / (double) lines).as("share of lines of the top 10 % of products")
                .isGreaterThan(0.4);
    }

    @Test
    void customersLiveInManyCountries() {
        assertThat(SEED.customers.stream().map(Synthesis.Customer::country).distinct().count())
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void purchaseOrdersCoverTheLastNinetyDaysTwoToFiveAWeekOlderOnesReceived() {
        assertThat(SEED.suppliers).hasSize(10);
        assertThat(SEED.purchaseOrders.size()).isBetween(13 * 2, 13 * 5);
        assertThat(SEED.purchaseOrders).allSatisfy(po -> {
            assertThat(po.daysAgo()).isBetween(0, 90);
            assertThat(po.lines()).isNotEmpty();
            if (po.daysAgo() > 14) {
                assertThat(po.status()).isIn("RECEIVED", "CANCELLED");
            }
            // Only products the warehouse keeps.
            po.lines().forEach(l -> assertThat(SEED.stock).anyMatch(st -> st.warehouse() == po.warehouse()
                    && st.product() == l.product()));
        });
    }
}
