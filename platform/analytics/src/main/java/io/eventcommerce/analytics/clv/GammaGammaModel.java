package io.eventcommerce.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma model of the value of a customer's transactions, Fader &amp; Hardie, "The Gamma-Gamma Model of
 * Monetary Value" (2013 note, after Colombo &amp; Jiang 1999): each transaction of a customer is Gamma(p, &nu;),
 * and &nu; ~ Gamma(q, &gamma;) across customers. It shrinks a customer's observed mean towards the population
 * mean by how many transactions it rests on, which a plain average cannot. It assumes spend is independent of
 * purchase frequency, the condition under which it combines with {@link BgNbdModel} into a CLV.
 */
public record GammaGammaModel(double p, double q, double gamma) {

    public GammaGammaModel {
        if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
            throw new IllegalArgumentException("parameters must be finite and > 0: " + p + ", " + q + ", " + gamma);
        }
    }

    /**
     * The log-likelihood of one customer's (x, z&#772;), the note's equation (3):
     * &Gamma;(px+q) / (&Gamma;(px) &Gamma;(q)) &middot; &gamma;<sup>q</sup> z&#772;<sup>px&minus;1</sup>
     * x<sup>px</sup> / (&gamma; + x z&#772;)<sup>px+q</sup>.
     */
    public double logLikelihood(SpendSummary customer) {
        int x = customer.frequency();
        double z = customer.averageValue();
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(z)
                + px * Math.log(x) - (px + q) * Math.log(gamma + x * z);
    }

    /**
     * E[Z | x, z&#772;], the expected value of this customer's future transactions, the note's equation (5):
     * p(&gamma; + x z&#772;)/(px + q &minus; 1), a weighted mean of the population mean p&gamma;/(q&minus;1) and
     * the customer's own z&#772;, the weight of z&#772; growing with x.
     */
    public double expectedAverageValue(SpendSummary customer) {
        int x = customer.frequency();
        return p * (gamma + x * customer.averageValue()) / (p * x + q - 1);
    }

    /**
     * E[Z] = p&gamma;/(q&minus;1), the mean transaction value of a customer we know nothing about (also used for
     * customers without repeat purchases); infinite when q &lt;= 1.
     */
    public double populationMeanValue() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }
}
