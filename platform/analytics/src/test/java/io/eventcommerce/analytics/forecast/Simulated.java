package io.eventcommerce.analytics.forecast;

import java.util.Random;

/** Demand series with a known weekly season, linear trend and Gaussian noise, from a fixed seed. */
final class Simulated {

    private Simulated() {
    }

    /**
     * A series of {@code n} days: level 50–150, trend −0.03 to +0.10 a day, a weekly pattern of about 15 % of the
     * level and Gaussian noise of 5–12 % of the level.
     */
    static double[] seasonalTrend(Random rnd, int n) {
        double level = 50 + 100 * rnd.nextDouble();
        double slope = -0.03 + 0.13 * rnd.nextDouble();
        double[] season = new double[7];
        double mean = 0;
        for (int i = 0; i < 7; i++) {
            season[i] = 0.15 * level * rnd.nextGaussian();
            mean += season[i] / 7;
        }
        double sd = level * (0.05 + 0.07 * rnd.nextDouble());
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + season[t % 7] - mean + sd * rnd.nextGaussian();
        }
        return y;
    }

    /** A stationary AR(1) around {@code mu}. */
    static double[] ar1(Random rnd, int n, double phi, double mu, double sd) {
        double[] y = new double[n];
        double x = 0;
        for (int t = -200; t < n; t++) {
            x = phi * x + sd * rnd.nextGaussian();
            if (t >= 0) {
                y[t] = mu + x;
            }
        }
        return y;
    }
}
