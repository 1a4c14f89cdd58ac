package io.eventcommerce.analytics.forecast;

/**
 * Repeats the last observed season: the forecast for day {@code n + h} is the value {@code m} (or a multiple of
 * {@code m}) days earlier. It is the benchmark every other model must beat, and the scale of MASE.
 *
 * <p>Intervals are analytic: with {@code σ²} the mean squared seasonal difference of the history, the error
 * {@code h} steps ahead has variance {@code σ² (k + 1)}, {@code k = ⌊(h − 1) / m⌋} (the random-walk-per-season
 * model behind the method).
 */
public final class SeasonalNaive implements Forecaster {

    private final int m;

    /** @param m season length in days (7 for a weekly season) */
    public SeasonalNaive(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("season must be at least 1");
        }
        this.m = m;
    }

    @Override
    public String name() {
        return "seasonal_naive";
    }

    @Override
    public int minimumHistory() {
        return m + 1;
    }

    @Override
    public FittedModel fit(double[] y) {
        if (y.length < minimumHistory()) {
            throw new IllegalArgumentException("seasonal naive needs at least " + minimumHistory() + " days");
        }
        double ss = 0;
        for (int t = m; t < y.length; t++) {
            double d = y[t] - y[t - m];
            ss += d * d;
        }
        double sigma = Math.sqrt(ss / (y.length - m));
        double[] lastSeason = java.util.Arrays.copyOfRange(y, y.length - m, y.length);
        return horizon -> {
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                mean[i] = lastSeason[i % m];
                sd[i] = sigma * Math.sqrt(i / m + 1);
            }
            return Forecast.gaussian(name(), mean, sd);
        };
    }
}
