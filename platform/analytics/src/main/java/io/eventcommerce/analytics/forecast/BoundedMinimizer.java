package io.eventcommerce.analytics.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Minimises a function of parameters each in {@code [0, 1]} with commons-math3: BOBYQA (Powell's bound-constrained
 * quadratic model, no derivatives) from two parameters up, Brent for one. Models map their parameters onto the
 * unit box, so one trust-region radius suits all of them. The best point seen is kept, so running out of
 * evaluations still returns a usable fit instead of an exception.
 */
final class BoundedMinimizer {

    /** Parameters to about 0.001 of their range: far finer than their sampling error on a few hundred days. */
    static final double STOP_RADIUS = 1e-3;

    private BoundedMinimizer() {
    }

    /**
     * @param f the objective
     * @param start initial point, inside {@code [0, 1]} in every coordinate
     * @param radius initial trust-region radius (smaller for a warm start)
     * @param maxEval evaluation budget
     * @return the best point found
     */
    static double[] minimize(MultivariateFunction f, double[] start, double radius, int maxEval) {
        int n = start.length;
        if (n == 0) {
            return start;
        }
        Best best = new Best();
        if (n == 1) {
            UnivariateFunction g = x -> best.record(new double[] {x}, f.value(new double[] {x}));
            try {
                new BrentOptimizer(1e-4, STOP_RADIUS / 10).optimize(new MaxEval(maxEval),
                        new UnivariateObjectiveFunction(g),
                        GoalType.MINIMIZE, new SearchInterval(0, 1, clamp(start[0], 0, 1)));
            } catch (TooManyEvaluationsException ignored) {
                // the best point so far is good enough
            }
            return best.x;
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            hi[i] = 1;
            x0[i] = clamp(start[i], 0, 1);
        }
        MultivariateFunction g = x -> best.record(x, f.value(x));
        try {
            new BOBYQAOptimizer(2 * n + 1, Math.min(radius, 0.45), STOP_RADIUS).optimize(new MaxEval(maxEval),
                    new ObjectiveFunction(g), GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi));
        } catch (TooManyEvaluationsException ignored) {
            // the best point so far is good enough
        }
        return best.x;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static final class Best {
        double[] x;
        double value = Double.POSITIVE_INFINITY;

        double record(double[] point, double v) {
            if (v < value || x == null) {
                value = v;
                x = point.clone();
            }
            return v;
        }
    }
}
