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
     * Whether the model is a candidate for the whole series {@code history} at all (its volume, its length), asked
     * once before a backtest. The default: every series long enough.
     */
    default boolean appliesTo(double[] history) {
        return history.length >= minimumHistory();
    }

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

    /**
     * The parameters of {@code fitted} (a fit of this model on a prefix of {@code history}) carried over to the
     * longer history: only the states are run on, nothing is re-estimated. A backtest estimates once, before its
     * first origin, and updates at the later ones (what statsforecast calls cross-validation without refit), so
     * no origin's parameters have seen a day after the first origin and a series costs one optimisation per
     * model. The default refits, which is the same for models without estimated parameters.
     */
    default FittedModel update(FittedModel fitted, double[] history) {
        return fit(history);
    }

    /**
     * Whether the model reads a series' {@link Covariates} (price, promotion). The default: no, the covariates
     * methods below ignore them.
     */
    default boolean usesCovariates() {
        return false;
    }

    /**
     * {@link #fit(double[], FittedModel)} with the series' covariates ({@code null}: none), covering at least the
     * history; days after it are known future values, the rest follows their hold rule. The default ignores them.
     */
    default FittedModel fit(double[] history, Covariates covariates, FittedModel previous) {
        return previous == null ? fit(history) : fit(history, previous);
    }

    /**
     * {@link #update(FittedModel, double[])} with the covariates of the longer history ({@code null}: none). The
     * default ignores them.
     */
    default FittedModel update(FittedModel fitted, double[] history, Covariates covariates) {
        return update(fitted, history);
    }

    /** A model fitted on one history. */
    interface FittedModel {

        /** Forecasts {@code horizon} steps after the end of the history, with 80 % and 95 % intervals. */
        Forecast forecast(int horizon);
    }
}
