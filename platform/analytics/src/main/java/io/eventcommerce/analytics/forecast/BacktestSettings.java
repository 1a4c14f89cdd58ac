package io.eventcommerce.analytics.forecast;

/**
 * How a series is backtested and forecast.
 *
 * @param seasonLength season in days (7: weekly)
 * @param horizon days forecast ahead (28 by default)
 * @param origins rolling origins of the backtest (at least 8)
 * @param minimumTraining days of history before the first origin (8 weeks by default)
 */
public record BacktestSettings(int seasonLength, int horizon, int origins, int minimumTraining) {

    /** Weekly season, 28 days ahead, 8 origins, 8 weeks of training before the first one. */
    public static final BacktestSettings DEFAULT = new BacktestSettings(7, 28, 8, 56);

    public BacktestSettings {
        if (seasonLength < 1 || horizon < 1 || origins < 8 || minimumTraining < 3 * seasonLength) {
            throw new IllegalArgumentException("need season ≥ 1, horizon ≥ 1, at least 8 origins and at least "
                    + "three seasons of training");
        }
    }

    /** The same settings with another horizon. */
    public BacktestSettings withHorizon(int h) {
        return new BacktestSettings(seasonLength, h, origins, minimumTraining);
    }

    /**
     * The shortest history a selection accepts: the training before the first origin, one origin per day after
     * it and one season evaluated at the last. From {@code minimumTraining + origins × horizon} days (280 with the
     * defaults) the origins are a full horizon apart and each evaluates the full horizon.
     */
    public int minimumHistory() {
        return minimumTraining + (origins - 1) + Math.min(horizon, seasonLength);
    }
}
