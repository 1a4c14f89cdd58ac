package io.eventcommerce.analytics.trend;

import java.util.Arrays;

/**
 * A classical additive decomposition y = trend + season + remainder with period m, and the strengths of trend and
 * season that Wang, Smith &amp; Hyndman define on it ("Characteristic-based clustering for time series data",
 * Data Mining and Knowledge Discovery 13, 2006; Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and
 * Practice</i>, 3rd ed., 4.3): F<sub>s</sub> = max(0, 1 &minus; Var(R)/Var(S+R)) and F<sub>t</sub> = max(0, 1
 * &minus; Var(R)/Var(T+R)), both in [0, 1], near 1 when the component dominates the noise. They make "how
 * seasonal" comparable across products of very different volumes.
 *
 * <p>The trend is the centred moving average of order m (2&times;m for even m), undefined (NaN) for the first and
 * last m/2 points; the season is the mean detrended value of each position in the cycle, centred to sum to zero;
 * the remainder is what is left where the trend is defined. Classical rather than STL because it needs no tuning
 * and is exact for a fixed pattern, which is what weekly retail seasonality mostly is; it is not robust to
 * outliers.
 *
 * @param trend     T, NaN where the moving average is undefined
 * @param seasonal  S, defined everywhere (the index of the point's position in the cycle)
 * @param remainder R = y &minus; T &minus; S, NaN where T is
 */
public record Decomposition(int period, double[] trend, double[] seasonal, double[] remainder) {

    /** Decomposes {@code values}; needs at least two full periods. */
    public static Decomposition classicalAdditive(double[] values, int period) {
        int n = values.length;
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, was " + period);
        }
        if (n < 2 * period) {
            throw new IllegalArgumentException("need two full periods (" + 2 * period + " values), had " + n);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite");
            }
        }
        double[] trend = movingAverage(values, period);
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(trend[i])) {
                sum[i % period] += values[i] - trend[i];
                count[i % period]++;
            }
        }
        double[] index = new double[period];
        double mean = 0;
        for (int p = 0; p < period; p++) {
            index[p] = sum[p] / count[p];
            mean += index[p] / period;
        }
        double[] seasonal = new double[n];
        double[] remainder = new double[n];
        for (int i = 0; i < n; i++) {
            seasonal[i] = index[i % period] - mean;
            remainder[i] = values[i] - trend[i] - seasonal[i];
        }
        return new Decomposition(period, trend, seasonal, remainder);
    }

    /** F<sub>s</sub> = max(0, 1 &minus; Var(R)/Var(S+R)) over the points where R is defined. */
    public double seasonalStrength() {
        return strength(seasonal);
    }

    /** F<sub>t</sub> = max(0, 1 &minus; Var(R)/Var(T+R)) over the points where R is defined. */
    public double trendStrength() {
        return strength(trend);
    }

    private double strength(double[] component) {
        int m = 0;
        double[] r = new double[remainder.length];
        double[] cr = new double[remainder.length];
        for (int i = 0; i < remainder.length; i++) {
            if (!Double.isNaN(remainder[i])) {
                r[m] = remainder[i];
                cr[m] = component[i] + remainder[i];
                m++;
            }
        }
        double varComponent = variance(cr, m);
        if (varComponent == 0) {
            return 0;
        }
        return Math.max(0, 1 - variance(r, m) / varComponent);
    }

    private static double variance(double[] x, int m) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += x[i] / m;
        }
        double ss = 0;
        for (int i = 0; i < m; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return ss / (m - 1);
    }

    /** Centred MA of order m; for even m the 2&times;m MA (half weights at both ends). */
    private static double[] movingAverage(double[] y, int m) {
        int n = y.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int half = m / 2;
        for (int i = half; i < n - half; i++) {
            double total = 0;
            if (m % 2 == 1) {
                for (int k = -half; k <= half; k++) {
                    total += y[i + k];
                }
                out[i] = total / m;
            } else {
                for (int k = -half + 1; k <= half - 1; k++) {
                    total += y[i + k];
                }
                total += (y[i - half] + y[i + half]) / 2;
                out[i] = total / m;
            }
        }
        return out;
    }
}
