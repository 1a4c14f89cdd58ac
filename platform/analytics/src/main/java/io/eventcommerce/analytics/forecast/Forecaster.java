package io.eventcommerce.analytics.forecast;

/**
 * One candidate model: fitted on a history, it forecasts any number of steps with intervals. Implementations are
 * immutable and thread-safe (a fit returns a new {@link FittedModel}), so one instance serves every series of a
 * parallel run.
 */
public interface Forecaster {

    /** A short stable name, stored with every forecast ({@code "holt_winters_damped"}, …). */
    String name();

    /** The shortest history this model can be fitted on. */
    int minimumHistory();

    /**
     * Fits the model on {@code history} (oldest first).
     *
     * @throws IllegalArgumentException if the history is shorter than {@link #minimumHistory()}
     */
    FittedModel fit(double[] history);

    /**
     * Fits on {@code history} starting from a previous fit of this model on a prefix of it, so a rolling-origin
     * backtest needs fewer optimiser steps. The default ignores the previous fit.
     */
    default FittedModel fit(double[] history, FittedModel previous) {
        return fit(history);
    }

    /** A model fitted on one history. */
    interface FittedModel {

        /** Forecasts {@code horizon} steps after the end of the history, with 80 % and 95 % intervals. */
        Forecast forecast(int horizon);
    }
}
