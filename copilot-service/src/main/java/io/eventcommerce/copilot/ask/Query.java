package io.eventcommerce.copilot.ask;

import java.util.List;

/**
 * A question as the parser understood it: what to measure, broken down by what, for which rows and days, compared
 * with what, how many of the best or worst. SQL is generated from this, never from the question's text.
 *
 * @param range      null: all time
 * @param comparison null: none; else {@link #compareTo()} is the other period
 * @param top        null: every group; else the first {@code top} groups by the first metric
 * @param bottom     the smallest first instead of the largest
 * @param share      add each group's share of the total of the first metric
 * @param notes      what the answer must say about how it was computed (e.g. ratings have no history)
 */
public record Query(List<Metric> metrics, List<Dimension> dimensions, List<Filter> filters, TimeRange range,
                    Comparison comparison, Integer top, boolean bottom, boolean share, List<String> notes) {

    public Query {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        filters = List.copyOf(filters);
        notes = List.copyOf(notes);
    }

    public TimeRange compareTo() {
        return comparison == null || range == null ? null : comparison.of(range);
    }

    public Metric metric() {
        return metrics.get(0);
    }

    /** Whether the counted-sale rule gives way to the order status (the question is about statuses). */
    public boolean byStatus() {
        return dimensions.contains(Dimension.STATUS) || filters.stream().anyMatch(f -> f.field() == Dimension.STATUS);
    }
}
