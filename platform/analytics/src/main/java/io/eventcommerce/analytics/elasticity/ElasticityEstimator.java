package io.eventcommerce.analytics.elasticity;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Estimates a product's own-price elasticity by ordinary least squares on
 * ln q<sub>t</sub> = &beta;<sub>0</sub> + &epsilon; ln p<sub>t</sub> + &gamma; promo<sub>t</sub> +
 * &Sigma;<sub>d</sub> &delta;<sub>d</sub> [weekday<sub>t</sub> = d] + u<sub>t</sub> (the constant-elasticity
 * demand q = A p<sup>&epsilon;</sup>; e.g. Wooldridge, <i>Introductory Econometrics</i>, 6.2), with the interval
 * &epsilon; &plusmn; t<sub>1&minus;(1&minus;c)/2, n&minus;k</sub> &middot; se(&epsilon;). The promotion dummy enters
 * only if promotions both ran and did not; a weekday dummy only for weekdays present, the first present being the
 * base. Periods with zero units are left out because their logarithm is undefined; for slow sellers, where that
 * loses information, aggregate to weeks before calling.
 *
 * <p>{@link #estimateCounts} fits the same constant-elasticity demand to slow sellers, whose days mostly sell
 * nothing or one unit: a Poisson regression with log link, ln E[q<sub>t</sub>] = &beta;<sub>0</sub> + &epsilon; ln
 * p<sub>t</sub> + weekday terms, over every day including those without a sale (McCullagh and Nelder, <i>Generalized
 * Linear Models</i>, 6.2; fitted by iteratively reweighted least squares), with the quasi-Poisson dispersion
 * (Pearson &chi;&sup2; / (n &minus; k), at least 1) widening the standard error. Leaving the zero days out, as the
 * log-log OLS must, would hide the price's effect on how often such a product sells.
 *
 * <p>It answers "not enough variation" rather than a number when there are fewer than {@code minObservations}
 * periods, fewer than {@code minDistinctPrices} price levels, a coefficient of variation of the price below
 * {@code minPriceVariation}, or when the price moved only together with the controls (say, only during
 * promotions), so its effect cannot be told apart.
 */
public final class ElasticityEstimator {

    /** Collinearity below this pivot in the QR decomposition counts as "cannot be told apart". */
    private static final double SINGULARITY_THRESHOLD = 1e-10;

    private final int minObservations;
    private final int minDistinctPrices;
    private final double minPriceVariation;
    private final double confidence;
    private final boolean controls;

    /**
     * @param minObservations   e.g. 30 periods
     * @param minDistinctPrices e.g. 3 price levels
     * @param minPriceVariation e.g. 0.02 (prices spread by 2 % of their mean)
     * @param confidence        e.g. 0.95
     * @param controls          whether to include the promotion and weekday dummies
     */
    public ElasticityEstimator(int minObservations, int minDistinctPrices, double minPriceVariation,
                               double confidence, boolean controls) {
        if (minObservations < 5 || minDistinctPrices < 2 || !(minPriceVariation >= 0)
                || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need minObservations >= 5, minDistinctPrices >= 2, "
                    + "minPriceVariation >= 0, 0 < confidence < 1");
        }
        this.minObservations = minObservations;
        this.minDistinctPrices = minDistinctPrices;
        this.minPriceVariation = minPriceVariation;
        this.confidence = confidence;
        this.controls = controls;
    }

    /** 30 periods, 3 price levels, 2 % variation, 95 % interval, with promotion and weekday controls. */
    public static ElasticityEstimator defaults() {
        return new ElasticityEstimator(30, 3, 0.02, 0.95, true);
    }

    public ElasticityEstimate estimate(List<PriceObservation> history) {
        List<PriceObservation> sold = history.stream().filter(o -> o.quantity() > 0).toList();
        int n = sold.size();
        double[] logPrice = sold.stream().mapToDouble(o -> Math.log(o.price())).toArray();
        int distinct = (int) sold.stream().mapToDouble(PriceObservation::price).distinct().count();
        double cv = coefficientOfVariation(sold);
        if (n < minObservations) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.TOO_FEW_OBSERVATIONS, n, distinct,
                    cv);
        }
        if (distinct < minDistinctPrices || cv < minPriceVariation) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.NOT_ENOUGH_PRICE_VARIATION, n,
                    distinct, cv);
        }

        boolean promotionVaries = controls && sold.stream().map(PriceObservation::promotion).distinct().count() > 1;
        List<DayOfWeek> weekdayDummies = new ArrayList<>();
        if (controls) {
            Set<DayOfWeek> present = EnumSet.noneOf(DayOfWeek.class);
            sold.forEach(o -> present.add(o.dayOfWeek()));
            weekdayDummies.addAll(present);
            weekdayDummies.remove(0);
        }
        int k = 1 + (promotionVaries ? 1 : 0) + weekdayDummies.size();
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            PriceObservation o = sold.get(i);
            // log(q / exposure): the exposure is an offset, its coefficient fixed at 1.
            y[i] = Math.log(o.quantity()) - Math.log(o.exposure());
            int column = 0;
            x[i][column++] = logPrice[i];
            if (promotionVaries) {
                x[i][column++] = o.promotion() ? 1 : 0;
            }
            for (DayOfWeek d : weekdayDummies) {
                x[i][column++] = o.dayOfWeek() == d ? 1 : 0;
            }
        }
        int degreesOfFreedom = n - k - 1;
        if (degreesOfFreedom < 1) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.TOO_FEW_OBSERVATIONS, n, distinct,
                    cv);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY_THRESHOLD);
        ols.newSampleData(y, x);
        double elasticity;
        double se;
        try {
            elasticity = ols.estimateRegressionParameters()[1];
            se = ols.estimateRegressionParametersStandardErrors()[1];
        } catch (SingularMatrixException e) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.PRICE_COLLINEAR_WITH_CONTROLS, n,
                    distinct, cv);
        }
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new ElasticityEstimate.Estimated(elasticity, se, elasticity - t * se, elasticity + t * se,
                confidence, n, cv);
    }

    /**
     * The Poisson (log-link) fit over every day of {@code days}, zero-quantity days included; the observations counted
     * against {@code minObservations} are the days with a sale. The promotion flag is not used (a day without a sale
     * has none to speak of).
     */
    public ElasticityEstimate estimateCounts(List<PriceObservation> days) {
        int n = days.size();
        int selling = (int) days.stream().filter(o -> o.quantity() > 0).count();
        int distinct = (int) days.stream().mapToDouble(PriceObservation::price).distinct().count();
        double cv = coefficientOfVariation(days);
        if (selling < minObservations) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.TOO_FEW_OBSERVATIONS, selling,
                    distinct, cv);
        }
        if (distinct < minDistinctPrices || cv < minPriceVariation) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.NOT_ENOUGH_PRICE_VARIATION, selling,
                    distinct, cv);
        }
        List<DayOfWeek> weekdayDummies = new ArrayList<>();
        if (controls) {
            Set<DayOfWeek> present = EnumSet.noneOf(DayOfWeek.class);
            days.forEach(o -> present.add(o.dayOfWeek()));
            weekdayDummies.addAll(present);
            weekdayDummies.remove(0);
        }
        int k = 2 + weekdayDummies.size();
        double[][] x = new double[n][k];
        double[] y = new double[n];
        double mean = days.stream().mapToDouble(PriceObservation::quantity).average().orElse(0);
        double meanExposure = days.stream().mapToDouble(PriceObservation::exposure).average().orElse(1);
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            PriceObservation o = days.get(i);
            y[i] = o.quantity();
            offset[i] = Math.log(o.exposure());
            x[i][0] = 1;
            x[i][1] = Math.log(o.price());
            int column = 2;
            for (DayOfWeek d : weekdayDummies) {
                x[i][column++] = o.dayOfWeek() == d ? 1 : 0;
            }
        }
        int degreesOfFreedom = n - k;
        if (degreesOfFreedom < 1 || !(mean > 0)) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.TOO_FEW_OBSERVATIONS, selling,
                    distinct, cv);
        }
        RealMatrix design = new Array2DRowRealMatrix(x, false);
        RealVector beta = new ArrayRealVector(k);
        beta.setEntry(0, Math.log(mean / meanExposure));
        RealMatrix information = null;
        double[] mu = new double[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            RealVector eta = design.operate(beta);
            double[][] weighted = new double[n][];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                // log mu = offset + x beta; the working response leaves the offset out.
                mu[i] = Math.exp(offset[i] + eta.getEntry(i));
                z[i] = eta.getEntry(i) + (y[i] - mu[i]) / mu[i];
                weighted[i] = new double[k];
                for (int j = 0; j < k; j++) {
                    weighted[i][j] = x[i][j] * mu[i];
                }
            }
            // X^T W X and X^T W z, W = diag(mu): the normal equations of the weighted least-squares step.
            RealMatrix xtw = new Array2DRowRealMatrix(weighted, false).transpose();
            information = xtw.multiply(design);
            DecompositionSolver solver = new LUDecomposition(information, SINGULARITY_THRESHOLD).getSolver();
            if (!solver.isNonSingular()) {
                return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.PRICE_COLLINEAR_WITH_CONTROLS,
                        selling, distinct, cv);
            }
            RealVector next = solver.solve(xtw.operate(new ArrayRealVector(z, false)));
            double change = next.subtract(beta).getLInfNorm();
            beta = next;
            if (change < 1e-9) {
                break;
            }
        }
        RealVector eta = design.operate(beta);
        double pearson = 0;
        for (int i = 0; i < n; i++) {
            mu[i] = Math.exp(offset[i] + eta.getEntry(i));
            pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
        }
        double dispersion = Math.max(1, pearson / degreesOfFreedom);
        RealMatrix covariance;
        try {
            covariance = new LUDecomposition(information, SINGULARITY_THRESHOLD).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.PRICE_COLLINEAR_WITH_CONTROLS,
                    selling, distinct, cv);
        }
        double elasticity = beta.getEntry(1);
        double se = Math.sqrt(dispersion * covariance.getEntry(1, 1));
        if (!Double.isFinite(elasticity) || !Double.isFinite(se)) {
            return new ElasticityEstimate.NotEstimated(ElasticityEstimate.Reason.PRICE_COLLINEAR_WITH_CONTROLS,
                    selling, distinct, cv);
        }
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new ElasticityEstimate.Estimated(elasticity, se, elasticity - t * se, elasticity + t * se,
                confidence, selling, cv);
    }

    private static double coefficientOfVariation(List<PriceObservation> observations) {
        int n = observations.size();
        if (n < 2) {
            return 0;
        }
        double mean = observations.stream().mapToDouble(PriceObservation::price).average().orElseThrow();
        double ss = observations.stream().mapToDouble(o -> (o.price() - mean) * (o.price() - mean)).sum();
        return Math.sqrt(ss / (n - 1)) / mean;
    }
}
