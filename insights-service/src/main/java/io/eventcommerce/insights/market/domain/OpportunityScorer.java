package io.eventcommerce.insights.market.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores market × category opportunities: the product of the components' scores (each in (0, 1], so one weak factor
 * pulls the whole score down; the market pulse's are size × growth × penetration × price position), ranked per level
 * (COUNTRY, REGION) best first, each with an explanation that names the figures: the revenue, its share of the
 * category, then every component's phrase and the formula.
 */
public final class OpportunityScorer {

    private static final int MAX_EXPLANATION = 1000;

    private final List<ScoreComponent> components;

    public OpportunityScorer(List<ScoreComponent> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("an opportunity needs at least one component");
        }
        this.components = List.copyOf(components);
    }

    /** Size, growth (logistic, scale 0.25, capped at +100 %) and penetration: the sales components alone. */
    public static OpportunityScorer defaults() {
        return new OpportunityScorer(List.of(new SizeComponent(), GrowthComponent.defaults(),
                new PenetrationComponent()));
    }

    /**
     * What the market pulse scores with: size, growth, penetration and the price position (steepness 4) from the
     * competitor analysis' {@code positions}.
     */
    public static OpportunityScorer defaults(List<PricePositionComponent.Position> positions) {
        return new OpportunityScorer(List.of(new SizeComponent(), GrowthComponent.defaults(),
                new PenetrationComponent(), PricePositionComponent.defaults(positions)));
    }

    public List<String> componentNames() {
        return components.stream().map(ScoreComponent::name).toList();
    }

    /** Every candidate scored and ranked within its level; the best of each level first. */
    public List<Opportunity> rank(List<MarketFigures> candidates) {
        List<List<ComponentScore>> byComponent = new ArrayList<>();
        for (ScoreComponent component : components) {
            List<ComponentScore> scores = component.score(candidates);
            if (scores.size() != candidates.size()) {
                throw new IllegalStateException(component.name() + " scored " + scores.size() + " of "
                        + candidates.size() + " candidates");
            }
            byComponent.add(scores);
        }
        List<Opportunity> unranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<ComponentScore> scores = new ArrayList<>();
            double score = 1;
            for (List<ComponentScore> component : byComponent) {
                scores.add(component.get(i));
                score *= component.get(i).score();
            }
            MarketFigures f = candidates.get(i);
            unranked.add(new Opportunity(Opportunity.idOf(f), f, List.copyOf(scores), score, 0,
                    explain(f, scores, score)));
        }
        Comparator<Opportunity> best = Comparator.comparingDouble(Opportunity::score).reversed()
                .thenComparing(Comparator.comparingDouble((Opportunity o) -> o.figures().revenue()).reversed())
                .thenComparing(o -> o.figures().market()).thenComparing(o -> o.figures().categoryId())
                .thenComparing(o -> o.figures().currency());
        Map<String, List<Opportunity>> byLevel = unranked.stream().sorted(best)
                .collect(Collectors.groupingBy(o -> o.figures().level(), LinkedHashMap::new, Collectors.toList()));
        List<Opportunity> ranked = new ArrayList<>();
        byLevel.values().forEach(level -> {
            for (int r = 0; r < level.size(); r++) {
                Opportunity o = level.get(r);
                ranked.add(new Opportunity(o.id(), o.figures(), o.components(), o.score(), r + 1, o.explanation()));
            }
        });
        return ranked;
    }

    static String explain(MarketFigures f, List<ComponentScore> scores, double score) {
        Double categoryShare = f.categoryShare();
        StringBuilder text = new StringBuilder().append("Category ").append(f.categoryId()).append(" in ")
                .append(f.market()).append(": ").append(Format.amount(f.revenue(), f.currency()))
                .append(" in the last ").append(f.windowDays()).append(" days (")
                .append(categoryShare == null ? "none" : Format.percent(categoryShare)).append(" of the category)");
        scores.forEach(s -> text.append("; ").append(s.phrase()));
        text.append(". Score ").append(Format.number(score)).append(" = ").append(scores.stream()
                .map(s -> s.name() + " " + Format.number(s.score())).collect(Collectors.joining(" × ")))
                .append('.');
        return text.length() <= MAX_EXPLANATION ? text.toString() : text.substring(0, MAX_EXPLANATION - 3) + "...";
    }
}
