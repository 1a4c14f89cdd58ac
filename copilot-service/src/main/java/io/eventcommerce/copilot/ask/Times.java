package io.eventcommerce.copilot.ask;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time expressions in a question, as ranges of order days relative to today (UTC, from the injected clock).
 * "Last N days" are the N complete days before today; "this month/quarter/year" run up to and including today.
 */
final class Times {

    /** A range found at a word position. */
    record Found(int at, TimeRange range) {
    }

    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("fifty", 50), Map.entry("hundred", 100), Map.entry("a", 1));

    private final LocalDate today;

    Times(LocalDate today) {
        this.today = today;
    }

    static Integer number(String word) {
        if (word.matches("\\d{1,4}")) {
            return Integer.parseInt(word);
        }
        return NUMBERS.get(word);
    }

    /** Every range in the question, in word order; the words they use are taken. */
    List<Found> find(Words w) {
        TreeMap<Integer, TimeRange> found = new TreeMap<>();
        for (int i = 0; i < w.size(); i++) {
            if (!w.free(i)) {
                continue;
            }
            int[] length = {0};
            TimeRange r = at(w, i, length);
            if (r != null) {
                w.mark(i, length[0]);
                found.put(i, r);
            }
        }
        List<Found> out = new ArrayList<>();
        found.forEach((at, r) -> out.add(new Found(at, r)));
        return out;
    }

    private TimeRange at(Words w, int i, int[] length) {
        String a = w.at(i);
        String b = w.at(i + 1);
        String c = w.at(i + 2);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        LocalDate year = today.withDayOfYear(1);
        switch (a) {
            case "today" -> {
                length[0] = 1;
                return new TimeRange(today, today.plusDays(1), "today", TimeRange.Kind.DAY);
            }
            case "yesterday" -> {
                length[0] = 1;
                return new TimeRange(today.minusDays(1), today, "yesterday", TimeRange.Kind.DAY);
            }
            case "ytd" -> {
                length[0] = 1;
                return new TimeRange(year, today.plusDays(1), "this year", TimeRange.Kind.YEAR);
            }
            case "mtd" -> {
                length[0] = 1;
                return new TimeRange(month, today.plusDays(1), "this month", TimeRange.Kind.MONTH);
            }
            default -> {
            }
        }
        if ((a.equals("year") || a.equals("month") || a.equals("quarter")) && b.equals("to") && c.equals("date")) {
            length[0] = 3;
            return this_(a, monday, month, quarter, year);
        }
        if (a.equals("this") || a.equals("current")) {
            TimeRange r = this_(b, monday, month, quarter, year);
            if (r != null) {
                length[0] = 2;
            }
            return r;
        }
        if (a.equals("last") || a.equals("past") || a.equals("previous") || a.equals("prior")) {
            Integer n = number(b);
            if (n != null && n > 0 && n <= 3660) {
                String unit = c;
                LocalDate from = switch (unit) {
                    case "days", "day" -> today.minusDays(n);
                    case "weeks", "week" -> today.minusWeeks(n);
                    case "months", "month" -> today.minusMonths(n);
                    case "years", "year" -> today.minusYears(n);
                    default -> null;
                };
                if (from != null) {
                    length[0] = 3;
                    return new TimeRange(from, today, "the last " + n + " " + (n == 1 ? unit.replaceAll("s$", "")
                            : unit.endsWith("s") ? unit : unit + "s"), TimeRange.Kind.DAYS);
                }
                return null;
            }
            TimeRange r = switch (b) {
                case "week" -> new TimeRange(monday.minusWeeks(1), monday, "last week", TimeRange.Kind.WEEK);
                case "month" -> new TimeRange(month.minusMonths(1), month, "last month", TimeRange.Kind.MONTH);
                case "quarter" -> new TimeRange(quarter.minusMonths(3), quarter, "last quarter",
                        TimeRange.Kind.QUARTER);
                case "year" -> new TimeRange(year.minusYears(1), year, "last year", TimeRange.Kind.YEAR);
                default -> null;
            };
            if (r != null) {
                length[0] = 2;
            }
            return r;
        }
        if ((a.equals("between") || a.equals("from")) && date(b) != null
                && (c.equals("and") || c.equals("to") || c.equals("until")) && date(w.at(i + 3)) != null) {
            LocalDate from = date(b);
            LocalDate to = date(w.at(i + 3));
            if (!to.isBefore(from)) {
                length[0] = 4;
                return new TimeRange(from, to.plusDays(1), from + " to " + to, TimeRange.Kind.DAYS);
            }
            return null;
        }
        if (a.equals("since") && date(b) != null) {
            length[0] = 2;
            return new TimeRange(date(b), today.plusDays(1), "since " + date(b), TimeRange.Kind.DAYS);
        }
        if (date(a) != null) {
            length[0] = 1;
            return new TimeRange(date(a), date(a).plusDays(1), date(a).toString(), TimeRange.Kind.DAY);
        }
        if (a.matches("q[1-4]")) {
            int q = a.charAt(1) - '0';
            Integer y = year(b);
            length[0] = y == null ? 1 : 2;
            LocalDate start = LocalDate.of(y == null ? today.getYear() : y, (q - 1) * 3 + 1, 1);
            if (y == null && start.isAfter(today)) {
                start = start.minusYears(1);
            }
            return new TimeRange(start, start.plusMonths(3), "Q" + q + " " + start.getYear(),
                    TimeRange.Kind.QUARTER);
        }
        Month m = month(a);
        if (m != null && (w.at(i - 1).equals("in") || w.at(i - 1).equals("of") || w.at(i - 1).equals("for")
                || w.at(i - 1).equals("since") || year(b) != null)) {
            Integer y = year(b);
            length[0] = y == null ? 1 : 2;
            LocalDate start = LocalDate.of(y == null ? today.getYear() : y, m, 1);
            if (y == null && start.isAfter(today)) {
                start = start.minusYears(1);
            }
            String label = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
            if (w.at(i - 1).equals("since")) {
                return new TimeRange(start, today.plusDays(1), "since " + label, TimeRange.Kind.DAYS);
            }
            return new TimeRange(start, start.plusMonths(1), label, TimeRange.Kind.MONTH);
        }
        Integer y = year(a);
        if (y != null) {
            length[0] = 1;
            return new TimeRange(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1), String.valueOf(y),
                    TimeRange.Kind.YEAR);
        }
        return null;
    }

    private TimeRange this_(String unit, LocalDate monday, LocalDate month, LocalDate quarter, LocalDate year) {
        LocalDate end = today.plusDays(1);
        return switch (unit) {
            case "week" -> new TimeRange(monday, end, "this week", TimeRange.Kind.WEEK);
            case "month" -> new TimeRange(month, end, "this month", TimeRange.Kind.MONTH);
            case "quarter" -> new TimeRange(quarter, end, "this quarter", TimeRange.Kind.QUARTER);
            case "year" -> new TimeRange(year, end, "this year", TimeRange.Kind.YEAR);
            default -> null;
        };
    }

    static Integer year(String word) {
        if (word.matches("20\\d{2}|19\\d{2}")) {
            return Integer.parseInt(word);
        }
        return null;
    }

    static LocalDate date(String word) {
        if (!word.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(word);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Month month(String word) {
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (word.equals(full) || word.length() >= 3 && full.startsWith(word) && !word.equals("mar")
                    && !word.equals("may") || word.equals("mar") && m == Month.MARCH) {
                return m;
            }
        }
        return null;
    }
}
