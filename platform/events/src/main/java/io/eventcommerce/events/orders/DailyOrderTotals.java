package io.eventcommerce.events.orders;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * orders-service's own totals of one closed UTC day, as of {@code computedAt}, so a read model built from the order
 * events (insights-service) can be reconciled with the source. A day's figures still move after it closes (a later
 * payment, return or cancellation of an order placed that day): a republish is a new event with a later
 * {@code computedAt}, and the latest one per day is the checkpoint.
 *
 * @param day        the UTC day the totals are of
 * @param computedAt when orders-service read its tables; the figures hold as of then
 * @param currencies the figures per order currency (sums never mix currencies); empty for a day without orders
 */
public record DailyOrderTotals(LocalDate day, Instant computedAt, List<CurrencyTotals> currencies)
        implements DomainEvent {

    public static final EventType<DailyOrderTotals> TYPE =
            new EventType<>("DailyOrderTotals", 1, Topics.ORDERS_TOTALS, DailyOrderTotals.class);

    @Override
    public EventType<DailyOrderTotals> eventType() {
        return TYPE;
    }

    /** The day ({@code yyyy-MM-dd}): the checkpoints of one day stay in order on one partition. */
    @Override
    public String aggregateId() {
        return day.toString();
    }
}
