package io.eventcommerce.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;

/**
 * Fits {@link BgNbdModel} r, &alpha;, a, b by maximum likelihood (Fader, Hardie &amp; Lee 2005, section 3).
 * The &Gamma; terms of the likelihood depend on a customer only through x, so each evaluation computes them once
 * per distinct frequency and the per-customer work is two logarithms and a log-sum-exp: 10,000 customers fit in
 * well under a second.
 */
public final class BgNbdFitter {

    private BgNbdFitter() {
    }

    /** The fitted model and the maximised log-likelihood (summed over customers). */
    public record Fit(BgNbdModel model, double logLikelihood, int customers, int evaluations) {
    }

    public static Fit fit(List<PurchaseSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit");
        }
        int n = customers.size();
        int[] x = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            PurchaseSummary c = customers.get(i);
            x[i] = c.frequency();
            recency[i] = c.recency();
            age[i] = c.age();
            maxX = Math.max(maxX, x[i]);
        }
        if (maxX == 0) {
            throw new IllegalArgumentException("no repeat purchases: the drop-out process cannot be estimated");
        }
        int[] customersWithX = new int[maxX + 1];
        for (int xi : x) {
            customersWithX[xi]++;
        }
        int top = maxX;
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(theta -> {
            BgNbdModel model = new BgNbdModel(theta[0], theta[1], theta[2], theta[3]);
            double r = theta[0];
            double a = theta[2];
            double b = theta[3];
            double ll = n * (r * Math.log(theta[1]) - logGamma(r) + logGamma(a + b) - logGamma(b));
            for (int k = 0; k <= top; k++) {
                if (customersWithX[k] > 0) {
                    ll += customersWithX[k] * (logGamma(r + k) + logGamma(b + k) - logGamma(a + b + k));
                }
            }
            for (int i = 0; i < n; i++) {
                ll += model.logSumTerms(x[i], recency[i], age[i]);
            }
            return ll;
        }, new double[] {1, 1, 1, 1});
        double[] p = result.parameters();
        return new Fit(new BgNbdModel(p[0], p[1], p[2], p[3]), result.logLikelihood(), n, result.evaluations());
    }
}
