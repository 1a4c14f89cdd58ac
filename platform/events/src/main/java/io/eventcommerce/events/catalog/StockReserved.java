package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.util.List;
import java.util.UUID;

/**
 * Every line of an order is reserved; the saga's stock answer. A line may be split across warehouses, so there can
 * be more allocations than lines.
 */
public record StockReserved(UUID orderId, List<Allocation> allocations) implements DomainEvent {

    public static final EventType<StockReserved> TYPE =
            new EventType<>("StockReserved", 1, Topics.CATALOG_RESERVATION, StockReserved.class);

    /** {@code quantity} units of line {@code lineNo} are held in warehouse {@code warehouseId}. */
    public record Allocation(int lineNo, UUID productId, UUID warehouseId, int quantity) {
    }

    @Override
    public EventType<StockReserved> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
