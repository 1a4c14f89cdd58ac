package io.eventcommerce.copilot.ask;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the SQL of a {@link Query} over the replica (fact_order_line and its dimensions). Everything in the text
 * is the builder's own: dates it computed and column names; every name that came from a question goes in as a
 * bound parameter. One statement answers a comparison too: each metric is aggregated once per period with the
 * period's condition inside the aggregate.
 */
final class SqlBuilder {

    private static final String COUNTED = "l.paid_at IS NOT NULL AND l.undone_at IS NULL";
    private static final String PAID = "l.paid_at IS NOT NULL";

    private SqlBuilder() {
    }

    static SqlQuery build(Query q) {
        return q.metric() == Metric.RATING ? rating(q) : sales(q);
    }

    private static SqlQuery sales(Query q) {
        Set<String> joins = new LinkedHashSet<>();
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (Dimension d : q.dimensions()) {
            String column = column(d, joins);
            select.add(column + " AS " + d.column());
            group.add(column);
            if (d == Dimension.PRODUCT) {
                group.add("l.product_id");
            }
        }
        boolean money = q.metrics().stream().anyMatch(Metric::money);
        if (money) {
            select.add("l.currency AS currency");
            group.add("l.currency");
        }
        TimeRange other = q.compareTo();
        for (Metric m : q.metrics()) {
            select.addAll(metric(m, q, period(q.range()), m.column(), joins));
            if (other != null) {
                select.addAll(metric(m, q, period(other), m.column() + "_previous", joins));
            }
        }
        if (q.share()) {
            String first = metric(q.metric(), q, period(q.range()), null, joins).get(0);
            String whole = "SUM(" + first + ") OVER (" + (money ? "PARTITION BY l.currency" : "") + ")";
            select.add("ROUND(" + first + " * 100 / NULLIF(" + whole + ", 0), 1) AS share_pct");
        }
        List<Object> parameters = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Filter f : q.filters()) {
            where.add(filter(f, joins, parameters));
        }
        if (q.range() != null) {
            String days = between(q.range());
            where.add(other == null ? days : "(" + days + " OR " + between(other) + ")");
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM fact_order_line l");
        joins.forEach(j -> sql.append(' ').append(j));
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!group.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", group));
        }
        orderAndLimit(q, sql);
        return new SqlQuery(sql.toString(), parameters);
    }

    private static void orderAndLimit(Query q, StringBuilder sql) {
        List<String> order = new ArrayList<>();
        List<Dimension> time = q.dimensions().stream().filter(Dimension::isTime).toList();
        boolean grouped = q.dimensions().stream().anyMatch(d -> !d.isTime());
        if (!time.isEmpty() && q.top() == null) {
            time.forEach(d -> order.add(d.column()));
        }
        if (grouped || q.top() != null) {
            order.add(q.metric().column() + (q.bottom() ? " ASC" : " DESC"));
        }
        q.dimensions().stream().filter(d -> !time.contains(d) || q.top() != null)
                .forEach(d -> order.add(d.column()));
        if (!order.isEmpty() && !q.dimensions().isEmpty()) {
            sql.append(" ORDER BY ").append(order.stream().distinct().collect(Collectors.joining(", ")));
        }
        if (q.top() != null) {
            sql.append(" LIMIT ").append(q.top());
        }
    }

    private static String period(TimeRange range) {
        return range == null ? null : between(range);
    }

    private static String between(TimeRange r) {
        return "l.day >= '" + r.from() + "' AND l.day < '" + r.to() + "'";
    }

    /** The aggregate expressions of a metric (more than one where the answer needs them: margin's coverage). */
    private static List<String> metric(Metric m, Query q, String period, String alias, Set<String> joins) {
        String sale = q.byStatus() ? null : COUNTED;
        List<String> out = new ArrayList<>();
        switch (m) {
            case REVENUE -> out.add(sum("l.net", sale, period));
            case ORDERS -> out.add(distinct("l.order_id", sale, period));
            case UNITS -> out.add(sum("l.quantity", sale, period));
            case AVERAGE_ORDER_VALUE -> out.add("ROUND(" + sum("l.net", sale, period) + " / NULLIF("
                    + distinct("l.order_id", sale, period) + ", 0), 2)");
            case CUSTOMERS -> out.add(distinct("l.customer_id", sale, period));
            case NEW_CUSTOMERS -> {
                joins.add("JOIN fact_order o ON o.order_id = l.order_id");
                out.add(distinct("l.customer_id", and(sale, "o.new_customer = 1"), period));
            }
            case REFUNDS -> out.add(sum("l.refunded", null, period));
            case RETURN_RATE -> out.add("ROUND(" + sum("l.returned_quantity", PAID, period) + " * 100 / NULLIF("
                    + sum("l.quantity", PAID, period) + ", 0), 1)");
            case DISCOUNT -> out.add(sum("l.discount", sale, period));
            case MARGIN -> {
                out.add(sum("l.net - l.cost", and(sale, "l.cost IS NOT NULL"), period));
                if (alias != null) {
                    // 0 (not null) when there were sales but none with a known cost: the answer says so.
                    out.add("ROUND(COALESCE(" + sum("l.net", and(sale, "l.cost IS NOT NULL"), period)
                            + ", 0) * 100 / NULLIF("
                            + sum("l.net", sale, period) + ", 0), 1)");
                }
            }
            case RATING -> throw new IllegalStateException("rating is not a sales metric");
        }
        if (alias == null) {
            return out;
        }
        List<String> named = new ArrayList<>();
        named.add(out.get(0) + " AS " + alias);
        if (out.size() > 1) {
            named.add(out.get(1) + " AS " + alias.replace("margin", "cost_coverage_pct"));
        }
        return named;
    }

    private static String and(String a, String b) {
        return a == null ? b : a + " AND " + b;
    }

    private static String sum(String value, String condition, String period) {
        String c = condition == null ? period : period == null ? condition : condition + " AND " + period;
        return c == null ? "SUM(" + value + ")" : "SUM(CASE WHEN " + c + " THEN " + value + " END)";
    }

    private static String distinct(String value, String condition, String period) {
        String c = condition == null ? period : period == null ? condition : condition + " AND " + period;
        return c == null ? "COUNT(DISTINCT " + value + ")"
                : "COUNT(DISTINCT CASE WHEN " + c + " THEN " + value + " END)";
    }

    private static String column(Dimension d, Set<String> joins) {
        return switch (d) {
            case PRODUCT -> {
                joins.add("LEFT JOIN dim_product p ON p.product_id = l.product_id");
                yield "p.name";
            }
            case CATEGORY -> {
                joins.add("LEFT JOIN dim_category c ON c.category_id = l.category_id");
                yield "c.path";
            }
            case BRAND -> "l.brand";
            case COUNTRY -> "l.country";
            case REGION -> "l.region";
            case CHANNEL -> "l.channel";
            case SEGMENT -> "l.segment";
            case STATUS -> "l.status";
            case CUSTOMER -> "l.customer_id";
            case DAY -> "l.day";
            case WEEK -> date(joins, "d.week_start");
            case MONTH -> date(joins, "d.month_start");
            case QUARTER -> date(joins, "d.quarter_start");
            case YEAR -> date(joins, "d.year");
        };
    }

    private static String date(Set<String> joins, String column) {
        joins.add("JOIN dim_date d ON d.day = l.day");
        return column;
    }

    private static String filter(Filter f, Set<String> joins, List<Object> parameters) {
        String marks = f.values().stream().map(v -> "?").collect(Collectors.joining(", "));
        if (f.field() == Dimension.CATEGORY) {
            // A category and everything below it: its name is one " > "-separated step of the path.
            joins.add("LEFT JOIN dim_category c ON c.category_id = l.category_id");
            List<String> likes = new ArrayList<>();
            for (String v : f.values()) {
                likes.add("CONCAT(' > ', c.path, ' > ') LIKE ?");
                parameters.add("% > " + escapeLike(v) + " > %");
            }
            return likes.size() == 1 ? likes.get(0) : "(" + String.join(" OR ", likes) + ")";
        }
        parameters.addAll(f.values());
        String column = f.field() == Dimension.PRODUCT ? column(Dimension.PRODUCT, joins) : column(f.field(), joins);
        return f.values().size() == 1 ? column + " = ?" : column + " IN (" + marks + ")";
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Ratings are the products' current averages (the replica keeps no rating history), weighted by reviews. */
    private static SqlQuery rating(Query q) {
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        boolean category = q.dimensions().contains(Dimension.CATEGORY)
                || q.filters().stream().anyMatch(f -> f.field() == Dimension.CATEGORY);
        for (Dimension d : q.dimensions()) {
            String column = switch (d) {
                case PRODUCT -> "p.name";
                case BRAND -> "p.brand";
                case CATEGORY -> "c.path";
                default -> throw new IllegalArgumentException(d.name());
            };
            select.add(column + " AS " + d.column());
            group.add(column);
            if (d == Dimension.PRODUCT) {
                group.add("p.product_id");
            }
        }
        select.add("ROUND(SUM(p.rating_average * p.review_count) / NULLIF(SUM(p.review_count), 0), 2) AS rating");
        select.add("SUM(p.review_count) AS reviews");
        List<Object> parameters = new ArrayList<>();
        List<String> where = new ArrayList<>(List.of("p.review_count > 0"));
        for (Filter f : q.filters()) {
            switch (f.field()) {
                case BRAND -> where.add(in("p.brand", f, parameters));
                case PRODUCT -> where.add(in("p.name", f, parameters));
                case CATEGORY -> {
                    List<String> likes = new ArrayList<>();
                    for (String v : f.values()) {
                        likes.add("CONCAT(' > ', c.path, ' > ') LIKE ?");
                        parameters.add("% > " + escapeLike(v) + " > %");
                    }
                    where.add(likes.size() == 1 ? likes.get(0) : "(" + String.join(" OR ", likes) + ")");
                }
                default -> throw new IllegalArgumentException(f.field().name());
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM dim_product p");
        if (category) {
            sql.append(" LEFT JOIN dim_category c ON c.category_id = p.category_id");
        }
        sql.append(" WHERE ").append(String.join(" AND ", where));
        if (!group.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", group));
            sql.append(" ORDER BY rating ").append(q.bottom() ? "ASC" : "DESC").append(", reviews DESC");
        }
        if (q.top() != null) {
            sql.append(" LIMIT ").append(q.top());
        }
        return new SqlQuery(sql.toString(), parameters);
    }

    private static String in(String column, Filter f, List<Object> parameters) {
        parameters.addAll(f.values());
        return f.values().size() == 1 ? column + " = ?"
                : column + " IN (" + f.values().stream().map(v -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
