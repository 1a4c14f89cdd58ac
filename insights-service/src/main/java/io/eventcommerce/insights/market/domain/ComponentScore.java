package io.eventcommerce.insights.market.domain;

import java.util.Map;

/**
 * One component of one candidate: its value before normalisation (null where there is none, e.g. growth from
 * nothing), its normalised score in (0, 1], the phrase the explanation uses, and the inputs beyond
 * {@link MarketFigures} it was computed from (empty for most).
 */
public record ComponentScore(String name, Double value, double score, String phrase, Map<String, Object> inputs) {

    public ComponentScore {
        if (!(score > 0 && score <= 1)) {
            throw new IllegalArgumentException(name + " score " + score + " is not in (0, 1]");
        }
        inputs = Map.copyOf(inputs);
    }
}
