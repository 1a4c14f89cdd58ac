package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.util.List;
import java.util.UUID;

/** An order could not be reserved in full, so nothing of it is held; the saga's stock answer. */
public record StockRejected(UUID orderId, List<Shortage> shortages) implements DomainEvent {

    public static final EventType<StockRejected> TYPE =
            new EventType<>("StockRejected", 1, Topics.CATALOG_RESERVATION, StockRejected.class);

    /**
     * Why line {@code lineNo} cannot be served.
     *
     * @param reason    {@code OUT_OF_STOCK} (fewer than requested are available in all warehouses together) or
     *                  {@code NOT_STOCKED} (no warehouse keeps the product)
     * @param available units available over all warehouses when the order was processed
     */
    public record Shortage(int lineNo, UUID productId, int requested, int available, String reason) {
    }

    @Override
    public EventType<StockRejected> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
