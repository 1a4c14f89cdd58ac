package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.eventcommerce.devstack.datagen.Samples.SEED;
import static io.eventcommerce.devstack.datagen.Samples.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Prices that vary over the history, and demand that answers them with a known elasticity. */
class PricingSynthesisTest {

    private static final int DAYS = (int) Synthesis.HISTORY.toDays();

    @Test
    void aShareOfProductsHasAScheduleOfAFewLevelsChangingEveryFewWeeksEndingAtTheListPrice() {
        for (Synthesis s : List.of(SEED, SMALL)) {
            assertThat(s.schedules.size() / (double) s.products.size()).isCloseTo(PriceSchedule.SHARE, within(0.05));
            s.schedules.forEach((product, schedule) -> {
                BigDecimal list = s.products.get(product).price();
                assertThat(schedule.reference()).isEqualTo(list);
                assertThat(schedule.elasticity()).isBetween(PriceSchedule.MIN_ELASTICITY, PriceSchedule.MAX_ELASTICITY);
                assertThat(schedule.levels()).isBetween(2, 4);
                assertThat(schedule.starts().get(0)).isZero();
                assertThat(schedule.starts()).isSorted().doesNotHaveDuplicates();
                assertThat(schedule.prices().get(schedule.prices().size() - 1)).as("today's price, the catalog's")
                        .isEqualTo(list);
                Set<BigDecimal> allowed = new HashSet<>();
                for (double level : PriceSchedule.LEVELS) {
                    allowed.add(list.multiply(BigDecimal.valueOf(level)).setScale(2, RoundingMode.HALF_UP));
                }
                assertThat(allowed).containsAll(schedule.prices());
                for (int i = 1; i < schedule.prices().size(); i++) {
                    assertThat(schedule.prices().get(i)).isNotEqualTo(schedule.prices().get(i - 1));
                    int length = schedule.starts().get(i) - schedule.starts().get(i - 1);
                    if (i < schedule.prices().size() - 1) {
                        assertThat(length).isBetween(PriceSchedule.MIN_DAYS, PriceSchedule.MAX_DAYS);
                    }
                }
            });
        }
    }

    @Test
    void everyOrderLineCarriesThePriceInForceOnItsPlacementDay() {
        Instant start = SEED.end.minus(Synthesis.HISTORY);
        int varied = 0;
        for (Synthesis.Order o : SEED.orders) {
            int day = (int) Duration.between(start, o.placedAt()).toDays();
            for (Synthesis.Line l : o.lines()) {
                PriceSchedule schedule = SEED.schedules.get(l.product());
                BigDecimal expected = schedule == null ? SEED.products.get(l.product()).price()
                        : priceOn(schedule, day);
                assertThat(l.unitPrice()).as("order %s product %d", o.id(), l.product()).isEqualTo(expected);
                varied += schedule != null && expected.compareTo(schedule.reference()) != 0 ? 1 : 0;
            }
        }
        assertThat(varied).as("lines sold off the list price").isGreaterThan(10_000);
    }

    @Test
    void theSameSeedMakesTheSameSchedules() {
        assertThat(Synthesis.of(Scale.SMALL, 42, Samples.NOW).schedules).isEqualTo(SMALL.schedules);
        assertThat(Synthesis.of(Scale.SMALL, 43, Samples.NOW).schedules).isNotEqualTo(SMALL.schedules);
    }

    /**
     * A log-log regression (plain OLS) of the best sellers' demand on their price recovers their true elasticity:
     * per price period, the units sold per unit sold of everything in the same days (which takes out trend and
     * seasonality) against the price relative to the list price.
     */
    @Test
    void aLogLogRegressionOfDemandOnPriceRecoversTheTrueElasticity() {
        double[] volume = new double[DAYS];
        Map<Integer, double[]> units = new HashMap<>();
        for (Synthesis.Order o : SEED.orders) {
            if (o.fraudPattern() != null || o.lookAlike() == FraudMix.LookAlike.BIG_FIRST_ORDER) {
                continue;
            }
            int day = SEED.day(o.placedAt());
            for (Synthesis.Line l : o.lines()) {
                volume[day] += l.quantity();
                if (SEED.schedules.containsKey(l.product())) {
                    units.computeIfAbsent(l.product(), k -> new double[DAYS])[day] += l.quantity();
                }
            }
        }
        List<Integer> bestSellers = units.keySet().stream()
                .sorted(Comparator.comparingDouble(p -> -Arrays.stream(units.get(p)).sum())).limit(3).toList();
        for (int product : bestSellers) {
            PriceSchedule schedule = SEED.schedules.get(product);
            int periods = schedule.starts().size();
            double[] x = new double[periods];
            double[] y = new double[periods];
            for (int k = 0; k < periods; k++) {
                int to = k + 1 < periods ? schedule.starts().get(k + 1) : DAYS;
                double sold = 0;
                double all = 0;
                for (int d = schedule.starts().get(k); d < to; d++) {
                    sold += units.get(product)[d];
                    all += volume[d];
                }
                x[k] = Math.log(schedule.prices().get(k).doubleValue() / schedule.reference().doubleValue());
                y[k] = Math.log(sold / all);
            }
            assertThat(Arrays.stream(units.get(product)).sum()).as("units of product %d", product)
                    .isGreaterThan(2_000);
            assertThat(slope(x, y)).as("elasticity of product %d", product)
                    .isCloseTo(schedule.elasticity(), within(0.3));
        }
    }

    @Test
    void aCardTestersProbeStaysCheapAtEveryScheduledPrice() {
        SEED.orders.stream().filter(o -> o.fraudPattern() == FraudMix.Pattern.CARD_TESTING && o.lines().size() == 1
                        && o.lines().get(0).quantity() == 1 && "PAYMENT_DECLINED".equals(o.cancelReason()))
                .forEach(o -> assertThat(o.value()).isLessThanOrEqualTo(Synthesis.CARD_TEST_PRICE));
    }

    /** The schedule read independently: the price of the last segment starting on or before the day. */
    private static BigDecimal priceOn(PriceSchedule schedule, int day) {
        BigDecimal price = schedule.prices().get(0);
        for (int i = 0; i < schedule.starts().size() && schedule.starts().get(i) <= day; i++) {
            price = schedule.prices().get(i);
        }
        return price;
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
