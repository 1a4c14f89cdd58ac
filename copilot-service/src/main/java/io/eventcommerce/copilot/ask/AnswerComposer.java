package io.eventcommerce.copilot.ask;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a query's result rows into the answer: one sentence with the key figures formatted (money with two
 * decimals and its currency, percentages with one), the table, and a chart hint. It says what it could not
 * give (no data, a margin without costs) instead of printing an empty or misleading figure.
 */
public final class AnswerComposer {

    private static final int NAMED = 3;

    public Answer compose(Query q, List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>();
        if (!rows.isEmpty()) {
            columns.addAll(rows.get(0).keySet());
        }
        List<List<Object>> table = rows.stream().map(r -> (List<Object>) new ArrayList<>(r.values())).toList();
        boolean empty = rows.isEmpty() || q.dimensions().isEmpty() && rows.stream()
                .allMatch(r -> r.get(q.metric().column()) == null && r.get("cost_coverage_pct") == null);
        String scope = scope(q);
        if (empty) {
            return new Answer("No data for " + q.metric().label() + scope + ".", columns, List.of(), ChartHint.NONE);
        }
        String sentence;
        String margin = q.metrics().contains(Metric.MARGIN) ? margin(rows) : "";
        if (q.metric() == Metric.MARGIN && q.dimensions().isEmpty() && margin.contains("cannot")) {
            sentence = margin.strip();
        } else {
            sentence = (q.dimensions().isEmpty() ? total(q, rows, scope) : grouped(q, rows, scope)) + margin;
        }
        for (String note : q.notes()) {
            sentence += " " + note;
        }
        return new Answer(sentence, columns, table, chart(q));
    }

    static ChartHint chart(Query q) {
        if (q.dimensions().isEmpty()) {
            return ChartHint.NONE;
        }
        if (q.dimensions().stream().anyMatch(Dimension::isTime)) {
            return ChartHint.LINE;
        }
        if (q.dimensions().size() > 1) {
            return ChartHint.TABLE;
        }
        return q.share() ? ChartHint.PIE : ChartHint.BAR;
    }

    private String total(Query q, List<Map<String, Object>> rows, String scope) {
        List<String> parts = new ArrayList<>();
        for (Metric m : q.metrics()) {
            List<String> values = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String v = format(m, row.get(m.column()), row.get("currency"));
                if (q.compareTo() != null) {
                    v += change(m, row.get(m.column()), row.get(m.column() + "_previous"), row.get("currency"),
                            q.compareTo().label());
                }
                values.add(v);
            }
            String label = parts.isEmpty() ? capital(m.label()) + scope : m.label();
            parts.add(label + (plural(m) ? " were " : " was ") + String.join(" and ", values));
        }
        return String.join("; ", parts) + ".";
    }

    private String grouped(Query q, List<Map<String, Object>> rows, String scope) {
        Metric m = q.metric();
        List<Dimension> groups = q.dimensions();
        String by = groups.stream().map(d -> d.column()).collect(Collectors.joining(" and "));
        String head = q.top() != null ? (q.bottom() ? "Bottom " : "Top ") + q.top() + " " + plural(groups.get(0))
                + " by " + m.label() : capital(m.label()) + " by " + by;
        if (groups.stream().anyMatch(Dimension::isTime) && q.top() == null) {
            Map<String, Object> high = rows.get(0);
            Map<String, Object> low = rows.get(0);
            for (Map<String, Object> r : rows) {
                if (compare(r.get(m.column()), high.get(m.column())) > 0) {
                    high = r;
                }
                if (compare(r.get(m.column()), low.get(m.column())) < 0) {
                    low = r;
                }
            }
            return head + scope + ": " + rows.size() + " rows, highest " + format(m, high.get(m.column()),
                    high.get("currency")) + " (" + key(groups, high) + "), lowest " + format(m, low.get(m.column()),
                    low.get("currency")) + " (" + key(groups, low) + ").";
        }
        List<String> named = new ArrayList<>();
        for (Map<String, Object> r : rows.subList(0, Math.min(NAMED, rows.size()))) {
            String v = format(m, r.get(m.column()), r.get("currency"));
            if (q.share() && r.get("share_pct") != null) {
                v += ", " + percent(r.get("share_pct")) + " of the total";
            }
            if (q.compareTo() != null) {
                v += change(m, r.get(m.column()), r.get(m.column() + "_previous"), r.get("currency"),
                        q.compareTo().label());
            }
            named.add(key(groups, r) + " (" + v + ")");
        }
        String more = rows.size() > NAMED ? " and " + (rows.size() - NAMED) + " more" : "";
        return head + scope + ": " + String.join(", ", named) + more + ".";
    }

    private static String key(List<Dimension> groups, Map<String, Object> row) {
        return groups.stream().map(d -> {
            Object v = row.get(d.column());
            return v == null ? "unknown" : v.toString();
        }).collect(Collectors.joining(" / "));
    }

    private static String margin(List<Map<String, Object>> rows) {
        Set<String> coverage = new LinkedHashSet<>();
        boolean none = true;
        for (Map<String, Object> r : rows) {
            Object c = r.get("cost_coverage_pct");
            if (c != null && decimal(c).signum() > 0) {
                none = false;
                if (decimal(c).compareTo(BigDecimal.valueOf(100)) < 0) {
                    coverage.add(percent(c));
                }
            }
        }
        if (none) {
            return " The replica has no cost for these sales, so the margin cannot be given.";
        }
        return coverage.isEmpty() ? "" : " The margin covers only the sales whose cost is known ("
                + String.join(", ", coverage) + " of revenue).";
    }

    private static String change(Metric m, Object now, Object before, Object currency, String label) {
        if (before == null || decimal(before).signum() == 0) {
            return ", with nothing in " + label + " to compare";
        }
        BigDecimal n = now == null ? BigDecimal.ZERO : decimal(now);
        BigDecimal b = decimal(before);
        BigDecimal pct = n.subtract(b).multiply(BigDecimal.valueOf(100)).divide(b.abs(), 1, RoundingMode.HALF_UP);
        String word = pct.signum() >= 0 ? " more than " : " less than ";
        return ", " + pct.abs().toPlainString() + " %" + word + label + " (" + format(m, before, currency) + ")";
    }

    static String format(Metric m, Object value, Object currency) {
        if (value == null) {
            return "no data";
        }
        BigDecimal v = decimal(value);
        if (m.percent()) {
            return percent(v);
        }
        if (m.money()) {
            return String.format(Locale.ENGLISH, "%,.2f", v.setScale(2, RoundingMode.HALF_UP))
                    + (currency == null ? "" : " " + currency);
        }
        if (m == Metric.RATING) {
            return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " of 5";
        }
        return String.format(Locale.ENGLISH, "%,d", v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    static String percent(Object value) {
        return decimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return decimal(a).compareTo(decimal(b));
    }

    /** " in Germany for Acme last month": the filters and the period, as the sentence names them. */
    static String scope(Query q) {
        StringBuilder s = new StringBuilder();
        for (Filter f : q.filters()) {
            String values = f.values().stream().map(v -> f.field() == Dimension.COUNTRY
                    ? new Locale("", v).getDisplayCountry(Locale.ENGLISH) : v).collect(Collectors.joining(" or "));
            s.append(switch (f.field()) {
                case COUNTRY, REGION, CATEGORY -> " in " + values;
                case CHANNEL -> " in the " + values + " channel";
                case SEGMENT -> " for " + values + " customers";
                case STATUS -> " for " + values + " orders";
                default -> " for " + values;
            });
        }
        if (q.range() != null) {
            String label = q.range().label();
            s.append(label.contains(" to ") ? " from " + label : Character.isUpperCase(label.charAt(0))
                    || Character.isDigit(label.charAt(0)) ? " in " + label : " " + label);
        } else if (q.metric() != Metric.RATING) {
            s.append(" in total");
        }
        return s.toString();
    }

    private static boolean plural(Metric m) {
        return m == Metric.ORDERS || m == Metric.UNITS || m == Metric.CUSTOMERS || m == Metric.NEW_CUSTOMERS
                || m == Metric.REFUNDS || m == Metric.DISCOUNT;
    }

    private static String plural(Dimension d) {
        return switch (d) {
            case CATEGORY -> "categories";
            case COUNTRY -> "countries";
            case STATUS -> "statuses";
            default -> d.column() + "s";
        };
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
