package io.eventcommerce.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fits reproduce the published CDNOW estimates to the decimals they are quoted at: BG/NBD (Fader, Hardie &amp;
 * Lee 2005, table in section 4) and Gamma-Gamma (Fader &amp; Hardie 2013).
 */
class CdnowFitTest {

    private static List<Cdnow> cdnow;
    private static BgNbdFitter.Fit bgNbd;
    private static GammaGammaFitter.Fit gammaGamma;

    @BeforeAll
    static void fit() {
        cdnow = Cdnow.load();
        bgNbd = BgNbdFitter.fit(cdnow.stream().map(Cdnow::purchases).toList());
        gammaGamma = GammaGammaFitter.fit(Cdnow.repeatCustomers(cdnow));
        System.out.printf("CDNOW BG/NBD %s LL %.4f (%d evaluations); Gamma-Gamma %s LL %.4f (%d evaluations)%n",
                bgNbd.model(), bgNbd.logLikelihood(), bgNbd.evaluations(), gammaGamma.model(),
                gammaGamma.logLikelihood(), gammaGamma.evaluations());
    }

    @Test
    void bgNbdReproducesThePublishedEstimates() {
        assertThat(cdnow).hasSize(2357);
        BgNbdModel m = bgNbd.model();
        assertThat(m.r()).isCloseTo(0.243, within(0.0005));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(m.a()).isCloseTo(0.793, within(0.0005));
        assertThat(m.b()).isCloseTo(2.426, within(0.0005));
        // The paper's maximised log-likelihood is -9582.4.
        assertThat(bgNbd.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    }

    @Test
    void theFittersFastLikelihoodsEqualTheModelsPerCustomerOnes() {
        double bgNbdSum = cdnow.stream().mapToDouble(c -> bgNbd.model().logLikelihood(c.purchases())).sum();
        assertThat(bgNbd.logLikelihood()).isCloseTo(bgNbdSum, within(1e-6));
        double gammaGammaSum = Cdnow.repeatCustomers(cdnow).stream()
                .mapToDouble(gammaGamma.model()::logLikelihood).sum();
        assertThat(gammaGamma.logLikelihood()).isCloseTo(gammaGammaSum, within(1e-6));
    }

    @Test
    void gammaGammaReproducesThePublishedEstimates() {
        assertThat(gammaGamma.customers()).isEqualTo(946);
        GammaGammaModel m = gammaGamma.model();
        assertThat(m.p()).isCloseTo(6.25, within(0.005));
        assertThat(m.q()).isCloseTo(3.74, within(0.005));
        // This file's zbar gives gamma = 15.4477 (the lifetimes library reports 15.45 on the same file); the note's
        // 15.44 comes from its own spend data. The likelihood surface is flat there: the published point is
        // within a few thousandths of a log-likelihood unit of ours, so one more hundredth is the honest bound.
        assertThat(m.gamma()).isCloseTo(15.44, within(0.01));
        GammaGammaModel published = new GammaGammaModel(6.25, 3.74, 15.44);
        double publishedLl = Cdnow.repeatCustomers(cdnow).stream().mapToDouble(published::logLikelihood).sum();
        System.out.printf("Gamma-Gamma LL at the published estimates %.4f, at ours %.4f%n", publishedLl,
                gammaGamma.logLikelihood());
        assertThat(gammaGamma.logLikelihood()).isBetween(publishedLl, publishedLl + 0.05);
    }
}
