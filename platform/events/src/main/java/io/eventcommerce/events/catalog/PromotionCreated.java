package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

/** A promotion was created; carries its whole state. */
public record PromotionCreated(PromotionSnapshot promotion) implements DomainEvent {

    public static final EventType<PromotionCreated> TYPE =
            new EventType<>("PromotionCreated", 1, Topics.CATALOG_PROMOTION, PromotionCreated.class);

    @Override
    public EventType<PromotionCreated> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return promotion.promotionId().toString();
    }
}
