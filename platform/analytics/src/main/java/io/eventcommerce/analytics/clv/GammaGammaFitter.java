package io.eventcommerce.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;

/**
 * Fits {@link GammaGammaModel} p, q, &gamma; by maximum likelihood on the customers with repeat purchases (the
 * only ones whose spend the model describes; Fader &amp; Hardie 2013 fit CDNOW on its 946 such customers). As in
 * {@link BgNbdFitter}, the &Gamma; terms are computed once per distinct x per evaluation.
 */
public final class GammaGammaFitter {

    private GammaGammaFitter() {
    }

    /** The fitted model and the maximised log-likelihood (summed over customers). */
    public record Fit(GammaGammaModel model, double logLikelihood, int customers, int evaluations) {
    }

    public static Fit fit(List<SpendSummary> customers) {
        if (customers.size() < 2) {
            throw new IllegalArgumentException("need at least two repeat customers, had " + customers.size());
        }
        int n = customers.size();
        int[] x = new int[n];
        double[] z = new double[n];
        double[] logZ = new double[n];
        double[] logX = new double[n];
        int maxX = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            SpendSummary c = customers.get(i);
            x[i] = c.frequency();
            z[i] = c.averageValue();
            logZ[i] = Math.log(z[i]);
            logX[i] = Math.log(x[i]);
            maxX = Math.max(maxX, x[i]);
            mean += z[i] / n;
        }
        int[] customersWithX = new int[maxX + 1];
        for (int xi : x) {
            customersWithX[xi]++;
        }
        int top = maxX;
        // GammaGammaModel.logLikelihood summed, with the Gamma terms computed once per distinct x.
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(theta -> {
            double p = theta[0];
            double q = theta[1];
            double gamma = theta[2];
            double ll = n * (q * Math.log(gamma) - logGamma(q));
            for (int k = 1; k <= top; k++) {
                if (customersWithX[k] > 0) {
                    ll += customersWithX[k] * (logGamma(p * k + q) - logGamma(p * k));
                }
            }
            for (int i = 0; i < n; i++) {
                double px = p * x[i];
                ll += (px - 1) * logZ[i] + px * logX[i] - (px + q) * Math.log(gamma + x[i] * z[i]);
            }
            return ll;
            // Start where the population mean p*gamma/(q-1) equals the observed mean, so the simplex starts sane.
        }, new double[] {1, 2, mean});
        double[] p = result.parameters();
        return new Fit(new GammaGammaModel(p[0], p[1], p[2]), result.logLikelihood(), customers.size(),
                result.evaluations());
    }
}
