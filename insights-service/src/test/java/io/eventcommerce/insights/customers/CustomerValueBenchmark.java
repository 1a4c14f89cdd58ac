package io.eventcommerce.insights.customers;

import io.eventcommerce.analytics.clv.BgNbdFitter;
import io.eventcommerce.analytics.clv.GammaGammaFitter;
import io.eventcommerce.analytics.clv.LifetimeValue;
import io.eventcommerce.analytics.clv.PurchaseSummary;
import io.eventcommerce.analytics.clv.SpendSummary;
import io.eventcommerce.analytics.rfm.RfmScoring;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer-value run's compute for 10,000 synthetic customers (a year and a half of purchase days, buying as
 * Poisson while alive and dropping out after a purchase): mapping to model inputs, both fits, RFM and every
 * customer's value. Not a timing assertion and not part of the build's tests (surefire runs {@code *Test}
 * classes): run it with {@code ./mvnw -o test -pl insights-service -am -Dtest=CustomerValueBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints what it measured.
 */
class CustomerValueBenchmark {

    @Test
    void tenThousandCustomers() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        List<CustomerHistory> customers = synthetic(10_000, today, new Random(11));
        for (int warm = 0; warm < 3; warm++) {
            compute(customers, today);
        }
        long start = System.nanoTime();
        long[] fit = compute(customers, today);
        long total = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("CustomerValueBenchmark: %d customers (%d repeat): fit %d ms (BG/NBD %d evaluations), "
                + "RFM + values %d ms, total %d ms%n", customers.size(), fit[2], fit[0], fit[3], fit[1], total);
        assertThat(fit[2]).isPositive();
    }

    /** fit ms, scoring ms, repeat customers, BG/NBD evaluations. */
    private static long[] compute(List<CustomerHistory> customers, LocalDate today) {
        long t0 = System.nanoTime();
        List<PurchaseSummary> purchases = customers.stream().map(c -> c.purchases(today)).toList();
        List<SpendSummary> spends = customers.stream().filter(c -> c.days().size() > 1)
                .map(c -> new SpendSummary(c.days().size() - 1, c.averageRepeatValue())).toList();
        BgNbdFitter.Fit bgNbd = BgNbdFitter.fit(purchases);
        GammaGammaFitter.Fit gg = GammaGammaFitter.fit(spends);
        long t1 = System.nanoTime();
        LifetimeValue clv = CustomerValueJob.lifetimeValue(bgNbd, gg, 365, 0.10);
        RfmScoring.score(customers.stream().map(c -> c.activity(today)).toList());
        double sum = 0;
        for (int i = 0; i < customers.size(); i++) {
            sum += clv.value(purchases.get(i), customers.get(i).averageRepeatValue());
            sum += clv.purchases().probabilityAlive(purchases.get(i));
        }
        assertThat(sum).isFinite();
        return new long[] {(t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, spends.size(),
                bgNbd.evaluations()};
    }

    private static List<CustomerHistory> synthetic(int count, LocalDate today, Random random) {
        List<CustomerHistory> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate first = today.minusDays(1 + random.nextInt(540));
            double ratePerDay = -Math.log(1 - random.nextDouble()) / 40; // mean one purchase per 40 days
            double dropout = 0.05 + 0.4 * random.nextDouble();
            double spend = 20 + 80 * random.nextDouble();
            List<LocalDate> days = new ArrayList<>(List.of(first));
            List<Double> nets = new ArrayList<>(List.of(spend));
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / ratePerDay;
                LocalDate day = first.plusDays((long) Math.ceil(t));
                if (day.isAfter(today)) {
                    break;
                }
                if (!day.equals(days.get(days.size() - 1))) {
                    days.add(day);
                    nets.add(spend * (0.5 + random.nextDouble()));
                }
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            customers.add(new CustomerHistory("c" + i, days, nets, days.size()));
        }
        return customers;
    }
}
