package io.eventcommerce.analytics.forecast;

/**
 * Holt-Winters exponential smoothing with an additive season and an additive or damped additive trend, written
 * as the innovations state-space model ETS(A,A,A) / ETS(A,Ad,A) of Hyndman et al. (<i>Forecasting with
 * Exponential Smoothing</i>, 2008). With one-step error {@code e = y − (l + φb + s)}:
 * {@code l ← l + φb + αe}, {@code b ← φb + βe}, {@code s ← s + γe}.
 *
 * <p>Parameters minimise the in-sample one-step squared error with BOBYQA over the admissible box
 * {@code 0 < α < 1}, {@code 0 < β < α}, {@code 0 ≤ γ < 1 − α} and {@code 0.8 ≤ φ ≤ 0.98}; the initial level,
 * trend and season come from the first (up to four) seasons by the classical decomposition rather than being
 * optimised, which keeps a fit to a few hundred evaluations of a linear pass.
 *
 * <p>Intervals are analytic, not empirical: for this (linear, homoscedastic) model the {@code h}-step error
 * variance is exactly {@code σ² (1 + Σ_{j<h} c_j²)} with {@code c_j = α + βφ_j + γ[j mod m = 0]} and
 * {@code φ_j = φ + … + φ^j} ({@code j} without damping), so no residual quantiles need to be rescaled by a guessed
 * horizon factor; {@code σ²} is the one-step mean squared error with the number of parameters taken off.
 */
public final class HoltWinters implements Forecaster {

    private static final double PHI_MIN = 0.8;
    private static final double PHI_MAX = 0.98;
    private static final int MAX_EVAL = 400;
    private static final int WARM_MAX_EVAL = 120;

    private final int m;
    private final boolean damped;

    private HoltWinters(int m, boolean damped) {
        if (m < 2) {
            throw new IllegalArgumentException("Holt-Winters needs a season of at least 2");
        }
        this.m = m;
        this.damped = damped;
    }

    /** Additive trend, additive season. */
    public static HoltWinters additive(int m) {
        return new HoltWinters(m, false);
    }

    /** Damped additive trend, additive season. */
    public static HoltWinters damped(int m) {
        return new HoltWinters(m, true);
    }

    @Override
    public String name() {
        return damped ? "holt_winters_damped" : "holt_winters_additive";
    }

    @Override
    public int minimumHistory() {
        return 3 * m;
    }

    @Override
    public FittedModel fit(double[] y) {
        return fit(y, null);
    }

    @Override
    public FittedModel fit(double[] y, FittedModel previous) {
        if (y.length < minimumHistory()) {
            throw new IllegalArgumentException(name() + " needs at least " + minimumHistory() + " days");
        }
        double[] init = initialStates(y);
        double[] start;
        double radius;
        int budget;
        if (previous instanceof Fitted p && p.owner() == this) {
            start = p.unit;
            radius = 0.05;
            budget = WARM_MAX_EVAL;
        } else {
            start = damped ? new double[] {0.2, 0.1, 0.1, 0.5} : new double[] {0.2, 0.1, 0.1};
            radius = 0.2;
            budget = MAX_EVAL;
        }
        double[] unit = BoundedMinimizer.minimize(u -> run(y, init, params(u), null), start, radius, budget);
        double[] par = params(unit);
        double[] state = new double[2 + m];
        double sse = run(y, init, par, state);
        int k = par.length + 2;
        double sigma2 = sse / Math.max(1, y.length - k);
        return new Fitted(unit, par, state, Math.sqrt(sigma2), y.length);
    }

    @Override
    public FittedModel update(FittedModel fitted, double[] y) {
        if (!(fitted instanceof Fitted f) || f.owner() != this) {
            return fit(y);
        }
        double[] state = new double[2 + m];
        run(y, initialStates(y), f.par, state);
        return new Fitted(f.unit, f.par, state, f.sigma, y.length);
    }

    /** The unit box mapped onto admissible {@code (α, β, γ, φ)}. */
    private double[] params(double[] u) {
        double alpha = 1e-4 + u[0] * (0.999 - 1e-4);
        double beta = alpha * (1e-4 + u[1] * (0.999 - 1e-4));
        double gamma = (1 - alpha) * u[2] * 0.999;
        double phi = damped ? PHI_MIN + u[3] * (PHI_MAX - PHI_MIN) : 1.0;
        return new double[] {alpha, beta, gamma, phi};
    }

    /**
     * Runs the filter over {@code y}; returns the sum of squared one-step errors, and leaves the final level,
     * trend and the season (indexed by time modulo m) in {@code out} when it is not null.
     */
    private double run(double[] y, double[] init, double[] p, double[] out) {
        double alpha = p[0];
        double beta = p[1];
        double gamma = p[2];
        double phi = p[3];
        double l = init[0];
        double b = init[1];
        double[] s = new double[m];
        System.arraycopy(init, 2, s, 0, m);
        double sse = 0;
        for (int t = 0, j = 0; t < y.length; t++) {
            double trend = phi * b;
            double e = y[t] - (l + trend + s[j]);
            sse += e * e;
            l = l + trend + alpha * e;
            b = trend + beta * e;
            s[j] = s[j] + gamma * e;
            if (++j == m) {
                j = 0;
            }
        }
        if (out != null) {
            out[0] = l;
            out[1] = b;
            System.arraycopy(s, 0, out, 2, m);
        }
        return sse;
    }

    /**
     * Level before day 0, trend and season (position {@code i} for days {@code i, i + m, …}) from the seasonal
     * means of the first up to four seasons.
     */
    private double[] initialStates(double[] y) {
        int seasons = Math.max(2, Math.min(4, y.length / m));
        double[] means = new double[seasons];
        for (int j = 0; j < seasons; j++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += y[j * m + i];
            }
            means[j] = sum / m;
        }
        double b0 = (means[seasons - 1] - means[0]) / ((seasons - 1) * m);
        double centre = (m - 1) / 2.0;
        double[] out = new double[2 + m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < seasons; j++) {
                sum += y[j * m + i] - (means[j] + (i - centre) * b0);
            }
            out[2 + i] = sum / seasons;
            total += out[2 + i];
        }
        for (int i = 0; i < m; i++) {
            out[2 + i] -= total / m;
        }
        out[0] = means[0] - (centre + 1) * b0;
        out[1] = b0;
        return out;
    }

    /** A fitted model: parameters, final states and the one-step error standard deviation. */
    final class Fitted implements FittedModel {
        private final double[] unit;
        private final double[] par;
        private final double[] state;
        private final double sigma;
        private final int n;

        private Fitted(double[] unit, double[] par, double[] state, double sigma, int n) {
            this.unit = unit;
            this.par = par;
            this.state = state;
            this.sigma = sigma;
            this.n = n;
        }

        HoltWinters owner() {
            return HoltWinters.this;
        }

        /** {@code (α, β, γ, φ)}. */
        double[] parameters() {
            return par.clone();
        }

        @Override
        public Forecast forecast(int horizon) {
            double alpha = par[0];
            double beta = par[1];
            double gamma = par[2];
            double phi = par[3];
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            double phiSum = 0;
            double phiPow = 1;
            double sumC2 = 0;
            for (int i = 0; i < horizon; i++) {
                int h = i + 1;
                phiPow *= phi;
                phiSum += phiPow;
                mean[i] = state[0] + phiSum * state[1] + state[2 + (n + i) % m];
                sd[i] = sigma * Math.sqrt(1 + sumC2);
                // c_h for the next step's variance: h is now the lag j of the formula
                double c = alpha + beta * phiSum + (h % m == 0 ? gamma : 0);
                sumC2 += c * c;
            }
            return Forecast.gaussian(name(), mean, sd);
        }
    }
}
