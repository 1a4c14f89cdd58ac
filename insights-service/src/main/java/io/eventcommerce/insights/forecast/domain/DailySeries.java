package io.eventcommerce.insights.forecast.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One series' daily paid units from its first day with a sale up to the last day of the history, with the days
 * that sold nothing as 0: the database only has rows for days with sales, a model needs every day.
 *
 * @param key   what the series is of (a product or category id, or {@code all} for the total)
 * @param first the day of {@code units[0]}
 * @param units units per day, oldest first
 */
public record DailySeries(String key, LocalDate first, double[] units) {

    /** One row of a grouped query: a key's paid units on one day. */
    public record Row(String key, LocalDate day, double units) {
    }

    /** The day after the history, the first one forecast. */
    public LocalDate next() {
        return first.plusDays(units.length);
    }

    /**
     * The dense series of sparse rows sorted by key, then day (as a grouped {@code ORDER BY key, day} gives them);
     * rows after {@code last} are left out, a key without a row up to {@code last} gives no series.
     */
    public static List<DailySeries> assemble(List<Row> rows, LocalDate last) {
        List<DailySeries> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            String key = rows.get(i).key();
            int j = i;
            while (j < rows.size() && Objects.equals(rows.get(j).key(), key)) {
                j++;
            }
            LocalDate first = null;
            double[] units = null;
            for (Row r : rows.subList(i, j)) {
                if (r.day().isAfter(last)) {
                    continue;
                }
                if (first == null) {
                    first = r.day();
                    units = new double[(int) ChronoUnit.DAYS.between(first, last) + 1];
                }
                int at = (int) ChronoUnit.DAYS.between(first, r.day());
                if (at < 0) {
                    throw new IllegalArgumentException("rows of " + key + " are not sorted by day");
                }
                units[at] += r.units();
            }
            if (first != null) {
                out.add(new DailySeries(key, first, units));
            }
            i = j;
        }
        return out;
    }
}
