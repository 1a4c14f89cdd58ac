package io.eventcommerce.analytics.forecast;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Arrays;
import java.util.Map;

/**
 * Gradient-boosted trees (XGBoost) on calendar, lag and rolling-mean features, forecasting day by day on its own
 * predictions. Trees cannot extrapolate a level, so everything is relative to the mean of the last {@code 4m} days
 * {@code L}: the target is {@code y[t] − L}, the features are the last season's lags and the lag {@code 2m} minus
 * {@code L}, the last season's mean minus {@code L}, the position in the week ({@code t mod m}) and in the year
 * ({@code t mod 365}, counted from the first day of the series: the series carries no dates, so holidays and
 * calendar months are not features). Given the series' {@link Covariates}, three more columns: the day's relative
 * price, its ratio to the mean relative price of the level's window (after a price step the level still mixes
 * the old price in; the ratio tells the trees by how much) and the day's promotion intensity. Ahead of the known
 * days they follow the covariates' hold rule (the last price holds, promotion at its recent mean), which is also
 * all a backtest fold sees of its future.
 *
 * <p>Intervals are Gaussian on the in-sample residual standard deviation, widened like seasonal naive's with the
 * square root of the seasons ahead ({@code √(1 + i/m)} at step {@code i}); in-sample residuals flatter trees, so
 * the bands are on the narrow side.
 *
 * <p>A backtest trains once, before its first origin, and {@linkplain #update updates} to the later origins
 * (the trees are kept, only the history they read runs on), so a series costs two trainings. It is a candidate
 * only for series of at least {@code minimumMeanDemand} units a day ({@link #appliesTo}): a fit costs far more
 * than the statistical models, and on a few units a day trees learn the noise. Each training runs one thread
 * (the selector's callers run series in parallel) with a fixed seed, so forecasts are reproducible.
 */
public final class XgboostForecaster implements Forecaster {

    /** Default trees per fit. */
    public static final int DEFAULT_ROUNDS = 20;
    /** Default volume gate in mean units a day. */
    public static final double DEFAULT_MINIMUM_MEAN_DEMAND = 5.0;
    private static final int YEAR = 365;

    /** Columns the covariates add. */
    private static final int COVARIATE_COLS = 3;

    private final int m;
    private final int window;
    private final int cols;
    private final int rounds;
    private final double minimumMeanDemand;
    private final Map<String, Object> params;

    /** The default trees and volume gate. */
    public XgboostForecaster(int seasonLength) {
        this(seasonLength, DEFAULT_ROUNDS, DEFAULT_MINIMUM_MEAN_DEMAND);
    }

    /**
     * @param seasonLength season in days (7: weekly)
     * @param rounds trees per fit (depth 3, learning rate 0.3, 32 histogram bins)
     * @param minimumMeanDemand mean units a day below which the model is no candidate (0: always)
     */
    public XgboostForecaster(int seasonLength, int rounds, double minimumMeanDemand) {
        if (seasonLength < 1 || rounds < 1) {
            throw new IllegalArgumentException("season and rounds must be at least 1");
        }
        this.m = seasonLength;
        this.window = 4 * seasonLength;
        this.cols = seasonLength + 4;
        this.rounds = rounds;
        this.minimumMeanDemand = minimumMeanDemand;
        this.params = Map.of("objective", "reg:squarederror", "max_depth", 3, "eta", 0.3, "max_bin", 32,
                "nthread", 1, "verbosity", 0, "seed", 7);
    }

    @Override
    public String name() {
        return "xgboost";
    }

    /** The feature window plus twelve seasons of training rows. */
    @Override
    public int minimumHistory() {
        return window + 12 * m;
    }

    @Override
    public boolean appliesTo(double[] history) {
        double sum = 0;
        for (double v : history) {
            sum += v;
        }
        return history.length >= minimumHistory() && sum >= minimumMeanDemand * history.length;
    }

    @Override
    public boolean usesCovariates() {
        return true;
    }

    @Override
    public FittedModel fit(double[] history) {
        return fit(history, null, null);
    }

    /** Trains on {@code history} with the covariates as features when given; the previous fit is not used. */
    @Override
    public FittedModel fit(double[] history, Covariates covariates, FittedModel previous) {
        if (history.length < minimumHistory()) {
            throw new IllegalArgumentException("xgboost needs " + minimumHistory() + " days");
        }
        if (covariates != null && covariates.days() < history.length) {
            throw new IllegalArgumentException("covariates must cover the history");
        }
        int width = width(covariates);
        int rows = history.length - window;
        float[] x = new float[rows * width];
        float[] label = new float[rows];
        for (int t = window; t < history.length; t++) {
            double level = features(history, covariates, t, x, (t - window) * width);
            label[t - window] = (float) (history[t] - level);
        }
        DMatrix train = null;
        try {
            train = new DMatrix(x, rows, width, Float.NaN);
            train.setLabel(label);
            Booster booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
            float[][] fitted = booster.predict(train);
            double sse = 0;
            for (int i = 0; i < rows; i++) {
                double e = label[i] - fitted[i][0];
                sse += e * e;
            }
            return new Fitted(booster, history, covariates, Math.sqrt(sse / rows));
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** The trees of {@code fitted} read the longer history; nothing is retrained. */
    @Override
    public FittedModel update(FittedModel fitted, double[] history) {
        return update(fitted, history, null);
    }

    /**
     * The trees of {@code fitted} read the longer history and the covariates of it; nothing is retrained. Trees
     * trained without covariates ignore them; trees trained with them keep the earlier covariates (under their
     * hold rule) when none are given.
     */
    @Override
    public FittedModel update(FittedModel fitted, double[] history, Covariates covariates) {
        Fitted f = (Fitted) fitted;
        Covariates c = f.covariates == null ? null : covariates == null ? f.covariates : covariates;
        return new Fitted(f.booster, history, c, f.sd);
    }

    private int width(Covariates covariates) {
        return covariates == null ? cols : cols + COVARIATE_COLS;
    }

    /** Writes the features of day {@code t} at {@code x[at..]} and returns the level they are relative to. */
    private double features(double[] y, Covariates covariates, int t, float[] x, int at) {
        double level = 0;
        for (int l = 1; l <= window; l++) {
            level += y[t - l];
        }
        level /= window;
        double season = 0;
        for (int l = 1; l <= m; l++) {
            x[at + l - 1] = (float) (y[t - l] - level);
            season += y[t - l];
        }
        x[at + m] = (float) (y[t - 2 * m] - level);
        x[at + m + 1] = (float) (season / m - level);
        x[at + m + 2] = t % m;
        x[at + m + 3] = t % YEAR;
        if (covariates != null) {
            double price = covariates.priceAt(t);
            double windowPrice = 0;
            for (int l = 1; l <= window; l++) {
                windowPrice += covariates.priceAt(t - l);
            }
            x[at + cols] = (float) price;
            x[at + cols + 1] = (float) (price / (windowPrice / window));
            x[at + cols + 2] = (float) covariates.promotionAt(t);
        }
        return level;
    }

    private final class Fitted implements FittedModel {

        private final Booster booster;
        private final double[] history;
        private final Covariates covariates;
        private final double sd;

        Fitted(Booster booster, double[] history, Covariates covariates, double sd) {
            this.booster = booster;
            this.history = history;
            this.covariates = covariates;
            this.sd = sd;
        }

        @Override
        public Forecast forecast(int h) {
            double[] y = Arrays.copyOf(history, history.length + h);
            double[] mean = new double[h];
            double[] sds = new double[h];
            int width = width(covariates);
            float[] row = new float[width];
            try {
                for (int i = 0; i < h; i++) {
                    int t = history.length + i;
                    double level = features(y, covariates, t, row, 0);
                    y[t] = Math.max(0, level + booster.inplace_predict(row, 1, width, Float.NaN)[0][0]);
                    mean[i] = y[t];
                    sds[i] = sd * Math.sqrt(1 + (double) i / m);
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("xgboost failed: " + e.getMessage(), e);
            }
            return Forecast.gaussian(name(), mean, sds);
        }
    }
}
