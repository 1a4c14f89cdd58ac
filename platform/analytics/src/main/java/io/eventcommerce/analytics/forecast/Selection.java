package io.eventcommerce.analytics.forecast;

import java.util.List;
import java.util.Map;

/**
 * What a forecast run stores for one series: the model the backtest chose, how accurate it and seasonal naive
 * were, and the chosen model's forecast refitted on all the data (cut at 0).
 *
 * @param seriesClass Syntetos-Boylan class that decided the candidates
 * @param model name of the chosen model
 * @param mase the chosen model's mean backtest MASE
 * @param seasonalNaiveMase seasonal naive's mean backtest MASE on the same origins
 * @param maseByModel mean backtest MASE of every candidate that could be fitted, in candidate order
 * @param origins backtest origins that had a MASE scale
 * @param evaluationHorizon days evaluated after each origin (the horizon, or less on a short series)
 * @param forecast the final forecast with 80 % and 95 % intervals
 * @param covariates the covariates the chosen model read ({@link Covariates#NAMES}), empty when it read none
 */
public record Selection(SeriesClass seriesClass, String model, double mase, double seasonalNaiveMase,
                        Map<String, Double> maseByModel, int origins, int evaluationHorizon, Forecast forecast,
                        List<String> covariates) {

    public Selection {
        maseByModel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(maseByModel));
        covariates = List.copyOf(covariates);
    }

    /** A selection whose model read no covariates. */
    public Selection(SeriesClass seriesClass, String model, double mase, double seasonalNaiveMase,
                     Map<String, Double> maseByModel, int origins, int evaluationHorizon, Forecast forecast) {
        this(seriesClass, model, mase, seasonalNaiveMase, maseByModel, origins, evaluationHorizon, forecast,
                List.of());
    }

    /** Chosen MASE over seasonal naive's: below 1 when the chosen model is the better one. */
    public double maseRatio() {
        return mase / seasonalNaiveMase;
    }

    /** Whether the chosen model was strictly better than seasonal naive in the backtest. */
    public boolean beatsSeasonalNaive() {
        return mase < seasonalNaiveMase;
    }
}
