package io.eventcommerce.analytics.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses one model per series by a rolling-origin backtest on MASE and forecasts with it.
 *
 * <p>The series class picks the candidates: seasonal naive, Holt-Winters additive and damped, automatic ARIMA
 * and gradient-boosted trees ({@link XgboostForecaster}, only on series it {@linkplain Forecaster#appliesTo
 * applies to}: enough history and volume) for smooth and erratic series; seasonal naive, Croston and SBA for
 * intermittent and lumpy ones. Each candidate is estimated once on the data before the first origin and
 * {@linkplain Forecaster#update updated} (states run on, parameters kept) to each later origin, so every origin
 * is out of sample; it forecasts the evaluation horizon, cut at 0, and is scored by MASE with the seasonal
 * differences of that origin's training data as the scale. The origins end at the last day: the last
 * one leaves exactly the evaluation horizon after it, the others lie {@code step} days apart, a full horizon on a
 * long series (non-overlapping windows), less on a short one. The lowest mean MASE wins (ties go to the simpler
 * model, seasonal naive first), and the winner is refitted on all the data for the final forecast, warm-started
 * from its last origin: its parameters are re-estimated, while ARIMA keeps the order it chose before the first
 * origin, so the stored backtest accuracy is that of the very order that forecasts (and a run over thousands of
 * products does not search the order grid twice).
 *
 * <p>A series may come with its {@link Covariates} (price, promotion): the selector passes them to every
 * candidate, only those that {@linkplain Forecaster#usesCovariates use them} read them, and the backtest gives each
 * origin only the days before it, so the future of a fold follows the hold rule ({@link #select(double[],
 * Covariates)}).
 *
 * <p>A candidate that cannot be fitted (too short, optimiser failure) is left out; seasonal naive always fits.
 * Thread-safe: one instance serves a parallel run over all products.
 */
public final class ModelSelector {

    private final BacktestSettings settings;
    private final List<Forecaster> smooth;
    private final List<Forecaster> intermittent;

    /** The default candidates with the given settings. */
    public ModelSelector(BacktestSettings settings) {
        this(settings, defaultSmooth(settings.seasonLength()), defaultIntermittent(settings.seasonLength()));
    }

    /**
     * Custom candidate sets (the first of each should be seasonal naive, the benchmark).
     *
     * @param smooth candidates for smooth and erratic series
     * @param intermittent candidates for intermittent and lumpy series
     */
    public ModelSelector(BacktestSettings settings, List<Forecaster> smooth, List<Forecaster> intermittent) {
        this.settings = settings;
        this.smooth = List.copyOf(smooth);
        this.intermittent = List.copyOf(intermittent);
    }

    private static List<Forecaster> defaultSmooth(int m) {
        return List.of(new SeasonalNaive(m), HoltWinters.additive(m), HoltWinters.damped(m), new AutoArima(m),
                new XgboostForecaster(m));
    }

    private static List<Forecaster> defaultIntermittent(int m) {
        return List.of(new SeasonalNaive(m), Croston.classic(Croston.DEFAULT_ALPHA),
                Croston.sba(Croston.DEFAULT_ALPHA));
    }

    /**
     * Backtests the candidates of {@code y}, chooses one and forecasts {@code settings.horizon()} days.
     *
     * @throws IllegalArgumentException if {@code y} is shorter than {@link BacktestSettings#minimumHistory()}
     */
    public Selection select(double[] y) {
        return select(y, null);
    }

    /**
     * {@link #select(double[])} with the series' covariates ({@code null}: none), covering at least {@code y}'s days
     * (days after them are known future values). Only candidates that {@linkplain Forecaster#usesCovariates use
     * them} read them. The backtest is honest: at each origin a candidate sees only the covariates of the days
     * before it ({@link Covariates#upTo}), the fold's future follows the hold rule whatever the caller knows; the
     * final forecast gets them all.
     *
     * @throws IllegalArgumentException if {@code y} is too short, or the covariates cover fewer days than it
     */
    public Selection select(double[] y, Covariates covariates) {
        int n = y.length;
        if (covariates != null && covariates.days() < n) {
            throw new IllegalArgumentException("covariates cover " + covariates.days() + " days, the series " + n);
        }
        if (n < settings.minimumHistory()) {
            throw new IllegalArgumentException("a backtest needs at least " + settings.minimumHistory()
                    + " days of history, got " + n);
        }
        int m = settings.seasonLength();
        int h = settings.horizon();
        int k = settings.origins();
        int available = n - settings.minimumTraining();
        int evalH;
        int step;
        if (available >= k * h) {
            evalH = h;
            step = h;
        } else if (available >= h + k - 1) {
            evalH = h;
            step = (available - h) / (k - 1);
        } else {
            evalH = available - (k - 1);
            step = 1;
        }
        int[] origins = new int[k];
        for (int i = 0; i < k; i++) {
            origins[i] = n - evalH - (k - 1 - i) * step;
        }
        SeriesClass cls = SeriesClass.of(y);
        List<Forecaster> candidates = cls.isIntermittent() ? intermittent : smooth;
        Map<String, Double> mase = new LinkedHashMap<>();
        Map<String, Forecaster.FittedModel> lastFits = new LinkedHashMap<>();
        int validOrigins = 0;
        for (Forecaster f : candidates) {
            if (f != candidates.get(0) && !f.appliesTo(y)) {
                continue;
            }
            Forecaster.FittedModel[] last = new Forecaster.FittedModel[1];
            double[] scores = backtest(f, y, covariates, origins, evalH, m, last);
            if (scores == null) {
                continue;
            }
            lastFits.put(f.name(), last[0]);
            double sum = 0;
            int count = 0;
            for (double s : scores) {
                if (!Double.isNaN(s)) {
                    sum += s;
                    count++;
                }
            }
            validOrigins = Math.max(validOrigins, count);
            mase.put(f.name(), count == 0 ? Double.NaN : sum / count);
        }
        Forecaster benchmark = candidates.get(0);
        Forecaster chosen = benchmark;
        double best = mase.getOrDefault(benchmark.name(), Double.NaN);
        for (Forecaster f : candidates) {
            Double s = mase.get(f.name());
            if (s != null && !Double.isNaN(s) && (Double.isNaN(best) || s < best)) {
                best = s;
                chosen = f;
            }
        }
        Forecast forecast = chosen.fit(y, covariates, lastFits.get(chosen.name())).forecast(h).clippedAtZero();
        List<String> used = covariates != null && chosen.usesCovariates() ? Covariates.NAMES : List.of();
        return new Selection(cls, chosen.name(), best, mase.getOrDefault(benchmark.name(), Double.NaN), mase,
                validOrigins, evalH, forecast, used);
    }

    /** MASE at each origin (NaN where the training has no scale), or null if the model cannot be fitted. */
    private static double[] backtest(Forecaster f, double[] y, Covariates covariates, int[] origins, int evalH,
                                     int m, Forecaster.FittedModel[] last) {
        double[] scores = new double[origins.length];
        Forecaster.FittedModel previous = null;
        try {
            for (int i = 0; i < origins.length; i++) {
                double[] train = java.util.Arrays.copyOf(y, origins[i]);
                double[] actual = java.util.Arrays.copyOfRange(y, origins[i], origins[i] + evalH);
                // Only the days before the origin: the fold's future covariates follow the hold rule.
                Covariates known = covariates == null ? null : covariates.upTo(origins[i]);
                previous = previous == null ? f.fit(train, known, null) : f.update(previous, train, known);
                double[] mean = previous.forecast(evalH).clippedAtZero().mean();
                for (double v : mean) {
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                }
                scores[i] = Mase.of(actual, mean, train, m);
            }
            last[0] = previous;
        } catch (RuntimeException e) {
            // too short for this model, or the optimiser gave up: not a candidate for this series
            return null;
        }
        return scores;
    }

    /** The settings this selector runs with. */
    public BacktestSettings settings() {
        return settings;
    }

    /** The candidates for a series of the given class. */
    public List<Forecaster> candidates(SeriesClass cls) {
        return new ArrayList<>(cls.isIntermittent() ? intermittent : smooth);
    }
}
