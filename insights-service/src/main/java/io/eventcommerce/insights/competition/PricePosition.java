package io.eventcommerce.insights.competition;

import io.eventcommerce.analytics.trend.MannKendall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The competitor analysis of one region and category, pure: our price position now (our prices over the
 * competitors' means, the basket of {@link PriceIndex}; 1 is level), the share of our watched products that a
 * competitor there undercuts by more than the threshold, and the trend of the weekly position (Mann-Kendall with
 * Sen's slope per week; too few weeks give no test). Our price is the current list price in every week: the
 * replica keeps no price history, so the trend is the competitors' movement against today's price.
 */
public final class PricePosition {

    /** Weeks with a position a trend test needs at least. */
    static final int MIN_TREND_WEEKS = 4;
    private static final double ALPHA = 0.05;

    /** One region and category. */
    public record Result(String region, UUID categoryId, int products, int undercut, BigDecimal undercutShare,
                         int observations, BigDecimal position, String trendDirection, BigDecimal trendSlope,
                         BigDecimal trendPValue, int trendWeeks) {
    }

    private PricePosition() {
    }

    /**
     * The results per region and category from {@code quotes} observed since {@code now} minus {@code weeks}
     * weeks: the position and undercut share over the last {@code windowDays}, the trend over the weeks.
     */
    public static List<Result> analyse(List<PriceIndex.Quote> quotes, Instant now, int windowDays, int weeks,
                                       BigDecimal threshold) {
        Instant windowStart = now.minus(Duration.ofDays(windowDays));
        List<PriceIndex.Quote> current = PriceIndex.latest(quotes.stream()
                .filter(q -> !q.observedAt().isBefore(windowStart) && q.categoryId() != null).toList());
        Map<String, PriceIndex.Entry> positions = new HashMap<>();
        PriceIndex.index(current, PricePosition::group).forEach(e -> positions.put(e.key(), e));
        Map<String, Map<UUID, Boolean>> undercut = new HashMap<>();
        for (PriceIndex.Quote q : current) {
            undercut.computeIfAbsent(group(q), k -> new HashMap<>())
                    .merge(q.productId(), PriceIndex.undercuts(q.price(), q.ourPrice(), threshold), Boolean::logicalOr);
        }
        Map<String, double[]> weekly = new HashMap<>();
        for (int w = 0; w < weeks; w++) {
            Instant to = now.minus(Duration.ofDays(7L * (weeks - 1 - w)));
            Instant from = to.minus(Duration.ofDays(7));
            List<PriceIndex.Quote> week = PriceIndex.latest(quotes.stream().filter(q -> q.categoryId() != null
                    && !q.observedAt().isBefore(from) && q.observedAt().isBefore(to.plusNanos(1))).toList());
            for (PriceIndex.Entry e : PriceIndex.index(week, PricePosition::group)) {
                double[] series = weekly.computeIfAbsent(e.key(), k -> filled(weeks));
                series[w] = e.index().doubleValue() / 100;
            }
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, PriceIndex.Entry> e : new TreeMap<>(positions).entrySet()) {
            String[] key = e.getKey().split("\\|", 2);
            PriceIndex.Entry entry = e.getValue();
            int products = entry.products();
            int under = (int) undercut.get(e.getKey()).values().stream().filter(b -> b).count();
            Trend trend = trend(weekly.getOrDefault(e.getKey(), filled(weeks)));
            results.add(new Result(key[0], UUID.fromString(key[1]), products, under,
                    BigDecimal.valueOf(under).divide(BigDecimal.valueOf(products), 4, RoundingMode.HALF_UP),
                    entry.observations(), entry.index().movePointLeft(2).setScale(4, RoundingMode.UNNECESSARY),
                    trend.direction, trend.slope, trend.pValue, trend.weeks));
        }
        return results;
    }

    private record Trend(String direction, BigDecimal slope, BigDecimal pValue, int weeks) {
    }

    /** The test over the weeks that have a position; none under {@value #MIN_TREND_WEEKS} weeks. */
    static Trend trend(double[] series) {
        List<Double> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int w = 0; w < series.length; w++) {
            if (!Double.isNaN(series[w])) {
                times.add((double) w);
                values.add(series[w]);
            }
        }
        if (values.size() < MIN_TREND_WEEKS) {
            return new Trend(null, null, null, values.size());
        }
        MannKendall.Result r = MannKendall.test(times.stream().mapToDouble(Double::doubleValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), ALPHA, MannKendall.Variance.INDEPENDENT);
        return new Trend(r.direction().name(), scaled(r.slope(), 6),
                scaled(Double.isFinite(r.pValue()) ? r.pValue() : 1, 6), values.size());
    }

    private static BigDecimal scaled(double value, int scale) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }

    private static double[] filled(int weeks) {
        double[] series = new double[weeks];
        java.util.Arrays.fill(series, Double.NaN);
        return series;
    }

    private static String group(PriceIndex.Quote q) {
        return q.categoryId() == null ? null : q.region() + "|" + q.categoryId();
    }
}
