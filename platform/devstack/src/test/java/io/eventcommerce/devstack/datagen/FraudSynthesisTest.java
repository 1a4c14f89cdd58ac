package io.eventcommerce.devstack.datagen;

import io.eventcommerce.devstack.datagen.FraudMix.LookAlike;
import io.eventcommerce.devstack.datagen.FraudMix.Pattern;
import io.eventcommerce.devstack.datagen.Synthesis.Customer;
import io.eventcommerce.devstack.datagen.Synthesis.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fraud patterns' signatures, their look-alikes and labels, and the customers' registration times. */
class FraudSynthesisTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Synthesis SEED = Synthesis.of(Scale.SEED, 7, NOW);
    private static final Synthesis SMALL = Synthesis.of(Scale.SMALL, 42, NOW);
    private static final BigDecimal LEGITIMATE_MEDIAN = median(SEED.orders.stream()
            .filter(o -> o.fraudPattern() == null).toList());

    @Test
    void everyCustomerRegisteredBeforeItsFirstOrderMostWellBeforeSomeTheSameDay() {
        for (Synthesis s : List.of(SEED, SMALL)) {
            Map<Integer, Instant> first = firstOrders(s);
            for (int i = 0; i < s.customers.size(); i++) {
                Customer c = s.customers.get(i);
                assertThat(c.registeredAt()).as("registration of " + c.email()).isBefore(NOW);
                if (first.containsKey(i)) {
                    assertThat(c.registeredAt()).as("registration of " + c.email()).isBefore(first.get(i));
                }
            }
        }
        Map<Integer, Instant> first = firstOrders(SEED);
        int ordering = 0;
        int sameDay = 0;
        int wellBefore = 0;
        for (Map.Entry<Integer, Instant> e : first.entrySet()) {
            Customer c = SEED.customers.get(e.getKey());
            if (c.fraudster()) {
                continue;
            }
            ordering++;
            sameDay += day(c.registeredAt()).equals(day(e.getValue())) ? 1 : 0;
            wellBefore += c.registeredAt().isBefore(e.getValue().minus(Duration.ofDays(30))) ? 1 : 0;
        }
        assertThat(sameDay / (double) ordering).as("registered on the day of the first order")
                .isBetween(FraudMix.SAME_DAY_REGISTRATION, FraudMix.SAME_DAY_REGISTRATION + 0.05);
        assertThat(wellBefore / (double) ordering).as("registered over 30 days before").isGreaterThan(0.65);
    }

    @Test
    void eachPatternHasItsShareAndTogetherTheyAreOneToThreePercent() {
        Map<Pattern, Long> counts = SEED.orders.stream().filter(o -> o.fraudPattern() != null)
                .collect(Collectors.groupingBy(Order::fraudPattern, Collectors.counting()));
        for (Pattern p : Pattern.values()) {
            assertThat(counts.getOrDefault(p, 0L) / (double) SEED.orders.size()).as(p.label)
                    .isCloseTo(p.share, within(0.0005));
        }
        double total = counts.values().stream().mapToLong(Long::longValue).sum() / (double) SEED.orders.size();
        assertThat(total).isBetween(0.01, 0.03).isCloseTo(FraudMix.totalShare(), within(0.001));

        // The small set too has every pattern, in about the same share.
        Map<Pattern, Long> small = SMALL.orders.stream().filter(o -> o.fraudPattern() != null)
                .collect(Collectors.groupingBy(Order::fraudPattern, Collectors.counting()));
        assertThat(small.keySet()).containsExactlyInAnyOrder(Pattern.values());
        assertThat(small.values().stream().mapToLong(Long::longValue).sum() / (double) SMALL.orders.size())
                .isBetween(0.01, 0.03);
    }

    @Test
    void cardTestingIsSmallOrdersMinutesApartWithSeveralCardsMostlyDeclinedOnAFreshAccount() {
        Collection<List<Order>> episodes = episodes(SEED, Pattern.CARD_TESTING);
        assertThat(episodes).hasSizeGreaterThan(20);
        BigDecimal probe = Synthesis.CARD_TEST_PRICE.multiply(new BigDecimal("1.05"));
        for (List<Order> episode : episodes) {
            Customer c = oneCustomer(episode);
            assertThat(c.fraudster()).isTrue();
            assertThat(episode).hasSizeGreaterThanOrEqualTo(4);
            assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofHours(1));
            assertThat(episode.stream().map(Order::card).distinct().count()).isGreaterThanOrEqualTo(2);
            List<Order> declined = episode.stream().filter(o -> "PAYMENT_DECLINED".equals(o.cancelReason())).toList();
            assertThat(declined).isNotEmpty();
            assertThat(declined).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo("CANCELLED");
                assertThat(o.paidAt()).isNull();
                assertThat(o.value()).isLessThanOrEqualTo(probe);
            });
            List<Order> probes = episode.stream().filter(o -> o.value().compareTo(probe) <= 0).toList();
            assertThat(probes.size()).isGreaterThanOrEqualTo(episode.size() - 1);
            assertThat(span(probes)).isLessThanOrEqualTo(Duration.ofMinutes(25));
            assertThat(Duration.between(c.registeredAt(), episode.get(0).placedAt()))
                    .isLessThanOrEqualTo(Duration.ofHours(1));
        }
        List<Order> all = episodes.stream().flatMap(List::stream).toList();
        long declined = all.stream().filter(o -> "PAYMENT_DECLINED".equals(o.cancelReason())).count();
        assertThat(declined / (double) all.size()).as("share declined").isBetween(0.6, 0.9);
    }

    @Test
    void aTakenOverAccountIsOldAndWellBehavedThenShipsHighValueAbroadFromAForeignIpWithANewCard() {
        List<Order> takeovers = SEED.orders.stream().filter(o -> o.fraudPattern() == Pattern.ACCOUNT_TAKEOVER)
                .toList();
        for (Order o : takeovers) {
            Customer c = SEED.customers.get(o.customer());
            assertThat(c.fraudster()).isFalse();
            assertThat(Duration.between(c.registeredAt(), o.placedAt()))
                    .isGreaterThanOrEqualTo(FraudMix.TAKEOVER_MIN_AGE);
            List<Order> before = SEED.orders.stream().filter(p -> p.customer() == o.customer()
                    && p.fraudPattern() == null && p.placedAt().isBefore(o.placedAt())).toList();
            assertThat(before).hasSizeGreaterThanOrEqualTo(FraudMix.TAKEOVER_MIN_ORDERS);
            assertThat(before).allSatisfy(p -> assertThat(p.card()).as("an earlier order's card")
                    .isNotEqualTo(o.card()));
            assertThat(c.cards().get(o.card()).country()).isNotEqualTo(c.country());
            assertThat(o.shipCountry()).isNotEqualTo(c.country());
            assertThat(o.newAddress()).isTrue();
            assertThat(IpBlocks.country(o.clientIp())).isPresent().get().isNotEqualTo(c.country());
        }
        for (List<Order> episode : episodes(SEED, Pattern.ACCOUNT_TAKEOVER)) {
            oneCustomer(episode);
            assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofHours(3));
        }
        assertThat(median(takeovers)).isGreaterThan(LEGITIMATE_MEDIAN.multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void aVelocityBurstIsManyOrdersWithinAnHourOnOneAccount() {
        Collection<List<Order>> episodes = episodes(SEED, Pattern.VELOCITY_BURST);
        assertThat(episodes).hasSizeGreaterThan(10);
        for (List<Order> episode : episodes) {
            assertThat(oneCustomer(episode).fraudster()).isTrue();
            assertThat(episode).hasSizeGreaterThanOrEqualTo(6);
            assertThat(span(episode)).isLessThan(Duration.ofHours(1));
        }
    }

    @Test
    void aCountryMismatchHasACardHoldersBillingCountryAnotherShippingCountryAndAThirdIpCountry() {
        List<Order> mismatches = SEED.orders.stream().filter(o -> o.fraudPattern() == Pattern.COUNTRY_MISMATCH)
                .toList();
        for (Order o : mismatches) {
            Customer c = SEED.customers.get(o.customer());
            String card = c.cards().get(o.card()).country();
            assertThat(o.billingCountry()).isEqualTo(card).isNotEqualTo(c.country());
            assertThat(Set.of(o.billingCountry(), o.shipCountry(), IpBlocks.country(o.clientIp()).orElseThrow()))
                    .hasSize(3);
        }
        assertThat(median(mismatches)).isGreaterThan(LEGITIMATE_MEDIAN.multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void aHighValueFirstOrderIsAFreshAccountsOnlyOrderWorthMuchMoreThanMost() {
        List<Order> first = SEED.orders.stream().filter(o -> o.fraudPattern() == Pattern.HIGH_VALUE_FIRST_ORDER)
                .toList();
        Map<Integer, Long> ordersByCustomer = SEED.orders.stream()
                .collect(Collectors.groupingBy(Order::customer, Collectors.counting()));
        for (Order o : first) {
            Customer c = SEED.customers.get(o.customer());
            assertThat(c.fraudster()).isTrue();
            assertThat(ordersByCustomer.get(o.customer())).isEqualTo(1);
            assertThat(Duration.between(c.registeredAt(), o.placedAt())).isLessThanOrEqualTo(Duration.ofHours(3));
            assertThat(o.value()).isGreaterThan(LEGITIMATE_MEDIAN);
        }
        assertThat(median(first)).isGreaterThan(LEGITIMATE_MEDIAN.multiply(BigDecimal.valueOf(5)));
        long night = first.stream().filter(o -> o.placedAt().atZone(ZoneOffset.UTC).getHour() < 5).count();
        assertThat(night / (double) first.size()).as("placed at night").isBetween(0.4, 0.8);
    }

    @Test
    void lookAlikesAreLegitimateOrdersWithAFraudSignature() {
        Map<LookAlike, List<Order>> kinds = SEED.orders.stream().filter(o -> o.lookAlike() != null)
                .collect(Collectors.groupingBy(Order::lookAlike));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(LookAlike.values());
        kinds.values().forEach(orders -> assertThat(orders).allSatisfy(o -> {
            assertThat(o.fraudPattern()).isNull();
            assertThat(SEED.customers.get(o.customer()).fraudster()).isFalse();
        }));
        int legitimate = (int) SEED.orders.stream().filter(o -> o.fraudPattern() == null).count();
        assertThat(kinds.get(LookAlike.TRAVELLER).size() / (double) legitimate)
                .isCloseTo(FraudMix.TRAVELLER_SHARE, within(0.004));
        assertThat(kinds.get(LookAlike.TRAVELLER)).allSatisfy(o -> {
            Customer c = SEED.customers.get(o.customer());
            assertThat(IpBlocks.country(o.clientIp())).get().isNotEqualTo(c.country());
            assertThat(o.billingCountry()).isEqualTo(c.country());
        });
        // Travellers now and then ship to where they are: a country mismatch that is no fraud.
        assertThat(kinds.get(LookAlike.TRAVELLER))
                .anyMatch(o -> !o.shipCountry().equals(SEED.customers.get(o.customer()).country()));
        assertThat(kinds.get(LookAlike.EXPAT)).hasSizeGreaterThan(200).allSatisfy(o -> {
            Customer c = SEED.customers.get(o.customer());
            assertThat(c.cards().get(o.card()).country()).isNotEqualTo(c.country());
            assertThat(IpBlocks.country(o.clientIp())).contains(c.country());
        });
        assertThat(kinds.get(LookAlike.GIFT)).hasSizeGreaterThan(200)
                .allSatisfy(o -> assertThat(o.newAddress()).isTrue())
                .anyMatch(o -> !o.shipCountry().equals(SEED.customers.get(o.customer()).country()));
        Map<Integer, Instant> first = firstOrders(SEED);
        assertThat(kinds.get(LookAlike.BIG_FIRST_ORDER)).hasSizeGreaterThan(50).allSatisfy(o -> {
            Customer c = SEED.customers.get(o.customer());
            assertThat(c.segment()).isEqualTo("WHOLESALE");
            assertThat(o.placedAt()).isEqualTo(first.get(o.customer()));
            assertThat(Duration.between(c.registeredAt(), o.placedAt())).isLessThanOrEqualTo(Duration.ofHours(4));
            assertThat(o.shipCountry()).isEqualTo(c.country());
            assertThat(IpBlocks.country(o.clientIp())).contains(c.country());
            assertThat(o.value()).isGreaterThan(LEGITIMATE_MEDIAN);
        });
        // As big as the fraudsters' first orders: value alone does not tell them apart.
        assertThat(median(kinds.get(LookAlike.BIG_FIRST_ORDER))).isGreaterThan(LEGITIMATE_MEDIAN
                .multiply(BigDecimal.valueOf(5)));
    }

    @Test
    void chargebacksComeFiveToSixtyDaysAfterPaymentOnPaidFraudSomeNeverAndOnAFewLegitimateOrders() {
        Instant history = NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(1));
        for (Order o : SEED.orders) {
            if (o.chargebackAt() == null) {
                continue;
            }
            assertThat(o.paidAt()).isNotNull();
            assertThat(o.status()).isIn("PAID", "SHIPPED", "DELIVERED");
            assertThat(o.chargebackAt()).isAfterOrEqualTo(o.paidAt().plus(FraudMix.CHARGEBACK_MIN))
                    .isBeforeOrEqualTo(o.paidAt().plus(FraudMix.CHARGEBACK_MAX))
                    .isAfter(o.shippedAt() == null ? o.paidAt() : o.shippedAt())
                    .isBeforeOrEqualTo(history);
            if (o.deliveredAt() != null) {
                assertThat(o.chargebackAt()).isAfter(o.deliveredAt());
            }
            if (o.fraudPattern() == null) {
                assertThat(o.lookAlike()).isEqualTo(LookAlike.FRIENDLY_FRAUD);
            }
        }
        // Paid long enough ago for any chargeback to have come: about 1 - UNLABELLED_SHARE of the fraud has one.
        List<Order> settledFraud = SEED.orders.stream().filter(o -> o.fraudPattern() != null && paidNotReturned(o)
                && o.paidAt().isBefore(history.minus(Duration.ofDays(70)))).toList();
        double labelled = settledFraud.stream().filter(o -> o.chargebackAt() != null).count()
                / (double) settledFraud.size();
        assertThat(labelled).isCloseTo(1 - FraudMix.UNLABELLED_SHARE, within(0.06));
        List<Order> settledLegitimate = SEED.orders.stream().filter(o -> o.fraudPattern() == null
                && o.lookAlike() != LookAlike.TRAVELLER && o.lookAlike() != LookAlike.GIFT
                && o.lookAlike() != LookAlike.EXPAT && o.lookAlike() != LookAlike.BIG_FIRST_ORDER
                && paidNotReturned(o) && o.paidAt().isBefore(history.minus(Duration.ofDays(70)))).toList();
        double friendly = settledLegitimate.stream().filter(o -> o.chargebackAt() != null).count()
                / (double) settledLegitimate.size();
        assertThat(friendly).isCloseTo(FraudMix.FRIENDLY_FRAUD_SHARE, within(0.001));
        // Unpaid fraud (declined, rejected) is never charged back.
        assertThat(SEED.orders).filteredOn(o -> o.status().equals("CANCELLED"))
                .allSatisfy(o -> assertThat(o.chargebackAt()).isNull());
    }

    @Test
    void everyOrderHasAClientIpOfAKnownBlockAndCardsAreValidNumbersOfTheirCountry() {
        assertThat(SEED.orders).allSatisfy(o -> assertThat(IpBlocks.country(o.clientIp())).isPresent());
        // Ordinary orders come from the customer's own country, from one of three addresses.
        Map<Integer, Set<String>> ips = new HashMap<>();
        SEED.orders.stream().filter(o -> o.fraudPattern() == null && o.lookAlike() != LookAlike.TRAVELLER)
                .forEach(o -> {
                    assertThat(IpBlocks.country(o.clientIp())).contains(SEED.customers.get(o.customer()).country());
                    ips.computeIfAbsent(o.customer(), k -> new HashSet<>()).add(o.clientIp());
                });
        assertThat(ips.values()).allSatisfy(set -> assertThat(set).hasSizeLessThanOrEqualTo(3));
        for (Customer c : SEED.customers) {
            assertThat(c.cards()).isNotEmpty().allSatisfy(card -> {
                assertThat(card.number()).matches("[0-9]{16}");
                assertThat(CardBinsTest.luhnValid(card.number())).as(card.number()).isTrue();
                assertThat(CardBins.country(card.number())).contains(card.country());
            });
        }
    }

    private static boolean paidNotReturned(Order o) {
        return o.paidAt() != null && !o.status().equals("CANCELLED") && !o.status().equals("RETURNED");
    }

    private static Map<Integer, Instant> firstOrders(Synthesis s) {
        Map<Integer, Instant> first = new HashMap<>();
        s.orders.forEach(o -> first.merge(o.customer(), o.placedAt(), (a, b) -> a.isBefore(b) ? a : b));
        return first;
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Collection<List<Order>> episodes(Synthesis s, Pattern pattern) {
        return s.orders.stream().filter(o -> o.fraudPattern() == pattern)
                .peek(o -> assertThat(o.episode()).isNotNegative())
                .collect(Collectors.groupingBy(Order::episode)).values();
    }

    private static Customer oneCustomer(List<Order> episode) {
        assertThat(episode.stream().map(Order::customer).distinct()).as("customers of one episode").hasSize(1);
        return SEED.customers.get(episode.get(0).customer());
    }

    private static Duration span(List<Order> orders) {
        Instant first = orders.stream().map(Order::placedAt).min(Instant::compareTo).orElseThrow();
        Instant last = orders.stream().map(Order::placedAt).max(Instant::compareTo).orElseThrow();
        return Duration.between(first, last);
    }

    private static BigDecimal median(List<Order> orders) {
        List<BigDecimal> values = orders.stream().map(Order::value).sorted().toList();
        return values.get(values.size() / 2);
    }
}
