package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

/** A product was added to the catalog. */
public record ProductCreated(ProductSnapshot product) implements DomainEvent {

    public static final EventType<ProductCreated> TYPE =
            new EventType<>("ProductCreated", 1, Topics.CATALOG_PRODUCT, ProductCreated.class);

    @Override
    public EventType<ProductCreated> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return product.productId().toString();
    }
}
