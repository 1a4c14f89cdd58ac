package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The stock of one product in one warehouse changed (state transfer: the full level, not a delta).
 *
 * @param cause     what changed it: a ledger movement ({@code RECEIPT}, {@code ADJUSTMENT}, {@code SHIPMENT},
 *                  {@code RETURN}) or {@code RESERVATION} / {@code RELEASE} for an order
 * @param reference the order, purchase order or upload behind the change, if any
 */
public record StockLevelChanged(UUID productId, UUID warehouseId, int onHand, int reserved, int available,
                                int reorderPoint, int leadTimeDays, String cause, UUID reference, long version,
                                Instant changedAt) implements DomainEvent {

    public static final EventType<StockLevelChanged> TYPE =
            new EventType<>("StockLevelChanged", 1, Topics.CATALOG_INVENTORY, StockLevelChanged.class);

    @Override
    public EventType<StockLevelChanged> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return productId.toString();
    }
}
