package io.eventcommerce.insights.reports.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * ABC analysis of stock by value: items sorted by value, largest first, are class A while the value before them is
 * under 80 % of the total, B under 95 %, C the rest. Judged by the value <em>before</em> an item, so the item that
 * crosses 80 % is still A, and a single item holding everything is A. Items without value (zero stock, no price)
 * are C.
 */
public final class AbcClassifier {

    public static final BigDecimal A_SHARE = new BigDecimal("0.80");
    public static final BigDecimal B_SHARE = new BigDecimal("0.95");

    private AbcClassifier() {
    }

    /** One item and its class, with the cumulative share of total value up to and including it. */
    public record Classified<T>(T item, String abcClass, BigDecimal cumulativeShare) {
    }

    public static <T> List<Classified<T>> classify(List<T> items, Function<T, BigDecimal> value) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(value).reversed());
        BigDecimal total = sorted.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Classified<T>> out = new ArrayList<>(sorted.size());
        BigDecimal before = BigDecimal.ZERO;
        for (T item : sorted) {
            BigDecimal v = value.apply(item);
            BigDecimal shareBefore = share(before, total);
            before = before.add(v);
            String abc = v.signum() <= 0 ? "C"
                    : shareBefore.compareTo(A_SHARE) < 0 ? "A" : shareBefore.compareTo(B_SHARE) < 0 ? "B" : "C";
            out.add(new Classified<>(item, abc, share(before, total)));
        }
        return out;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, 4, java.math.RoundingMode.HALF_UP);
    }
}
