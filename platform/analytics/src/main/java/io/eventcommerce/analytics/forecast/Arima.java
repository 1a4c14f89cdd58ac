package io.eventcommerce.analytics.forecast;

import java.util.Arrays;

/**
 * ARIMA(p, d, q)(0, D, Q)<sub>m</sub> of a fixed order, with a constant (mean of the differenced series, a drift
 * once differenced) when {@code d + D ≤ 1}.
 *
 * <p>Estimation is by conditional sum of squares (CSS), not exact likelihood: the constant is the mean of the
 * differenced series, the innovations before the first usable day are taken as 0, and the AR and MA coefficients
 * minimise the sum of squared one-step errors with BOBYQA. The coefficients are searched as partial
 * autocorrelations in {@code (−0.99, 0.99)} (Monahan's transform), so every candidate is stationary and
 * invertible and the search box is a plain box. On daily series of hundreds of days CSS and exact likelihood give
 * practically the same estimates; CSS costs one linear pass per evaluation. {@code σ²} and the AICc that
 * {@link AutoArima} compares are the CSS ones.
 *
 * <p>Intervals are analytic: {@code σ² Σ_{j<h} ψ_j²} with the ψ-weights of the model written in levels (AR
 * polynomial times the differences), i.e. Gaussian innovations and known coefficients.
 */
public final class Arima implements Forecaster {

    private static final double R_MAX = 0.99;
    private static final int MAX_EVAL = 300;
    private static final int WARM_MAX_EVAL = 100;

    private final int p;
    private final int d;
    private final int q;
    private final int seasonalD;
    private final int seasonalQ;
    private final int m;

    /**
     * @param p autoregressive order
     * @param d differences at lag 1
     * @param q moving-average order
     * @param seasonalD differences at lag {@code m} (0 or 1)
     * @param seasonalQ seasonal moving-average order (0 or 1)
     * @param m season length
     */
    public Arima(int p, int d, int q, int seasonalD, int seasonalQ, int m) {
        if (p < 0 || d < 0 || q < 0 || seasonalD < 0 || seasonalQ < 0 || seasonalQ > 1 || m < 1) {
            throw new IllegalArgumentException("invalid ARIMA order");
        }
        this.p = p;
        this.d = d;
        this.q = q;
        this.seasonalD = seasonalD;
        this.seasonalQ = seasonalQ;
        this.m = m;
    }

    @Override
    public String name() {
        return "arima";
    }

    /** The order as {@code ARIMA(p,d,q)(0,D,Q)[m]}. */
    public String order() {
        return "ARIMA(" + p + "," + d + "," + q + ")(0," + seasonalD + "," + seasonalQ + ")[" + m + "]";
    }

    private boolean hasConstant() {
        return d + seasonalD <= 1;
    }

    private int lost() {
        return d + seasonalD * m;
    }

    @Override
    public int minimumHistory() {
        return lost() + p + q + seasonalQ * m + 10;
    }

    @Override
    public Fitted fit(double[] y) {
        return fit(y, null);
    }

    @Override
    public Fitted fit(double[] y, FittedModel previous) {
        if (y.length < minimumHistory()) {
            throw new IllegalArgumentException(order() + " needs at least " + minimumHistory() + " days");
        }
        double[] w = difference(y);
        double mu = 0;
        if (hasConstant()) {
            for (double v : w) {
                mu += v;
            }
            mu /= w.length;
        }
        double[] z = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            z[t] = w[t] - mu;
        }
        int k = p + q + seasonalQ;
        double[] unit;
        if (previous instanceof Fitted f && f.owner().sameOrder(this)) {
            unit = BoundedMinimizer.minimize(u -> css(z, u, null), f.unit, 0.05, WARM_MAX_EVAL);
        } else {
            double[] start = new double[k];
            Arrays.fill(start, 0.5);
            unit = BoundedMinimizer.minimize(u -> css(z, u, null), start, 0.2, MAX_EVAL);
        }
        double[] e = new double[z.length];
        double sse = css(z, unit, e);
        int used = z.length - p;
        int nPar = k + (hasConstant() ? 1 : 0) + 1;
        double sigma2Ml = sse / used;
        double aicc = used * (Math.log(2 * Math.PI * sigma2Ml) + 1) + 2 * nPar
                + 2.0 * nPar * (nPar + 1) / Math.max(1, used - nPar - 1);
        double sigma2 = sse / Math.max(1, used - nPar + 1);
        return new Fitted(unit, ar(unit), ma(unit), mu, y.clone(), e, Math.sqrt(sigma2), aicc);
    }

    @Override
    public Fitted update(FittedModel fitted, double[] y) {
        if (!(fitted instanceof Fitted f) || !f.owner().sameOrder(this)) {
            return fit(y);
        }
        double[] z = difference(y);
        for (int t = 0; t < z.length; t++) {
            z[t] -= f.mu;
        }
        double[] e = new double[z.length];
        css(z, f.unit, e);
        return new Fitted(f.unit, f.phi, f.theta, f.mu, y.clone(), e, f.sigma, f.aicc);
    }

    private boolean sameOrder(Arima o) {
        return p == o.p && d == o.d && q == o.q && seasonalD == o.seasonalD && seasonalQ == o.seasonalQ
                && m == o.m;
    }

    private double[] difference(double[] y) {
        double[] w = y;
        for (int i = 0; i < seasonalD; i++) {
            w = diff(w, m);
        }
        for (int i = 0; i < d; i++) {
            w = diff(w, 1);
        }
        return w;
    }

    static double[] diff(double[] y, int lag) {
        double[] out = new double[y.length - lag];
        for (int t = 0; t < out.length; t++) {
            out[t] = y[t + lag] - y[t];
        }
        return out;
    }

    /** AR coefficients {@code φ_1..φ_p} from the first {@code p} unit coordinates. */
    private double[] ar(double[] u) {
        return fromPartials(u, 0, p);
    }

    /**
     * The moving-average polynomial {@code (1 + Σθ_j B^j)(1 + Θ B^m)} as coefficients at lags 0..q + Qm
     * (index 0 is 1).
     */
    private double[] ma(double[] u) {
        double[] phi = fromPartials(u, p, q);
        double[] theta = new double[q + 1];
        theta[0] = 1;
        for (int j = 1; j <= q; j++) {
            theta[j] = -phi[j - 1];
        }
        if (seasonalQ == 0) {
            return theta;
        }
        double big = (2 * u[p + q] - 1) * R_MAX;
        double[] out = new double[q + m + 1];
        for (int j = 0; j <= q; j++) {
            out[j] += theta[j];
            out[j + m] += big * theta[j];
        }
        return out;
    }

    /**
     * Monahan's map from partial autocorrelations in (−1, 1) to the coefficients of a stationary AR polynomial
     * {@code 1 − Σφ_j B^j} (Durbin-Levinson recursion).
     */
    private static double[] fromPartials(double[] u, int from, int count) {
        double[] phi = new double[count];
        double[] tmp = new double[count];
        for (int k = 0; k < count; k++) {
            double r = (2 * u[from + k] - 1) * R_MAX;
            for (int j = 0; j < k; j++) {
                tmp[j] = phi[j] - r * phi[k - 1 - j];
            }
            System.arraycopy(tmp, 0, phi, 0, k);
            phi[k] = r;
        }
        return phi;
    }

    /** Conditional sum of squares of the demeaned differenced series; fills the residuals when asked. */
    private double css(double[] z, double[] u, double[] residuals) {
        double[] phi = ar(u);
        double[] theta = ma(u);
        // only the non-zero MA lags: 1..q, m, m+1..m+q
        int[] lags = new int[theta.length];
        double[] coef = new double[theta.length];
        int nLags = 0;
        for (int j = 1; j < theta.length; j++) {
            if (theta[j] != 0) {
                lags[nLags] = j;
                coef[nLags++] = theta[j];
            }
        }
        double[] e = residuals != null ? residuals : new double[z.length];
        double sse = 0;
        for (int t = p; t < z.length; t++) {
            double v = z[t];
            for (int i = 0; i < p; i++) {
                v -= phi[i] * z[t - 1 - i];
            }
            for (int k = 0; k < nLags; k++) {
                int j = lags[k];
                if (j <= t) {
                    v -= coef[k] * e[t - j];
                }
            }
            e[t] = v;
            sse += v * v;
        }
        return sse;
    }

    /** A fitted ARIMA: coefficients, residuals and the level-form recursion for forecasts. */
    public final class Fitted implements FittedModel {
        private final double[] unit;
        private final double[] phi;
        private final double[] theta;
        private final double mu;
        private final double[] y;
        private final double[] e;
        private final double sigma;
        private final double aicc;

        private Fitted(double[] unit, double[] phi, double[] theta, double mu, double[] y, double[] e,
                       double sigma, double aicc) {
            this.unit = unit;
            this.phi = phi;
            this.theta = theta;
            this.mu = mu;
            this.y = y;
            this.e = e;
            this.sigma = sigma;
            this.aicc = aicc;
        }

        Arima owner() {
            return Arima.this;
        }

        /** The AR coefficients {@code φ_1..φ_p}. */
        public double[] ar() {
            return phi.clone();
        }

        /** The MA polynomial's coefficients at lags 1.. (non-seasonal and seasonal multiplied out). */
        public double[] ma() {
            return Arrays.copyOfRange(theta, 1, theta.length);
        }

        /** The corrected Akaike criterion of the CSS fit. */
        public double aicc() {
            return aicc;
        }

        /** The order of the model. */
        public String order() {
            return Arima.this.order();
        }

        @Override
        public Forecast forecast(int horizon) {
            // level form: A(B) y_t = c + Θ(B) e_t with A = φ(B) (1 − B)^d (1 − B^m)^D
            double[] poly = {1};
            double[] arPoly = new double[p + 1];
            arPoly[0] = 1;
            for (int i = 0; i < p; i++) {
                arPoly[i + 1] = -phi[i];
            }
            poly = multiply(poly, arPoly);
            for (int i = 0; i < d; i++) {
                poly = multiply(poly, new double[] {1, -1});
            }
            for (int i = 0; i < seasonalD; i++) {
                double[] s = new double[m + 1];
                s[0] = 1;
                s[m] = -1;
                poly = multiply(poly, s);
            }
            double phiOne = 1;
            for (double v : phi) {
                phiOne -= v;
            }
            double c = phiOne * mu;
            int n = y.length;
            int big = poly.length - 1;
            int qq = theta.length - 1;
            double[] yy = Arrays.copyOf(y, n + horizon);
            double[] ee = new double[n + horizon];
            System.arraycopy(e, 0, ee, lost(), e.length);
            double[] mean = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                int t = n + i;
                double v = c;
                for (int j = 1; j <= big; j++) {
                    v -= poly[j] * yy[t - j];
                }
                for (int j = 1; j <= qq; j++) {
                    v += theta[j] * ee[t - j];
                }
                yy[t] = v;
                mean[i] = v;
            }
            double[] psi = new double[horizon];
            double[] sd = new double[horizon];
            double sum = 0;
            for (int j = 0; j < horizon; j++) {
                double v = j == 0 ? 1 : (j <= qq ? theta[j] : 0);
                for (int i = 1; i <= Math.min(j, big); i++) {
                    v -= poly[i] * psi[j - i];
                }
                psi[j] = v;
                sum += v * v;
                sd[j] = sigma * Math.sqrt(sum);
            }
            return Forecast.gaussian(name(), mean, sd);
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }
}
