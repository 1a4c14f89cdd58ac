package io.eventcommerce.insights.market.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods the market pulse reports: ISO weeks (Monday to Sunday), calendar months and calendar years, UTC days.
 * Only complete periods are stored (a period still running would read as a fall). A year earlier is 52 weeks for a
 * week, so the weekdays line up; for a year the previous period and the year earlier are the same.
 */
public enum PeriodKind {
    WEEK, MONTH, YEAR;

    /** The first day of the period {@code day} is in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The start of the period {@code n} periods after the one starting at {@code start} (negative: before). */
    public LocalDate plus(LocalDate start, long n) {
        return switch (this) {
            case WEEK -> start.plusWeeks(n);
            case MONTH -> start.plusMonths(n);
            case YEAR -> start.plusYears(n);
        };
    }

    /** The start of the same period a year earlier. */
    public LocalDate yearEarlier(LocalDate start) {
        return this == WEEK ? start.minusWeeks(52) : start.minusYears(1);
    }

    /** The start of the last complete period before {@code today}. */
    public LocalDate lastComplete(LocalDate today) {
        return plus(start(today), -1);
    }

    /** week, month or year in any case. */
    public static Optional<PeriodKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (PeriodKind kind : values()) {
            if (kind.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
