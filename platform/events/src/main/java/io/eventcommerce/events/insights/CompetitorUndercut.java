package io.eventcommerce.events.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A competitor's observed price went below ours by more than insights-service's undercut threshold, where its
 * previous observation of the product did not: one event per change into "undercut" for a product and competitor,
 * so a re-sent or a weekly repeated observation raises nothing. Pricing can react (match, promote, ignore).
 *
 * @param observationId   insights-service's id of the observation that crossed the threshold
 * @param undercutBy      (our price &minus; competitor price) / our price, 4 decimals
 * @param threshold       the share below our price that counted as undercut when the event was raised
 * @param ourPrice        our list price (the product replica) when the observation arrived
 */
public record CompetitorUndercut(UUID observationId, UUID productId, String sku, String competitor, String country,
                                 String region, BigDecimal competitorPrice, BigDecimal ourPrice, String currency,
                                 BigDecimal undercutBy, BigDecimal threshold, Instant observedAt)
        implements DomainEvent {

    public static final EventType<CompetitorUndercut> TYPE =
            new EventType<>("CompetitorUndercut", 1, Topics.INSIGHTS_PRICING, CompetitorUndercut.class);

    @Override
    public EventType<CompetitorUndercut> eventType() {
        return TYPE;
    }

    /** The product id: one partition orders a product's alerts. */
    @Override
    public String aggregateId() {
        return productId.toString();
    }
}
