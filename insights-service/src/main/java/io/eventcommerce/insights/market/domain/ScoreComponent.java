package io.eventcommerce.insights.market.domain;

import java.util.List;

/**
 * One factor of an opportunity's score. The scorer multiplies the components' scores, so a new factor (price
 * position against competitors, say) is one more entry in the list {@link OpportunityScorer} is built with: it brings
 * its own figures (a component may hold data of its own, keyed by the candidates' market and category) and its own
 * phrase for the explanation.
 */
public interface ScoreComponent {

    /** The component's name in the score's formula and the stored figures (size, growth, ...). */
    String name();

    /**
     * Scores every candidate, in their order, each in (0, 1] (a component may normalise against them all, e.g. by
     * the largest).
     */
    List<ComponentScore> score(List<MarketFigures> candidates);
}
