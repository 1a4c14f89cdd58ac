package io.eventcommerce.analytics.clv;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Customers drawn from the BG/NBD story itself, so a fit can be checked against the truth. */
final class BgNbdSimulation {

    private BgNbdSimulation() {
    }

    /** Repeat purchases in (0, t]: Poisson(lambda) while alive, dropping out with p after each purchase. */
    static List<PurchaseSummary> customers(BgNbdModel truth, int count, double age, long seed) {
        RandomGenerator random = new Well19937c(seed);
        GammaDistribution rates = new GammaDistribution(random, truth.r(), 1 / truth.alpha());
        BetaDistribution dropouts = new BetaDistribution(random, truth.a(), truth.b());
        List<PurchaseSummary> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double lambda = rates.sample();
            double p = dropouts.sample();
            int x = 0;
            double last = 0;
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(new PurchaseSummary(x, last, age));
        }
        return customers;
    }
}
