package io.eventcommerce.copilot.ask;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Days from {@code from} (inclusive) to {@code to} (exclusive), UTC order days; {@code label} is how an answer
 * names it ("last month", "Q3 2025") and {@code kind} what its previous period is.
 */
public record TimeRange(LocalDate from, LocalDate to, String label, Kind kind) {

    /** The calendar unit a range is, so "the period before" is the previous month, not the previous 30 days. */
    public enum Kind { DAY, WEEK, MONTH, QUARTER, YEAR, DAYS }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The period just before: the previous calendar unit, or as many days before. */
    public TimeRange previous() {
        return switch (kind) {
            case DAY -> new TimeRange(from.minusDays(1), from, "the day before", kind);
            case WEEK -> new TimeRange(from.minusWeeks(1), to.minusWeeks(1), "the week before", kind);
            case MONTH -> new TimeRange(from.minusMonths(1), to.minusMonths(1), "the month before", kind);
            case QUARTER -> new TimeRange(from.minusMonths(3), to.minusMonths(3), "the quarter before", kind);
            case YEAR -> new TimeRange(from.minusYears(1), to.minusYears(1), "the year before", kind);
            case DAYS -> new TimeRange(from.minusDays(days()), from, "the " + days() + " days before", kind);
        };
    }

    /** The same days a year earlier. */
    public TimeRange yearBefore() {
        return new TimeRange(from.minusYears(1), to.minusYears(1), "the same period last year", kind);
    }
}
