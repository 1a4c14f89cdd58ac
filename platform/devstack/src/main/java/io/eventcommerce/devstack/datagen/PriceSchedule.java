package io.eventcommerce.devstack.datagen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A product's prices over the history, with the true constant elasticity its demand answers them with, so a price
 * elasticity estimate can be checked against the truth ({@code elasticity-truth.csv}). The price changes at midnight
 * UTC of a segment's first day (days counted from the start of the history) and holds until the next one; the last
 * segment is the reference (list) price, the price catalog-service holds today.
 *
 * @param reference  the list price, the product's price in the catalog
 * @param elasticity d log(demand) / d log(price), negative
 * @param starts     the first day of each segment, ascending, the first 0
 * @param prices     the price of each segment
 */
record PriceSchedule(BigDecimal reference, double elasticity, List<Integer> starts, List<BigDecimal> prices) {

    /** The share of products whose price varies over the history. */
    static final double SHARE = 0.4;
    /**
     * The best sellers (by popularity) whose price always varies, over at least {@link #BEST_SELLER_LEVELS} levels:
     * only they sell on enough days of a year for an elasticity estimate at the small scale (about 12 order lines a
     * year per product), so the small data set's elasticities can be checked against the truth at all.
     */
    static final int BEST_SELLERS = 20;
    static final int BEST_SELLER_LEVELS = 3;
    static final double MIN_ELASTICITY = -3.0;
    static final double MAX_ELASTICITY = -0.5;
    /** The price levels a schedule picks from, relative to the list price; the list price is always one. */
    static final double[] LEVELS = {1.0, 0.9, 0.8, 1.1};
    /** A price holds 2 to 8 weeks. */
    static final int MIN_DAYS = 14;
    static final int MAX_DAYS = 56;

    /**
     * A schedule over {@code days} days: {@code minLevels}–4 levels (2 or 3), changing every 2–8 weeks, ending at the
     * list price.
     */
    static PriceSchedule draw(BigDecimal reference, int days, int minLevels, Random random) {
        double elasticity = MIN_ELASTICITY + (MAX_ELASTICITY - MIN_ELASTICITY) * random.nextDouble();
        List<Double> levels = new ArrayList<>(List.of(1.0));
        List<Double> others = new ArrayList<>(List.of(LEVELS[1], LEVELS[2], LEVELS[3]));
        java.util.Collections.shuffle(others, random);
        levels.addAll(others.subList(0, minLevels - 1 + random.nextInt(others.size() - minLevels + 2)));
        List<Integer> starts = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        int day = 0;
        double level = levels.get(random.nextInt(levels.size()));
        while (day < days) {
            starts.add(day);
            chosen.add(level);
            day += MIN_DAYS + random.nextInt(MAX_DAYS - MIN_DAYS + 1);
            double next;
            do {
                next = levels.get(random.nextInt(levels.size()));
            } while (next == level);
            level = next;
        }
        // Today's price is the catalog's: the last segment is the list price (neighbours always differ).
        int last = chosen.size() - 1;
        if (chosen.get(last) != 1.0) {
            if (chosen.get(last - 1) == 1.0) {
                starts.remove(last);
                chosen.remove(last);
            } else {
                chosen.set(last, 1.0);
            }
        }
        List<BigDecimal> prices = chosen.stream()
                .map(l -> reference.multiply(BigDecimal.valueOf(l)).setScale(2, RoundingMode.HALF_UP)).toList();
        return new PriceSchedule(reference, elasticity, List.copyOf(starts), prices);
    }

    /** The price in force on {@code day} (0 = the first day of the history; later days keep the last price). */
    BigDecimal priceOn(int day) {
        int i = prices.size() - 1;
        while (i > 0 && starts.get(i) > day) {
            i--;
        }
        return prices.get(i);
    }

    /** Relative demand at a price: (price / reference)^elasticity. */
    double demandAt(BigDecimal price) {
        return Math.pow(price.doubleValue() / reference.doubleValue(), elasticity);
    }

    /** The highest relative demand of the schedule (at its lowest price). */
    double peakDemand() {
        return prices.stream().mapToDouble(this::demandAt).max().orElse(1);
    }

    BigDecimal highest() {
        return prices.stream().max(BigDecimal::compareTo).orElse(reference);
    }

    /** The number of distinct prices the schedule uses. */
    int levels() {
        return (int) prices.stream().map(BigDecimal::stripTrailingZeros).distinct().count();
    }
}
