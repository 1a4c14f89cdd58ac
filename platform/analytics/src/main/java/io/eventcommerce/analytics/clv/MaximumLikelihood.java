package io.eventcommerce.analytics.clv;

import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters by searching their logarithms, so no bound is
 * needed and steps are relative. Nelder-Mead finds the basin from a rough start; BOBYQA, a trust-region method
 * that models the surface quadratically, then polishes the optimum to the precision the published estimates
 * are quoted at (the CDNOW r, alpha, a, b lie within 1e-4 of a rounding boundary).
 */
final class MaximumLikelihood {

    private static final int MAX_EVALUATIONS = 20_000;
    /** Log-parameters beyond this are degenerate fits (a parameter of e^15 or e^-15), not estimates. */
    private static final double LOG_BOUND = 15;

    private MaximumLikelihood() {
    }

    /** Returns the parameters (not their logarithms) that maximise {@code logLikelihood}. */
    static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        int n = start.length;
        double[] logStart = new double[n];
        for (int i = 0; i < n; i++) {
            logStart[i] = Math.log(start[i]);
        }
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(logTheta -> {
            evaluations[0]++;
            double[] theta = new double[n];
            for (int i = 0; i < n; i++) {
                theta[i] = Math.exp(logTheta[i]);
            }
            // A step into a region where the likelihood is not finite (or a parameter overflows) must look bad,
            // not stop the search.
            try {
                double ll = logLikelihood.applyAsDouble(theta);
                return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
            } catch (IllegalArgumentException | ArithmeticException e) {
                return -Double.MAX_VALUE;
            }
        });

        SimplexOptimizer simplex = new SimplexOptimizer(1e-10, 1e-12);
        PointValuePair coarse = simplex.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                new InitialGuess(logStart), new NelderMeadSimplex(n, 0.5));

        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(lower, -LOG_BOUND);
        java.util.Arrays.fill(upper, LOG_BOUND);
        double[] from = coarse.getPoint().clone();
        for (int i = 0; i < n; i++) {
            from[i] = Math.max(-LOG_BOUND + 1, Math.min(LOG_BOUND - 1, from[i]));
        }
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, 0.1, 1e-10);
        PointValuePair fine = bobyqa.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                new InitialGuess(from), new SimpleBounds(lower, upper));
        PointValuePair best = fine.getValue() >= coarse.getValue() ? fine : coarse;
        double[] point = newton(objective.getObjectiveFunction()::value, best.getPoint());

        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.exp(point[i]);
        }
        return new Result(theta, objective.getObjectiveFunction().value(point), evaluations[0]);
    }

    /**
     * A few Newton steps on central-difference derivatives, kept only while they raise the likelihood: the
     * derivative-free optimisers stop where the surface is flat to their tolerance, which along the ridge of
     * correlated parameters (r with alpha) still leaves the fourth decimal loose.
     */
    private static double[] newton(java.util.function.ToDoubleFunction<double[]> f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double fx = f.applyAsDouble(x);
        double h = 1e-4;
        for (int iteration = 0; iteration < 10; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int i = 0; i < n; i++) {
                double[] plus = shifted(x, i, h, -1, 0);
                double[] minus = shifted(x, i, -h, -1, 0);
                double fp = f.applyAsDouble(plus);
                double fm = f.applyAsDouble(minus);
                gradient[i] = (fp - fm) / (2 * h);
                hessian[i][i] = (fp - 2 * fx + fm) / (h * h);
                for (int j = 0; j < i; j++) {
                    double fpp = f.applyAsDouble(shifted(x, i, h, j, h));
                    double fpm = f.applyAsDouble(shifted(x, i, h, j, -h));
                    double fmp = f.applyAsDouble(shifted(x, i, -h, j, h));
                    double fmm = f.applyAsDouble(shifted(x, i, -h, j, -h));
                    hessian[i][j] = (fpp - fpm - fmp + fmm) / (4 * h * h);
                    hessian[j][i] = hessian[i][j];
                }
            }
            double[] step;
            try {
                var decomposition = new org.apache.commons.math3.linear.LUDecomposition(
                        new org.apache.commons.math3.linear.Array2DRowRealMatrix(hessian));
                step = decomposition.getSolver()
                        .solve(new org.apache.commons.math3.linear.ArrayRealVector(gradient)).toArray();
            } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
                return x;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = x[i] - step[i];
            }
            double fnext = f.applyAsDouble(next);
            if (!(fnext > fx)) {
                return x;
            }
            x = next;
            fx = fnext;
        }
        return x;
    }

    private static double[] shifted(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return y;
    }

    record Result(double[] parameters, double logLikelihood, int evaluations) {
    }
}
