package io.eventcommerce.analytics.elasticity;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.distribution.TDistribution;
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
            y[i] = Math.log(o.quantity());
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
