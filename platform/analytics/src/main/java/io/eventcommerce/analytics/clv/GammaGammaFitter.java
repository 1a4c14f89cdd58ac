package io.eventcommerce.analytics.clv;

import java.util.List;

/**
 * Fits {@link GammaGammaModel} p, q, &gamma; by maximum likelihood on the customers with repeat purchases (the
 * only ones whose spend the model describes; Fader &amp; Hardie 2013 fit CDNOW on its 946 such customers).
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
        double mean = customers.stream().mapToDouble(SpendSummary::averageValue).average().orElseThrow();
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(theta -> {
            GammaGammaModel model = new GammaGammaModel(theta[0], theta[1], theta[2]);
            double ll = 0;
            for (SpendSummary c : customers) {
                ll += model.logLikelihood(c);
            }
            return ll;
            // Start where the population mean p*gamma/(q-1) equals the observed mean, so the simplex starts sane.
        }, new double[] {1, 2, mean});
        double[] p = result.parameters();
        return new Fit(new GammaGammaModel(p[0], p[1], p[2]), result.logLikelihood(), customers.size(),
                result.evaluations());
    }
}
