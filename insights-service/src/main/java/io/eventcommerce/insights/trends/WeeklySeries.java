package io.eventcommerce.insights.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/**
 * One series' paid units and revenue per ISO week (Monday to Sunday) over the {@code weeks} full weeks before the
 * week of the run. The trend test reads it from its first week with a sale: weeks before a launch are not a rise.
 */
public final class WeeklySeries {

    private final LocalDate firstWeek;
    private final double[] units;
    private final double[] revenue;

    public WeeklySeries(LocalDate firstWeek, int weeks) {
        this.firstWeek = firstWeek;
        this.units = new double[weeks];
        this.revenue = new double[weeks];
    }

    /** The Monday {@code weeks} full weeks before the week of {@code today}. */
    public static LocalDate firstWeek(LocalDate today, int weeks) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks);
    }

    /** Adds a day's sales; days outside the weeks are ignored. */
    public void add(LocalDate day, double dayUnits, double dayRevenue) {
        long week = ChronoUnit.WEEKS.between(firstWeek, day);
        if (day.isBefore(firstWeek) || week >= units.length) {
            return;
        }
        units[(int) week] += dayUnits;
        revenue[(int) week] += dayRevenue;
    }

    /** The index of the first week with units, or -1 for none. */
    public int start() {
        for (int i = 0; i < units.length; i++) {
            if (units[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    public LocalDate startWeek() {
        return firstWeek.plusWeeks(Math.max(0, start()));
    }

    public double[] units() {
        return trimmed(units);
    }

    public double[] revenue() {
        return trimmed(revenue);
    }

    private double[] trimmed(double[] values) {
        int start = start();
        return start < 0 ? new double[0] : Arrays.copyOfRange(values, start, values.length);
    }
}
