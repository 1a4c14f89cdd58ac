package io.eventcommerce.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying, Fader, Hardie &amp; Lee,
 * "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005.
 * While alive a customer buys as a Poisson process with rate &lambda; ~ Gamma(r, &alpha;); after each repeat
 * purchase they drop out for good with probability p ~ Beta(a, b). It answers what a CLV needs and a customer
 * table alone cannot: how many purchases to expect from this customer next, and how likely they still buy at all.
 *
 * <p>Equation numbers refer to the paper. Times are in the unit of the {@link PurchaseSummary summaries}.
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    public BgNbdModel {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("parameters must be finite and > 0: " + r + ", " + alpha + ", " + a
                    + ", " + b);
        }
    }

    /**
     * The log-likelihood of one customer's (x, t<sub>x</sub>, T), equation (6):
     * L = B(a, b+x)/B(a, b) &middot; &Gamma;(r+x) &alpha;<sup>r</sup> / (&Gamma;(r) (&alpha;+T)<sup>r+x</sup>)
     * + &delta;<sub>x&gt;0</sub> B(a+1, b+x&minus;1)/B(a, b) &middot; &Gamma;(r+x) &alpha;<sup>r</sup> /
     * (&Gamma;(r) (&alpha;+t<sub>x</sub>)<sup>r+x</sup>), summed in log space (log-sum-exp) because both terms
     * underflow for frequent buyers.
     */
    public double logLikelihood(PurchaseSummary customer) {
        int x = customer.frequency();
        double common = logGamma(r + x) - logGamma(r) + r * Math.log(alpha)
                + logGamma(b + x) + logGamma(a + b) - logGamma(b) - logGamma(a + b + x);
        return common + logSumTerms(x, customer.recency(), customer.age());
    }

    /**
     * log((&alpha;+T)<sup>&minus;(r+x)</sup> + &delta;<sub>x&gt;0</sub> a/(b+x&minus;1)
     * (&alpha;+t<sub>x</sub>)<sup>&minus;(r+x)</sup>), the part of the likelihood that depends on the times.
     */
    double logSumTerms(int x, double recency, double age) {
        double stillAlive = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return stillAlive;
        }
        double droppedAfterLast = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency);
        double max = Math.max(stillAlive, droppedAfterLast);
        return max + Math.log1p(Math.exp(Math.min(stillAlive, droppedAfterLast) - max));
    }

    /**
     * P(alive | x, t<sub>x</sub>, T) = 1 / (1 + &delta;<sub>x&gt;0</sub> a/(b+x&minus;1)
     * ((&alpha;+T)/(&alpha;+t<sub>x</sub>))<sup>r+x</sup>) (Fader, Hardie &amp; Lee's note "Computing P(alive)
     * using the BG/NBD model", 2008). A customer without repeat purchases is alive for sure in this model: drop-out
     * can only happen right after a repeat purchase.
     */
    public double probabilityAlive(PurchaseSummary customer) {
        int x = customer.frequency();
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + customer.age()) - Math.log(alpha + customer.recency()));
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T], the expected number of purchases in (T, T+t] of a customer with this history,
     * equation (10): (a+b+x&minus;1)/(a&minus;1) &middot; [1 &minus; ((&alpha;+T)/(&alpha;+T+t))<sup>r+x</sup>
     * <sub>2</sub>F<sub>1</sub>(r+x, b+x; a+b+x&minus;1; t/(&alpha;+T+t))] &middot; P(alive).
     */
    public double expectedPurchases(PurchaseSummary customer, double t) {
        requireHorizon(t);
        if (t == 0) {
            return 0;
        }
        int x = customer.frequency();
        double ageNow = alpha + customer.age();
        double z = t / (ageNow + t);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double decay = Math.exp((r + x) * Math.log(ageNow / (ageNow + t)));
        return (a + b + x - 1) / (a - 1) * (1 - decay * hyper) * probabilityAlive(customer);
    }

    /**
     * E[X(t)], the expected number of repeat purchases of a new customer in (0, t], equation (7):
     * (a+b&minus;1)/(a&minus;1) &middot; [1 &minus; (&alpha;/(&alpha;+t))<sup>r</sup>
     * <sub>2</sub>F<sub>1</sub>(r, b; a+b&minus;1; t/(&alpha;+t))].
     */
    public double expectedPurchasesNewCustomer(double t) {
        requireHorizon(t);
        if (t == 0) {
            return 0;
        }
        double hyper = Hypergeometric.f21(r, b, a + b - 1, t / (alpha + t));
        return (a + b - 1) / (a - 1) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyper);
    }

    private static void requireHorizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon must be finite and >= 0, was " + t);
        }
    }
}
