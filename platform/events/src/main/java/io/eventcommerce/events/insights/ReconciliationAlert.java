package io.eventcommerce.events.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A figure of insights-service's read models has differed from the source's own total (orders-service's
 * DailyOrderTotals checkpoint) over two reconciliation runs in a row: not a read model a few seconds behind, but one
 * that lost or doubled something. Raised once per day and figure until it matches again (docs/reconciliation.md).
 *
 * @param figure             what differs, e.g. {@code sales.net[EUR]} (order facts) or {@code daily_sales.net}
 * @param sourceValue        the checkpoint's value
 * @param readModelValue     the read model's value as of the checkpoint's time
 * @param difference         read model less source
 * @param firstSeen          the first run that found this difference
 * @param consecutiveRuns    runs in a row that found it
 * @param checkpointComputedAt the computedAt of the checkpoint compared with
 * @param runId              the reconciliation run that raised the alert
 */
public record ReconciliationAlert(UUID alertId, LocalDate day, String figure, BigDecimal sourceValue,
                                  BigDecimal readModelValue, BigDecimal difference, Instant firstSeen,
                                  int consecutiveRuns, Instant checkpointComputedAt, UUID runId, Instant raisedAt)
        implements DomainEvent {

    public static final EventType<ReconciliationAlert> TYPE =
            new EventType<>("ReconciliationAlert", 1, Topics.INSIGHTS_ALERT, ReconciliationAlert.class);

    @Override
    public EventType<ReconciliationAlert> eventType() {
        return TYPE;
    }

    /** {@code <day>:<figure>}: the alerts of one figure stay in order. */
    @Override
    public String aggregateId() {
        return day + ":" + figure;
    }
}
