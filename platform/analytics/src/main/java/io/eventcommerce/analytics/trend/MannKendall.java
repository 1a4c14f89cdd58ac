package io.eventcommerce.analytics.trend;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Kendall test for a monotonic trend, with Sen's slope as its size. S = &Sigma;<sub>i&lt;j</sub>
 * sign(y<sub>j</sub> &minus; y<sub>i</sub>); under "no trend" (independent, identically distributed values) S has
 * mean 0 and, with tie groups of sizes t, Var(S) = [n(n&minus;1)(2n+5) &minus; &Sigma; t(t&minus;1)(2t+5)] / 18
 * (Kendall 1975). Z = (S &minus; sign(S)) / &radic;Var(S) (continuity correction) is compared with the standard
 * normal, two-sided. Sen's slope (Sen 1968) is the median of the pairwise slopes (y<sub>j</sub> &minus;
 * y<sub>i</sub>)/(t<sub>j</sub> &minus; t<sub>i</sub>); its confidence interval takes the pairwise slopes of rank
 * (N &minus; C)/2 and (N + C)/2 + 1 with C = z<sub>1&minus;&alpha;/2</sub> &radic;Var(S) (Gilbert 1987, 16.5),
 * interpolated between ranks.
 *
 * <p>Sales series are often autocorrelated, which makes the plain test find trends too often (a positively
 * correlated series wanders). {@link Variance#HAMED_RAO} inflates Var(S) by the effective-sample-size factor of
 * Hamed &amp; Rao, "A modified Mann-Kendall trend test for autocorrelated data", J. Hydrology 204 (1998), using
 * only the rank autocorrelations of the Sen-detrended series that are significant at the test's level. The
 * alternative, pre-whitening (Yue &amp; Pilon 2002), is not implemented: it changes the series the slope is read
 * from.
 *
 * <p>Pairwise work is O(n&sup2;) in time and memory for the slopes: fine for the two years of daily values a
 * product has (730 points, 266,000 slopes), not for minute data.
 */
public final class MannKendall {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** How Var(S) is computed. */
    public enum Variance {
        /** Kendall's variance with the tie correction, for independent values. */
        INDEPENDENT,
        /** Kendall's variance scaled by the Hamed &amp; Rao (1998) factor n/n* for autocorrelated values. */
        HAMED_RAO
    }

    /**
     * @param s          the Mann-Kendall statistic
     * @param variance   Var(S) as used for z (tie-corrected, and scaled if Hamed-Rao)
     * @param tau        Kendall's tau-a, S / (n(n&minus;1)/2)
     * @param slope      Sen's slope per unit of time
     * @param direction  growth or decline where pValue &lt; alpha, else no trend
     */
    public record Result(int n, long s, double variance, double z, double pValue, double tau, double slope,
                         double slopeLower, double slopeUpper, double alpha, TrendDirection direction) {
    }

    private MannKendall() {
    }

    /** The test on equally spaced values; the slope is per step. */
    public static Result test(double[] values, double alpha) {
        double[] times = new double[values.length];
        Arrays.setAll(times, i -> i);
        return test(times, values, alpha, Variance.INDEPENDENT);
    }

    /** The test on values at strictly increasing times; the slope is per unit of time. */
    public static Result test(double[] times, double[] values, double alpha, Variance variance) {
        int n = values.length;
        if (times.length != n) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        int[][] all = {new int[n]};
        Arrays.setAll(all[0], i -> i);
        return compute(times, values, all, alpha, variance);
    }

    /**
     * The seasonal Kendall test (Hirsch, Slack &amp; Smith, "Techniques of trend analysis for monthly water quality
     * data", Water Resources Research 18, 1982) on equally spaced values with a season of {@code period} steps:
     * S and Var(S) are sums over the positions in the cycle of the statistics of each position's own series (all
     * Mondays, all Tuesdays, ...), and Sen's slope is the median of the within-position slopes, per step. Only
     * like is compared with like, so a weekly pattern cannot pass for a trend: on a full-cycle series the plain
     * test counts "Saturday after Monday" pairs more often than the reverse and reads an in-week rise as growth.
     * The seasons are taken as independent of each other (no Hirsch &amp; Slack 1984 covariance term).
     */
    public static Result seasonal(double[] values, int period, double alpha) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, was " + period);
        }
        if (values.length < 2 * period) {
            throw new IllegalArgumentException("need two full periods (" + 2 * period + " values), had "
                    + values.length);
        }
        double[] times = new double[values.length];
        Arrays.setAll(times, i -> i);
        int[][] seasons = new int[period][];
        for (int p = 0; p < period; p++) {
            int count = (values.length - p + period - 1) / period;
            seasons[p] = new int[count];
            for (int k = 0; k < count; k++) {
                seasons[p][k] = p + k * period;
            }
        }
        return compute(times, values, seasons, alpha, Variance.INDEPENDENT);
    }

    /** S, Var(S) and the slopes summed over groups of indices, each group compared only within itself. */
    private static Result compute(double[] times, double[] values, int[][] groups, double alpha,
                                  Variance variance) {
        int n = values.length;
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 values, had " + n);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i]) || !Double.isFinite(times[i]) || i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("need finite values at strictly increasing times (index " + i
                        + ")");
            }
        }
        int pairs = 0;
        for (int[] g : groups) {
            pairs += g.length * (g.length - 1) / 2;
        }
        long s = 0;
        double varS = 0;
        double[] slopes = new double[pairs];
        int k = 0;
        for (int[] g : groups) {
            double[] groupValues = new double[g.length];
            for (int a = 0; a < g.length; a++) {
                groupValues[a] = values[g[a]];
                for (int b = a + 1; b < g.length; b++) {
                    double d = values[g[b]] - values[g[a]];
                    s += d > 0 ? 1 : d < 0 ? -1 : 0;
                    slopes[k++] = d / (times[g[b]] - times[g[a]]);
                }
            }
            varS += kendallVariance(groupValues);
        }
        Arrays.sort(slopes);
        double slope = median(slopes);
        if (variance == Variance.HAMED_RAO) {
            varS *= hamedRaoFactor(times, values, slope, alpha);
        }
        double z = varS > 0 ? (s - Math.signum((double) s)) / Math.sqrt(varS) : 0;
        double p = Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));

        double c = NORMAL.inverseCumulativeProbability(1 - alpha / 2) * Math.sqrt(varS);
        double lower = atRank(slopes, (pairs - c) / 2);
        double upper = atRank(slopes, (pairs + c) / 2 + 1);

        TrendDirection direction = p >= alpha || s == 0 ? TrendDirection.NO_TREND
                : s > 0 ? TrendDirection.GROWTH : TrendDirection.DECLINE;
        return new Result(n, s, varS, z, p, s / (double) pairs, slope, lower, upper, alpha, direction);
    }

    /** n(n&minus;1)(2n+5)/18 less the tie groups' share. */
    static double kendallVariance(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        return ((double) n * (n - 1) * (2.0 * n + 5) - ties) / 18;
    }

    /**
     * n/n* = 1 + 2/(n(n&minus;1)(n&minus;2)) &middot; &Sigma;<sub>k</sub>
     * (n&minus;k)(n&minus;k&minus;1)(n&minus;k&minus;2) &rho;<sub>k</sub>, over the lags whose rank
     * autocorrelation &rho;<sub>k</sub> of the detrended series is significant (|&rho;<sub>k</sub>| &gt;
     * z<sub>1&minus;&alpha;/2</sub>/&radic;n). Never below 1: negative autocorrelation would make the test
     * bolder than for independent data, which the correction is not for.
     */
    static double hamedRaoFactor(double[] times, double[] values, double slope, double alpha) {
        int n = values.length;
        double[] detrended = new double[n];
        for (int i = 0; i < n; i++) {
            detrended[i] = values[i] - slope * times[i];
        }
        double[] ranks = new org.apache.commons.math3.stat.ranking.NaturalRanking().rank(detrended);
        double mean = (n + 1) / 2.0;
        double denominator = 0;
        for (double r : ranks) {
            denominator += (r - mean) * (r - mean);
        }
        if (denominator == 0) {
            return 1;
        }
        double bound = NORMAL.inverseCumulativeProbability(1 - alpha / 2) / Math.sqrt(n);
        double sum = 0;
        for (int lag = 1; lag < n - 2; lag++) {
            double numerator = 0;
            for (int i = 0; i + lag < n; i++) {
                numerator += (ranks[i] - mean) * (ranks[i + lag] - mean);
            }
            double rho = numerator / denominator;
            if (Math.abs(rho) > bound) {
                sum += (double) (n - lag) * (n - lag - 1) * (n - lag - 2) * rho;
            }
        }
        double factor = 1 + 2 * sum / ((double) n * (n - 1) * (n - 2));
        return Math.max(1, factor);
    }

    private static double median(double[] sorted) {
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }

    /** The value at a 1-based, possibly fractional rank, interpolated and clamped to the ends. */
    private static double atRank(double[] sorted, double rank) {
        double position = Math.max(1, Math.min(sorted.length, rank)) - 1;
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
