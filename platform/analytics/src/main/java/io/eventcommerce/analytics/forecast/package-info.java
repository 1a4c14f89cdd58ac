/**
 * Daily demand forecasting: candidate models behind one {@link io.eventcommerce.analytics.forecast.Forecaster}
 * interface (seasonal naive, Holt-Winters additive and damped, automatic ARIMA, gradient-boosted trees through
 * XGBoost, Croston and SBA), a
 * Syntetos-Boylan classification that picks the candidates of a series, and a rolling-origin backtest on MASE
 * that chooses one model per series and refits it on all the data ({@link
 * io.eventcommerce.analytics.forecast.ModelSelector}). Series are {@code double[]} of consecutive days, oldest
 * first; the season is weekly ({@code m = 7}) unless told otherwise. A series may come with its daily price and
 * promotion ({@link io.eventcommerce.analytics.forecast.Covariates}), which only the trees read.
 */
package io.eventcommerce.analytics.forecast;
