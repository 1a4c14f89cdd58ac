package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.util.List;

/**
 * A product changed; carries the whole new state and the names of the fields that changed (e.g. {@code price}),
 * so a consumer interested in price changes only does not need to diff.
 */
public record ProductUpdated(ProductSnapshot product, List<String> changedFields) implements DomainEvent {

    public static final EventType<ProductUpdated> TYPE =
            new EventType<>("ProductUpdated", 1, Topics.CATALOG_PRODUCT, ProductUpdated.class);

    @Override
    public EventType<ProductUpdated> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return product.productId().toString();
    }
}
