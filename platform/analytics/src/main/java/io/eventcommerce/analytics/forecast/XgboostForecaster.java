package io.eventcommerce.analytics.forecast;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Arrays;
import java.util.Map;

/**
 * Gradient-boosted trees (XGBoost) on the last two seasons' lags and the position in the season, forecasting step by
 * step on its own predictions; Gaussian intervals from the in-sample residuals widened with the square root of the
 * step. Not in ModelSelector's default candidates (a fit costs far more than the statistical models): pass it in a
 * custom candidate list.
 */
public final class XgboostForecaster implements Forecaster {

    private static final Map<String, Object> PARAMS = Map.of("objective", "reg:squarederror", "max_depth", 3,
            "eta", 0.1, "nthread", 1, "verbosity", 0, "seed", 7);
    private static final int ROUNDS = 60;

    private final int m;
    private final int lags;

    public XgboostForecaster(int seasonLength) {
        this.m = seasonLength;
        this.lags = 2 * seasonLength;
    }

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public int minimumHistory() {
        return lags + 2 * m;
    }

    @Override
    public FittedModel fit(double[] history) {
        if (history.length < minimumHistory()) {
            throw new IllegalArgumentException("xgboost needs " + minimumHistory() + " days");
        }
        int cols = lags + 1;
        int rows = history.length - lags;
        float[] x = new float[rows * cols];
        float[] label = new float[rows];
        for (int t = lags; t < history.length; t++) {
            features(history, t, x, (t - lags) * cols);
            label[t - lags] = (float) history[t];
        }
        try {
            DMatrix train = new DMatrix(x, rows, cols, Float.NaN);
            train.setLabel(label);
            Booster booster = XGBoost.train(train, PARAMS, ROUNDS, Map.of(), null, null);
            float[][] fitted = booster.predict(train);
            double sse = 0;
            for (int i = 0; i < rows; i++) {
                double e = label[i] - fitted[i][0];
                sse += e * e;
            }
            double sd = Math.sqrt(sse / rows);
            return horizon -> forecast(booster, history, sd, horizon);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost failed: " + e.getMessage(), e);
        }
    }

    private void features(double[] y, int t, float[] x, int at) {
        for (int l = 1; l <= lags; l++) {
            x[at + l - 1] = (float) y[t - l];
        }
        x[at + lags] = t % m;
    }

    private Forecast forecast(Booster booster, double[] history, double sd, int h) {
        double[] y = Arrays.copyOf(history, history.length + h);
        double[] mean = new double[h];
        double[] sds = new double[h];
        float[] row = new float[lags + 1];
        try {
            for (int i = 0; i < h; i++) {
                int t = history.length + i;
                features(y, t, row, 0);
                y[t] = booster.predict(new DMatrix(row, 1, lags + 1, Float.NaN))[0][0];
                mean[i] = y[t];
                sds[i] = sd * Math.sqrt(i + 1);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost failed: " + e.getMessage(), e);
        }
        return Forecast.gaussian(name(), mean, sds);
    }
}
