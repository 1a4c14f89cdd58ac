package io.eventcommerce.analytics.forecast;

/**
 * ARIMA with its order chosen automatically, after Hyndman and Khandakar (2008) but with a small full grid rather
 * than a stepwise search:
 * <ol>
 *   <li>seasonal differencing {@code D = 1} when the seasonal strength of a moving-average decomposition is at
 *       least 0.64 (the threshold of R's {@code forecast::nsdiffs}),</li>
 *   <li>{@code d = 1} when a KPSS test rejects level stationarity of the (seasonally differenced) series at 5 %
 *       (statistic above 0.463), else {@code d = 0},</li>
 *   <li>{@code p ≤ 2}, {@code q ≤ 2} and, once seasonally differenced, {@code Q ≤ 1}, each fitted by CSS
 *       ({@link Arima}), the lowest AICc wins. AICc only compares models on the same differenced series, which
 *       is why the differences are fixed first.</li>
 * </ol>
 *
 * <p>A warm start from an earlier fit keeps that fit's order and only re-estimates its coefficients: a backtest
 * chooses the order once, on the data before its first origin, which keeps the origins honest (nothing after an
 * origin is seen) and a run over thousands of series fast.
 */
public final class AutoArima implements Forecaster {

    /** KPSS 5 % critical value for level stationarity (Kwiatkowski et al., 1992). */
    static final double KPSS_CRITICAL_5 = 0.463;
    /** Seasonal strength from which a seasonal difference is taken. */
    static final double SEASONAL_STRENGTH_CUT = 0.64;

    private final int m;
    private final int maxP;
    private final int maxQ;

    /** Weekly grid {@code p, q ≤ 2}. */
    public AutoArima(int m) {
        this(m, 2, 2);
    }

    /** A custom grid. */
    public AutoArima(int m, int maxP, int maxQ) {
        this.m = m;
        this.maxP = maxP;
        this.maxQ = maxQ;
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public int minimumHistory() {
        return 3 * m + maxP + maxQ + 12;
    }

    @Override
    public FittedModel fit(double[] y) {
        return fit(y, null);
    }

    @Override
    public FittedModel fit(double[] y, FittedModel previous) {
        if (y.length < minimumHistory()) {
            throw new IllegalArgumentException("ARIMA needs at least " + minimumHistory() + " days");
        }
        if (previous instanceof Arima.Fitted f) {
            return f.owner().fit(y, f);
        }
        int seasonalD = m > 1 && seasonalStrength(y, m) >= SEASONAL_STRENGTH_CUT ? 1 : 0;
        double[] w = seasonalD == 1 ? Arima.diff(y, m) : y;
        int d = kpss(w) > KPSS_CRITICAL_5 ? 1 : 0;
        Arima.Fitted best = null;
        for (int p = 0; p <= maxP; p++) {
            for (int q = 0; q <= maxQ; q++) {
                for (int sq = 0; sq <= seasonalD; sq++) {
                    Arima model = new Arima(p, d, q, seasonalD, sq, m);
                    if (y.length < model.minimumHistory()) {
                        continue;
                    }
                    Arima.Fitted fit = model.fit(y);
                    if (best == null || fit.aicc() < best.aicc()) {
                        best = fit;
                    }
                }
            }
        }
        return best;
    }

    @Override
    public FittedModel update(FittedModel fitted, double[] y) {
        return fitted instanceof Arima.Fitted f ? f.owner().update(f, y) : fit(y);
    }

    /**
     * KPSS statistic for level stationarity: partial sums of the demeaned series against a Bartlett-weighted
     * long-run variance with {@code ⌊4 (n/100)^{1/4}⌋} lags.
     */
    static double kpss(double[] y) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double s = 0;
        double eta = 0;
        double gamma0 = 0;
        for (int t = 0; t < n; t++) {
            e[t] = y[t] - mean;
            s += e[t];
            eta += s * s;
            gamma0 += e[t] * e[t];
        }
        int lags = (int) Math.floor(4 * Math.pow(n / 100.0, 0.25));
        double lrv = gamma0 / n;
        for (int l = 1; l <= lags; l++) {
            double g = 0;
            for (int t = l; t < n; t++) {
                g += e[t] * e[t - l];
            }
            lrv += 2 * (1 - l / (lags + 1.0)) * g / n;
        }
        if (lrv <= 0) {
            return 0;
        }
        return eta / ((double) n * n) / lrv;
    }

    /**
     * Seasonal strength {@code max(0, 1 − Var(R) / Var(S + R))} (Wang, Smith and Hyndman, 2006) of a classical
     * decomposition: a centred moving average of one season for the trend, mean detrended value per position for
     * the season, the rest as remainder.
     */
    static double seasonalStrength(double[] y, int m) {
        int n = y.length;
        if (n < 2 * m + 1) {
            return 0;
        }
        int half = m / 2;
        double[] detr = new double[n];
        boolean[] valid = new boolean[n];
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 1) {
                double sum = 0;
                for (int k = -half; k <= half; k++) {
                    sum += y[t + k];
                }
                trend = sum / m;
            } else {
                if (t + half >= n) {
                    continue;
                }
                double sum = 0.5 * (y[t - half] + y[t + half]);
                for (int k = -half + 1; k < half; k++) {
                    sum += y[t + k];
                }
                trend = sum / m;
            }
            detr[t] = y[t] - trend;
            valid[t] = true;
        }
        double[] seasonSum = new double[m];
        int[] seasonCount = new int[m];
        for (int t = 0; t < n; t++) {
            if (valid[t]) {
                seasonSum[t % m] += detr[t];
                seasonCount[t % m]++;
            }
        }
        double[] season = new double[m];
        double avg = 0;
        for (int i = 0; i < m; i++) {
            season[i] = seasonCount[i] > 0 ? seasonSum[i] / seasonCount[i] : 0;
            avg += season[i] / m;
        }
        double sumD = 0;
        double sumD2 = 0;
        double sumR = 0;
        double sumR2 = 0;
        int count = 0;
        for (int t = 0; t < n; t++) {
            if (valid[t]) {
                double r = detr[t] - (season[t % m] - avg);
                sumD += detr[t];
                sumD2 += detr[t] * detr[t];
                sumR += r;
                sumR2 += r * r;
                count++;
            }
        }
        double varD = sumD2 / count - Math.pow(sumD / count, 2);
        double varR = sumR2 / count - Math.pow(sumR / count, 2);
        if (varD <= 0) {
            return 0;
        }
        return Math.max(0, 1 - varR / varD);
    }
}
