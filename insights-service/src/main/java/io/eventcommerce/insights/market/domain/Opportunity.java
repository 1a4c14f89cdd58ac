package io.eventcommerce.insights.market.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** A scored market × category: its figures, each component, the product of their scores, its rank and why. */
public record Opportunity(UUID id, MarketFigures figures, List<ComponentScore> components, double score, int rank,
                          String explanation) {

    /** The same id for the same market, category and currency in every run, so a link survives the next one. */
    public static UUID idOf(MarketFigures f) {
        String key = String.join("|", f.level(), f.market(), f.categoryId(), f.currency());
        return UUID.nameUUIDFromBytes(("market-opportunity|" + key).getBytes(StandardCharsets.UTF_8));
    }

    public ComponentScore component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name));
    }
}
