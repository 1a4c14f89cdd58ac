package io.eventcommerce.analytics.forecast;

import java.util.Arrays;

/**
 * Croston's method for intermittent demand, and its bias-corrected variant SBA (Syntetos and Boylan, 2005).
 * Demand sizes and the intervals between demands are smoothed separately with the same {@code α}, only on days
 * with demand; the forecast is the flat rate {@code size / interval}, times {@code 1 − α/2} for SBA (Croston's
 * ratio overestimates the rate). Both start from the first demand's size and the days up to it.
 *
 * <p>Croston has no agreed stochastic model, so its intervals are empirical: quantiles of the in-sample one-step
 * errors {@code y_t − f_{t−1}} (from the day after the first demand) added to the forecast, the same at every
 * horizon. The rate moves slowly (α = 0.1) and an intermittent day's error is dominated by whether demand happens
 * at all, so the one-step error distribution is also that of later steps; the selector cuts the bands at 0.
 */
public final class Croston implements Forecaster {

    /** The usual smoothing constant for intermittent demand (Syntetos and Boylan). */
    public static final double DEFAULT_ALPHA = 0.1;

    private final double alpha;
    private final boolean sba;

    private Croston(double alpha, boolean sba) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        this.alpha = alpha;
        this.sba = sba;
    }

    /** Croston's original method. */
    public static Croston classic(double alpha) {
        return new Croston(alpha, false);
    }

    /** The Syntetos-Boylan approximation. */
    public static Croston sba(double alpha) {
        return new Croston(alpha, true);
    }

    @Override
    public String name() {
        return sba ? "sba" : "croston";
    }

    @Override
    public int minimumHistory() {
        return 2;
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length < minimumHistory()) {
            throw new IllegalArgumentException(name() + " needs at least " + minimumHistory() + " days");
        }
        double factor = sba ? 1 - alpha / 2 : 1;
        double size = Double.NaN;
        double interval = Double.NaN;
        int sinceLast = 0;
        double[] errors = new double[y.length];
        int nErrors = 0;
        for (double v : y) {
            sinceLast++;
            if (!Double.isNaN(size)) {
                errors[nErrors++] = v - factor * size / interval;
            }
            if (v != 0) {
                if (Double.isNaN(size)) {
                    size = v;
                    interval = sinceLast;
                } else {
                    size += alpha * (v - size);
                    interval += alpha * (sinceLast - interval);
                }
                sinceLast = 0;
            }
        }
        double rate = Double.isNaN(size) ? 0 : factor * size / interval;
        double[] sorted = Arrays.copyOf(errors, nErrors);
        Arrays.sort(sorted);
        double[] q = {quantile(sorted, 0.10), quantile(sorted, 0.90), quantile(sorted, 0.025),
                quantile(sorted, 0.975)};
        return horizon -> {
            double[] mean = new double[horizon];
            Arrays.fill(mean, rate);
            return new Forecast(name(), mean, band(horizon, rate + q[0]), band(horizon, rate + q[1]),
                    band(horizon, rate + q[2]), band(horizon, rate + q[3]));
        };
    }

    /** The flat rate Croston (or SBA) forecasts after {@code y}. */
    public double rate(double[] y) {
        return fit(y).forecast(1).mean()[0];
    }

    private static double[] band(int h, double v) {
        double[] out = new double[h];
        Arrays.fill(out, v);
        return out;
    }

    /** Linear interpolation between order statistics (type 7, as R's default); 0 without errors. */
    static double quantile(double[] sorted, double prob) {
        if (sorted.length == 0) {
            return 0;
        }
        double pos = prob * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
