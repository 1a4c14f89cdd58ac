package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

/**
 * A purchase order was created or changed (edited, submitted, returned, approved, received, closed short,
 * cancelled); carries its whole state, so the compacted topic keeps every order's latest state and a replica needs
 * no other event.
 */
public record PurchaseOrderChanged(PurchaseOrderSnapshot purchaseOrder) implements DomainEvent {

    public static final EventType<PurchaseOrderChanged> TYPE =
            new EventType<>("PurchaseOrderChanged", 1, Topics.CATALOG_PURCHASE_ORDER, PurchaseOrderChanged.class);

    @Override
    public EventType<PurchaseOrderChanged> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return purchaseOrder.purchaseOrderId().toString();
    }
}
