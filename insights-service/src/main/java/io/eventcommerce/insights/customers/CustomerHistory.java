package io.eventcommerce.insights.customers;

import io.eventcommerce.analytics.clv.PurchaseSummary;
import io.eventcommerce.analytics.rfm.CustomerActivity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One customer's counted sales as the models read them: purchase occasions are the days with a counted sale (as the
 * lifetimes library counts them, so two orders on one day are one purchase), each with its net. BG/NBD times are in
 * weeks, the unit its fitter's starting point and CDNOW's reference fit use; RFM counts orders and revenue.
 *
 * @param days   the purchase days, ascending, at least one
 * @param nets   the net of each day's counted orders
 * @param orders the number of counted orders
 */
public record CustomerHistory(String customerId, List<LocalDate> days, List<Double> nets, int orders) {

    public CustomerHistory {
        Objects.requireNonNull(customerId, "customerId");
        if (days.isEmpty() || days.size() != nets.size()) {
            throw new IllegalArgumentException("need one net per purchase day, at least one day");
        }
        days = List.copyOf(days);
        nets = List.copyOf(nets);
    }

    public LocalDate firstDay() {
        return days.get(0);
    }

    public LocalDate lastDay() {
        return days.get(days.size() - 1);
    }

    /** x = repeat purchase days, t<sub>x</sub> and T in weeks; T counts to {@code asOf} (never before the last). */
    public PurchaseSummary purchases(LocalDate asOf) {
        int x = days.size() - 1;
        double recency = ChronoUnit.DAYS.between(firstDay(), lastDay()) / 7.0;
        double age = Math.max(ChronoUnit.DAYS.between(firstDay(), asOf) / 7.0, recency);
        return new PurchaseSummary(x, x == 0 ? 0 : recency, age);
    }

    /** z&#772;, the mean net of the repeat purchase days (the first purchase excluded, as Gamma-Gamma wants); 0. */
    public double averageRepeatValue() {
        if (days.size() < 2) {
            return 0;
        }
        return nets.subList(1, nets.size()).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public double revenue() {
        return nets.stream().mapToDouble(Double::doubleValue).sum();
    }

    public int daysSinceLast(LocalDate asOf) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(lastDay(), asOf));
    }

    public CustomerActivity activity(LocalDate asOf) {
        return new CustomerActivity(customerId, daysSinceLast(asOf), orders, revenue());
    }
}
