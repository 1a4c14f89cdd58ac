package io.eventcommerce.analytics.forecast;

/**
 * Mean absolute scaled error (Hyndman and Koehler, 2006): the mean absolute forecast error divided by the mean
 * absolute in-sample seasonal difference of the training history. Below 1, a model beats what seasonal naive did
 * one season ahead in-sample; it is comparable across products of very different volume, which is why the
 * backtest chooses on it.
 */
public final class Mase {

    private Mase() {
    }

    /**
     * The scale: mean of {@code |y[t] − y[t − m]|} over the training history. Falls back to the non-seasonal
     * difference when every seasonal difference is 0, and is {@code NaN} when the history is constant (no scale
     * exists; such an origin is skipped).
     */
    public static double scale(double[] training, int m) {
        double s = meanAbsDiff(training, m);
        if (s > 0) {
            return s;
        }
        s = meanAbsDiff(training, 1);
        return s > 0 ? s : Double.NaN;
    }

    /** MASE of {@code forecast} against {@code actual} (same length) with the scale of {@code training}. */
    public static double of(double[] actual, double[] forecast, double[] training, int m) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast must have the same, non-zero length");
        }
        double mae = 0;
        for (int i = 0; i < actual.length; i++) {
            mae += Math.abs(actual[i] - forecast[i]);
        }
        return mae / actual.length / scale(training, m);
    }

    private static double meanAbsDiff(double[] y, int lag) {
        if (y.length <= lag) {
            return Double.NaN;
        }
        double s = 0;
        for (int t = lag; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - lag]);
        }
        return s / (y.length - lag);
    }
}
