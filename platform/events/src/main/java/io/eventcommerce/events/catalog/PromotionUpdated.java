package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

/** A promotion was updated; carries its whole state. */
public record PromotionUpdated(PromotionSnapshot promotion) implements DomainEvent {

    public static final EventType<PromotionUpdated> TYPE =
            new EventType<>("PromotionUpdated", 1, Topics.CATALOG_PROMOTION, PromotionUpdated.class);

    @Override
    public EventType<PromotionUpdated> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return promotion.promotionId().toString();
    }
}
