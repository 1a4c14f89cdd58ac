package io.eventcommerce.events.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * insights-service's advice to reorder a product for one warehouse: stock available plus on order no longer covers
 * the forecast demand over the lead time plus the safety stock for the service level. catalog-service turns it into
 * a DRAFT purchase order, which a person still submits and approves.
 *
 * @param suggestedQuantity      units to order: up to demand over lead time and review period plus safety stock,
 *                               less available and on order, rounded up
 * @param reorderPoint           demand over lead time plus safety stock
 * @param demandOverLeadTime     the forecast's daily means summed over the lead time
 * @param safetyStock            z(service level) times the forecast's standard deviation over the lead time
 * @param serviceLevel           the chance of not running out before the order arrives, 0 to 1
 * @param forecastRunId          the forecast analysis run the demand came from
 * @param suggestionId           insights-service's id of the suggestion
 */
public record ReorderSuggested(UUID suggestionId, UUID productId, UUID warehouseId, int suggestedQuantity,
                               BigDecimal reorderPoint, BigDecimal demandOverLeadTime, BigDecimal safetyStock,
                               BigDecimal serviceLevel, int leadTimeDays, int onHand, int available, int onOrder,
                               UUID forecastRunId, Instant suggestedAt) implements DomainEvent {

    public static final EventType<ReorderSuggested> TYPE =
            new EventType<>("ReorderSuggested", 1, Topics.INSIGHTS_REORDER, ReorderSuggested.class);

    @Override
    public EventType<ReorderSuggested> eventType() {
        return TYPE;
    }

    /** {@code <productId>:<warehouseId>}: one partition orders the suggestions of a product in a warehouse. */
    @Override
    public String aggregateId() {
        return productId + ":" + warehouseId;
    }
}
