package io.eventcommerce.analytics.forecast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XgboostCovariatesTest {

    private static final List<Forecaster> SMOOTH = List.of(new SeasonalNaive(7), new XgboostForecaster(7));
    private static final ModelSelector SELECTOR = new ModelSelector(BacktestSettings.DEFAULT, SMOOTH,
            List.of(new SeasonalNaive(7)));

    /** A simulated product: its daily units, absolute prices and promotion intensity. */
    private record Product(double[] units, double[] price, double[] promotion) {

        Covariates covariates() {
            return Covariates.ofPrices(price, promotion);
        }
    }

    /**
     * Weekly pattern around 30 units a day; the price steps between 80 % and 125 % of 20.00 every 30–90 days and
     * one day in eight is a promotion at 15–30 % off. Demand is log-log in the price paid, elasticity −2:
     * {@code mean = base × (price × (1 − discount) / 20)^−2}, with Poisson-like noise.
     */
    private static Product simulate(long seed, int n) {
        Random rnd = new Random(seed);
        double[] factors = {0.8, 0.9, 1.0, 1.1, 1.25};
        double[] units = new double[n];
        double[] price = new double[n];
        double[] promotion = new double[n];
        double factor = 1.0;
        int nextStep = 0;
        for (int t = 0; t < n; t++) {
            if (t == nextStep) {
                factor = factors[rnd.nextInt(factors.length)];
                nextStep = t + 30 + rnd.nextInt(60);
            }
            price[t] = 20 * factor;
            promotion[t] = rnd.nextInt(8) == 0 ? 0.15 + 0.15 * rnd.nextDouble() : 0;
            double base = t % 7 >= 5 ? 40 : 26;
            double mean = base * Math.pow(factor * (1 - promotion[t]), -2);
            units[t] = Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        return new Product(units, price, promotion);
    }

    @Test
    void priceAndPromotionFeaturesLowerTheBacktestMaseAndBeatSeasonalNaive() {
        double ratios = 0;
        long[] seeds = {11, 12, 13, 14};
        for (long seed : seeds) {
            Product p = simulate(seed, 600);
            Selection without = SELECTOR.select(p.units());
            Selection with = SELECTOR.select(p.units(), p.covariates());

            double xgbWith = with.maseByModel().get("xgboost");
            double xgbWithout = without.maseByModel().get("xgboost");
            assertThat(xgbWith).as("seed %d", seed).isLessThan(xgbWithout).isLessThan(with.seasonalNaiveMase());
            ratios += xgbWith / xgbWithout;
            assertThat(with.seasonalNaiveMase()).isEqualTo(without.seasonalNaiveMase());
            assertThat(with.model()).isEqualTo("xgboost");
            assertThat(with.covariates()).isEqualTo(Covariates.NAMES);
            assertThat(without.covariates()).isEmpty();
        }
        // about 11 % lower on these seeds (0.86, 0.84, 0.88, 0.97)
        assertThat(ratios / seeds.length).isLessThan(0.92);
    }

    @Test
    void aKnownFuturePriceCutRaisesTheForecastAndUnknownDaysFollowTheHoldRule() {
        Product p = simulate(13, 600);
        int h = BacktestSettings.DEFAULT.horizon();
        Covariates known = p.covariates();
        double last = known.priceAt(599);
        double recent = known.promotionAt(600);
        double[] same = new double[600 + h];
        double[] cut = new double[600 + h];
        double[] promotion = java.util.Arrays.copyOf(known.promotion(), 600 + h);
        for (int t = 0; t < 600 + h; t++) {
            same[t] = t < 600 ? known.relativePrice()[t] : last;
            cut[t] = t < 600 ? known.relativePrice()[t] : 0.85 * last;
            promotion[t] = t < 600 ? promotion[t] : recent;
        }
        Forecaster xgb = new XgboostForecaster(7);
        double[] holds = xgb.fit(p.units(), known, null).forecast(h).mean();
        double[] explicit = xgb.fit(p.units(), new Covariates(same, promotion), null).forecast(h).mean();
        double[] lower = xgb.fit(p.units(), new Covariates(cut, promotion), null).forecast(h).mean();
        assertThat(holds).containsExactly(explicit);
        assertThat(java.util.Arrays.stream(lower).sum()).isGreaterThan(1.1 * java.util.Arrays.stream(holds).sum());
    }

    @Test
    void theBacktestNeverShowsACandidateACovariateOfADayAfterItsOrigin() {
        List<int[]> seen = new ArrayList<>();
        Forecaster spy = new Forecaster() {
            private final Forecaster inner = new SeasonalNaive(7);

            @Override
            public String name() {
                return "spy";
            }

            @Override
            public int minimumHistory() {
                return inner.minimumHistory();
            }

            @Override
            public boolean usesCovariates() {
                return true;
            }

            @Override
            public FittedModel fit(double[] history) {
                return inner.fit(history);
            }

            @Override
            public FittedModel fit(double[] history, Covariates covariates, FittedModel previous) {
                seen.add(new int[] {history.length, covariates.days()});
                return inner.fit(history);
            }

            @Override
            public FittedModel update(FittedModel fitted, double[] history, Covariates covariates) {
                seen.add(new int[] {history.length, covariates.days()});
                return inner.fit(history);
            }
        };
        Product p = simulate(14, 400);
        int h = BacktestSettings.DEFAULT.horizon();
        double[] price = java.util.Arrays.copyOf(p.price(), 400 + h);
        java.util.Arrays.fill(price, 400, 400 + h, p.price()[399]);
        Covariates withFuture = Covariates.ofPrices(price, java.util.Arrays.copyOf(p.promotion(), 400 + h));
        new ModelSelector(BacktestSettings.DEFAULT, List.of(spy, new SeasonalNaive(7)), List.of())
                .select(p.units(), withFuture);
        // 8 origins, each seeing exactly its training days, then the final fit (the spy is the benchmark, so it
        // wins the tie with seasonal naive) with everything known
        assertThat(seen).hasSize(9);
        for (int[] s : seen.subList(0, 8)) {
            assertThat(s[1]).isEqualTo(s[0]).isLessThan(400);
        }
        assertThat(seen.get(8)).containsExactly(400, 400 + h);
    }

    @Test
    void covariatesThatLeakTheAnswerDoNotHelpTheBacktest() {
        // White noise around a level: nothing to forecast but the mean, unless a covariate leaks the day's units.
        Random rnd = new Random(21);
        int n = 500;
        double[] y = new double[n];
        double[] leak = new double[n];
        double[] flat = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = Math.max(0, Math.round(30 + 6 * rnd.nextGaussian()));
            leak[t] = Math.min(1, y[t] / 60);
            flat[t] = 1;
        }
        Selection leaky = SELECTOR.select(y, new Covariates(flat, leak));
        Selection plain = SELECTOR.select(y);
        // Were the folds' future covariates the true ones, the trees would read the answer (MASE near 0).
        assertThat(leaky.maseByModel().get("xgboost")).isGreaterThan(0.8 * plain.maseByModel().get("xgboost"));
        // The leak is real: trained and scored on the same days with the true covariates, it is near perfect.
        Forecaster xgb = new XgboostForecaster(7);
        double[] train = java.util.Arrays.copyOf(y, n - 28);
        double[] actual = java.util.Arrays.copyOfRange(y, n - 28, n);
        double cheat = Mase.of(actual, xgb.fit(train, new Covariates(flat, leak), null).forecast(28).mean(),
                train, 7);
        assertThat(cheat).isLessThan(0.5 * leaky.maseByModel().get("xgboost"));
    }

    @Test
    void otherModelsIgnoreCovariatesAndShortCovariatesAreRefused() {
        Product p = simulate(15, 400);
        ModelSelector all = new ModelSelector(BacktestSettings.DEFAULT);
        Selection with = all.select(p.units(), p.covariates());
        Selection without = all.select(p.units());
        for (String model : with.maseByModel().keySet()) {
            if (!model.equals("xgboost")) {
                assertThat(with.maseByModel().get(model)).as(model).isEqualTo(without.maseByModel().get(model));
            }
        }
        assertThat(with.covariates()).isEqualTo(with.model().equals("xgboost") ? Covariates.NAMES : List.of());
        Covariates shorter = p.covariates().upTo(399);
        assertThatThrownBy(() -> all.select(p.units(), shorter)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHoldRuleKeepsTheLastPriceAndTheRecentMeanPromotion() {
        double[] price = {10, 10, 20, 20};
        double[] promotion = {0, 0.4, 0, 0.2};
        Covariates c = Covariates.ofPrices(price, promotion);
        assertThat(c.relativePrice()).containsExactly(2 / 3.0, 2 / 3.0, 4 / 3.0, 4 / 3.0);
        assertThat(c.priceAt(10)).isEqualTo(4 / 3.0);
        assertThat(c.promotionAt(3)).isEqualTo(0.2);
        assertThat(c.promotionAt(4)).isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.upTo(2).priceAt(3)).isEqualTo(2 / 3.0);
        assertThat(c.upTo(2).promotionAt(5)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> new Covariates(new double[] {1, 0}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Covariates(new double[] {1}, new double[] {1.5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
