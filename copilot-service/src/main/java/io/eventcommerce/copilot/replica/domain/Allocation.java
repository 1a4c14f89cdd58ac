package io.eventcommerce.copilot.replica.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an order's amount (its discount, its refunds) over its lines by weight (their gross, their net) to the cent,
 * so that the lines' shares add up to the amount exactly: each line gets its share rounded towards zero, and the cents
 * left go one each to the lines with the largest remainders (the first line on a tie), the largest remainder method.
 * Without any weight the first line takes it all.
 */
public final class Allocation {

    private static final int SCALE = 2;

    private Allocation() {
    }

    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            return List.of();
        }
        BigDecimal total = amount.setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        if (sum.signum() == 0) {
            for (int i = 0; i < weights.size(); i++) {
                shares.add(i == 0 ? total : BigDecimal.ZERO.setScale(SCALE));
            }
            return shares;
        }
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = total.multiply(weights.get(i)).divide(sum, SCALE + 10, RoundingMode.HALF_EVEN);
            BigDecimal share = exact.setScale(SCALE, RoundingMode.DOWN);
            shares.add(share);
            remainders[i] = exact.subtract(share).abs();
            given = given.add(share);
        }
        BigDecimal cent = BigDecimal.ONE.movePointLeft(SCALE).multiply(BigDecimal.valueOf(total.signum()));
        long left = total.subtract(given).movePointRight(SCALE).abs().longValueExact();
        List<Integer> order = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            shares.set(i, shares.get(i).add(cent));
        }
        return shares;
    }
}
