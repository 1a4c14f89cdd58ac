package io.eventcommerce.copilot.ask;

/** What a figure is compared with: the period just before, or the same period a year earlier. */
public enum Comparison {
    PREVIOUS_PERIOD, PREVIOUS_YEAR;

    TimeRange of(TimeRange range) {
        return this == PREVIOUS_PERIOD ? range.previous() : range.yearBefore();
    }
}
