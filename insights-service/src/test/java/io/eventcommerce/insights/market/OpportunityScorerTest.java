package io.eventcommerce.insights.market;

import io.eventcommerce.insights.market.domain.ComponentScore;
import io.eventcommerce.insights.market.domain.GrowthComponent;
import io.eventcommerce.insights.market.domain.MarketFigures;
import io.eventcommerce.insights.market.domain.Opportunity;
import io.eventcommerce.insights.market.domain.OpportunityScorer;
import io.eventcommerce.insights.market.domain.PenetrationComponent;
import io.eventcommerce.insights.market.domain.PricePositionComponent;
import io.eventcommerce.insights.market.domain.PricePositionComponent.Position;
import io.eventcommerce.insights.market.domain.ScoreComponent;
import io.eventcommerce.insights.market.domain.SizeComponent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OpportunityScorerTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 5);
    private static final LocalDate END = LocalDate.of(2026, 12, 3);

    /** DE: 12,400 of a 400,000 category (3.1 %), DE is 9.8 % of all revenue, +18 % over the window before. */
    private static MarketFigures figures(String market, double revenue, double previous, double yearAgo,
                                         double category, double marketRevenue, double total) {
        return new MarketFigures("COUNTRY", market, "EU", "electronics", "EUR", START, END, 28, revenue, previous,
                yearAgo, category, marketRevenue, total);
    }

    private static final MarketFigures GERMANY = figures("DE", 12_400, 10_508.47, 9_920, 400_000, 98_000,
            1_000_000);
    private static final MarketFigures FRANCE_FLAT = figures("FR", 12_400, 12_400, 0, 400_000, 10_000, 1_000_000);

    @Test
    void eachComponentIsNormalisedAndTheScoreIsTheirProduct() {
        List<Opportunity> ranked = OpportunityScorer.defaults().rank(List.of(GERMANY, FRANCE_FLAT));
        Opportunity de = ranked.stream().filter(o -> o.figures().market().equals("DE")).findFirst().orElseThrow();

        // Size: ln(1 + 12,400) / ln(1 + 12,400) — both are the largest.
        assertThat(de.component(SizeComponent.NAME).score()).isCloseTo(1.0, within(1e-9));
        // Growth +18 %: 1 / (1 + e^(−0.18 / 0.25)).
        assertThat(de.component(GrowthComponent.NAME).value()).isCloseTo(0.18, within(1e-4));
        assertThat(de.component(GrowthComponent.NAME).score()).isCloseTo(1 / (1 + Math.exp(-0.72)), within(1e-4));
        // Penetration: 3.1 % of the category over 9.8 % of all revenue.
        double index = 0.031 / 0.098;
        assertThat(de.component(PenetrationComponent.NAME).value()).isCloseTo(index, within(1e-9));
        assertThat(de.component(PenetrationComponent.NAME).score()).isCloseTo(1 / (1 + index), within(1e-9));
        assertThat(de.score()).isCloseTo(de.components().stream().mapToDouble(ComponentScore::score)
                .reduce(1, (a, b) -> a * b), within(1e-12));
        assertThat(de.id()).isEqualTo(Opportunity.idOf(GERMANY));
    }

    @Test
    void theUnderPenetratedGrowingMarketRanksAboveTheFlatOverPenetratedOneAndSaysWhy() {
        // France buys the same amount, but flat, and it is 1 % of all revenue yet 3.1 % of the category's.
        List<Opportunity> ranked = OpportunityScorer.defaults().rank(List.of(FRANCE_FLAT, GERMANY));

        assertThat(ranked).extracting(o -> o.figures().market()).containsExactly("DE", "FR");
        assertThat(ranked).extracting(Opportunity::rank).containsExactly(1, 2);
        assertThat(ranked.get(0).explanation())
                .startsWith("Category electronics in DE: 12,400.00 EUR in the last 28 days (3.1 % of the category)")
                .contains("growing 18.0 % over the previous 28 days", "+25.0 % year over year",
                        "under-penetrated (DE is 9.8 % of all revenue: index 0.316", "Score ",
                        "= size 1.000 × growth 0.673 × penetration 0.760.");
        assertThat(ranked.get(1).explanation()).contains("flat over the previous 28 days (+0.0 %)",
                "no sales in the same days a year earlier", "over-penetrated (FR is 1.0 % of all revenue: index 3.100");
    }

    @Test
    void sizeIsOnALogScaleAgainstTheLargestOfItsLevelAndCurrency() {
        MarketFigures small = figures("AT", 1_240, 1_000, 0, 400_000, 98_000, 1_000_000);
        MarketFigures otherCurrency = new MarketFigures("COUNTRY", "CH", "EU", "electronics", "CHF", START, END, 28,
                50, 50, 0, 100, 100, 100);
        List<Opportunity> ranked = OpportunityScorer.defaults().rank(List.of(GERMANY, small, otherCurrency));

        assertThat(score(ranked, "AT", SizeComponent.NAME)).isCloseTo(Math.log1p(1_240) / Math.log1p(12_400),
                within(1e-9));
        assertThat(score(ranked, "CH", SizeComponent.NAME)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aMarketNewToTheCategoryScoresGrowthAsTheCapAndAFallIsBounded() {
        MarketFigures fresh = figures("PL", 500, 0, 0, 400_000, 5_000, 1_000_000);
        MarketFigures collapse = figures("IT", 1, 10_000, 0, 400_000, 5_000, 1_000_000);
        List<Opportunity> ranked = OpportunityScorer.defaults().rank(List.of(fresh, collapse));

        assertThat(score(ranked, "PL", GrowthComponent.NAME)).isCloseTo(1 / (1 + Math.exp(-4)), within(1e-9));
        assertThat(ranked.stream().filter(o -> o.figures().market().equals("PL")).findFirst().orElseThrow()
                .explanation()).contains("new (nothing in the previous 28 days)");
        assertThat(score(ranked, "IT", GrowthComponent.NAME)).isCloseTo(1 / (1 + Math.exp(4 * 0.9999)),
                within(1e-6)).isPositive();
        assertThat(ranked.stream().filter(o -> o.figures().market().equals("IT")).findFirst().orElseThrow()
                .explanation()).contains("shrinking 100.0 % over the previous 28 days");
    }

    @Test
    void countriesAndRegionsAreRankedEachAmongThemselves() {
        MarketFigures region = new MarketFigures("REGION", "EU", "EU", "electronics", "EUR", START, END, 28, 24_800,
                20_000, 0, 400_000, 200_000, 1_000_000);
        List<Opportunity> ranked = OpportunityScorer.defaults().rank(List.of(GERMANY, region, FRANCE_FLAT));

        assertThat(ranked).filteredOn(o -> o.figures().level().equals("REGION")).extracting(Opportunity::rank)
                .containsExactly(1);
        assertThat(ranked).filteredOn(o -> o.figures().level().equals("COUNTRY")).extracting(Opportunity::rank)
                .containsExactly(1, 2);
    }

    @Test
    void aComponentIsOneMoreEntryInTheList() {
        // A stand-in for a later factor (price position): halves France's score, names itself in the formula.
        ScoreComponent priceish = new ScoreComponent() {
            @Override
            public String name() {
                return "test-factor";
            }

            @Override
            public List<ComponentScore> score(List<MarketFigures> candidates) {
                List<ComponentScore> scores = new ArrayList<>();
                for (MarketFigures c : candidates) {
                    double s = c.market().equals("FR") ? 0.5 : 1;
                    scores.add(new ComponentScore(name(), s, s, "test factor " + s, Map.of("source", "test")));
                }
                return scores;
            }
        };
        List<Opportunity> three = OpportunityScorer.defaults().rank(List.of(FRANCE_FLAT));
        OpportunityScorer four = new OpportunityScorer(List.of(new SizeComponent(), GrowthComponent.defaults(),
                new PenetrationComponent(), priceish));
        Opportunity france = four.rank(List.of(FRANCE_FLAT)).get(0);

        assertThat(four.componentNames()).containsExactly("size", "growth", "penetration", "test-factor");
        assertThat(france.score()).isCloseTo(three.get(0).score() * 0.5, within(1e-12));
        assertThat(france.explanation()).contains("; test factor 0.5.", "× test-factor 0.500.");
    }

    @Test
    void aScoreOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new ComponentScore("x", 1.0, 0, "zero", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComponentScore("x", 1.0, 1.5, "too much", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpportunityScorer(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static final UUID ELECTRONICS = UUID.nameUUIDFromBytes("electronics".getBytes());

    /** As figures(), in the given region and a category with a UUID id (the competitor analysis' key). */
    private static MarketFigures in(String market, String region, UUID category) {
        return new MarketFigures("COUNTRY", market, region, category.toString(), "EUR", START, END, 28, 12_400,
                10_508.47, 9_920, 400_000, 98_000, 1_000_000);
    }

    @Test
    void theCheaperMarketRanksHigherAllElseEqualAndThePhraseNamesThePosition() {
        // Same sales figures; we are 8 % below the competitors in EU and 10 % above them in NA.
        List<Position> positions = List.of(new Position("EU", ELECTRONICS, 0.92, 14, 3, "run-1"),
                new Position("NA", ELECTRONICS, 1.10, 5, 4, "run-1"));
        List<Opportunity> ranked = OpportunityScorer.defaults(positions).rank(List.of(in("US", "NA", ELECTRONICS),
                in("DE", "EU", ELECTRONICS)));

        assertThat(ranked).extracting(o -> o.figures().market()).containsExactly("DE", "US");
        ComponentScore de = ranked.get(0).component(PricePositionComponent.NAME);
        ComponentScore us = ranked.get(1).component(PricePositionComponent.NAME);
        assertThat(de.value()).isEqualTo(0.92);
        assertThat(de.score()).isCloseTo(1 / (1 + Math.pow(0.92, 4)), within(1e-12)).isGreaterThan(0.5);
        assertThat(us.score()).isCloseTo(1 / (1 + Math.pow(1.10, 4)), within(1e-12)).isLessThan(0.5);
        assertThat(de.inputs()).containsEntry("products", 14).containsEntry("undercut", 3)
                .containsEntry("competitorAnalysisRunId", "run-1");
        assertThat(ranked.get(0).explanation()).contains("; priced 8.0 % below competitors in EU (index 0.920, 14 "
                + "products, 3 undercut; price position 0.583).", " × pricePosition 0.583.");
        assertThat(ranked.get(1).explanation()).contains("priced 10.0 % above competitors in NA (index 1.100, 5 "
                + "products, 4 undercut; price position 0.406)");
        assertThat(ranked.get(0).score()).isCloseTo(OpportunityScorer.defaults().rank(List.of(in("DE", "EU",
                ELECTRONICS))).get(0).score() * de.score(), within(1e-12));
    }

    @Test
    void withoutCompetitorPricesThePositionIsNeutralAndSaysSo() {
        // Level with the competitors in EU; nothing observed in APAC nor for another category in EU.
        UUID toys = UUID.randomUUID();
        List<Opportunity> ranked = OpportunityScorer.defaults(List.of(new Position("EU", ELECTRONICS, 1.0, 2, 0,
                null))).rank(List.of(in("DE", "EU", ELECTRONICS), in("JP", "APAC", ELECTRONICS), in("FR", "EU",
                toys)));

        ComponentScore level = score(ranked, "DE");
        assertThat(level.score()).isEqualTo(PricePositionComponent.NEUTRAL);
        assertThat(level.inputs()).doesNotContainKey("competitorAnalysisRunId");
        for (String market : List.of("JP", "FR")) {
            ComponentScore none = score(ranked, market);
            assertThat(none.value()).as(market).isNull();
            assertThat(none.score()).as(market).isEqualTo(level.score());
            assertThat(none.inputs()).as(market).containsEntry("competitorPrices", false);
        }
        assertThat(ranked).filteredOn(o -> o.figures().market().equals("JP")).singleElement()
                .satisfies(o -> assertThat(o.explanation()).contains("no competitor prices in APAC for the category "
                        + "(price position 0.500, neutral)"));
        assertThat(ranked.stream().filter(o -> !o.figures().market().equals("FR")).mapToDouble(Opportunity::score)
                .distinct()).hasSize(1);
        assertThat(score(ranked, "DE").phrase()).startsWith("priced level with competitors in EU");
    }

    @Test
    void thePositionScoreStaysInZeroToOneAtTheExtremes() {
        List<Opportunity> ranked = OpportunityScorer.defaults(List.of(new Position("EU", ELECTRONICS, 1e-4, 1, 0,
                "r"), new Position("NA", ELECTRONICS, 1e6, 1, 1, "r"))).rank(List.of(in("DE", "EU", ELECTRONICS),
                in("US", "NA", ELECTRONICS)));

        assertThat(score(ranked, "DE").score()).isLessThanOrEqualTo(1).isGreaterThan(0.999);
        assertThat(score(ranked, "US").score()).isPositive().isLessThan(1e-20);
        assertThat(score(ranked, "US").phrase()).contains("1 product, 1 undercut");
        assertThatThrownBy(() -> new Position("EU", ELECTRONICS, 0, 1, 0, "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricePositionComponent(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ComponentScore score(List<Opportunity> ranked, String market) {
        return ranked.stream().filter(o -> o.figures().market().equals(market)).findFirst().orElseThrow()
                .component(PricePositionComponent.NAME);
    }

    private static double score(List<Opportunity> ranked, String market, String component) {
        return ranked.stream().filter(o -> o.figures().market().equals(market)).findFirst().orElseThrow()
                .component(component).score();
    }
}
