package io.eventcommerce.analytics.forecast;

import java.util.Arrays;

/**
 * Point forecasts for steps {@code 1..h} after the end of a history, with their 80 % and 95 % prediction
 * intervals, as charts and the {@code demand_forecasts} table want them: one array per band, index 0 is the
 * first day after the history.
 *
 * @param model the name of the model that made it
 * @param mean point forecasts
 * @param lower80 lower bound of the 80 % interval
 * @param upper80 upper bound of the 80 % interval
 * @param lower95 lower bound of the 95 % interval
 * @param upper95 upper bound of the 95 % interval
 */
public record Forecast(String model, double[] mean, double[] lower80, double[] upper80, double[] lower95,
                       double[] upper95) {

    /** Standard normal quantile of 0.90, the half-width of a Gaussian 80 % interval in standard deviations. */
    public static final double Z80 = 1.2815515655446004;
    /** Standard normal quantile of 0.975, the half-width of a Gaussian 95 % interval in standard deviations. */
    public static final double Z95 = 1.959963984540054;

    public Forecast {
        int h = mean.length;
        if (lower80.length != h || upper80.length != h || lower95.length != h || upper95.length != h) {
            throw new IllegalArgumentException("all bands must have the horizon's length " + h);
        }
    }

    /** Gaussian intervals around {@code mean} from the standard deviation of the error at each step. */
    public static Forecast gaussian(String model, double[] mean, double[] sd) {
        int h = mean.length;
        double[] l80 = new double[h];
        double[] u80 = new double[h];
        double[] l95 = new double[h];
        double[] u95 = new double[h];
        for (int i = 0; i < h; i++) {
            l80[i] = mean[i] - Z80 * sd[i];
            u80[i] = mean[i] + Z80 * sd[i];
            l95[i] = mean[i] - Z95 * sd[i];
            u95[i] = mean[i] + Z95 * sd[i];
        }
        return new Forecast(model, mean, l80, u80, l95, u95);
    }

    /** The horizon {@code h}. */
    public int horizon() {
        return mean.length;
    }

    /** Demand cannot be negative: every band cut at 0 (the point forecast too). */
    public Forecast clippedAtZero() {
        return new Forecast(model, clip(mean), clip(lower80), clip(upper80), clip(lower95), clip(upper95));
    }

    private static double[] clip(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0.0, v[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && model.equals(f.model) && Arrays.equals(mean, f.mean)
                && Arrays.equals(lower80, f.lower80) && Arrays.equals(upper80, f.upper80)
                && Arrays.equals(lower95, f.lower95) && Arrays.equals(upper95, f.upper95);
    }

    @Override
    public int hashCode() {
        return 31 * model.hashCode() + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "Forecast[" + model + ", mean=" + Arrays.toString(mean) + "]";
    }
}
