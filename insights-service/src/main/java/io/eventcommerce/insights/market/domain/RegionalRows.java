package io.eventcommerce.insights.market.domain;

import io.eventcommerce.analytics.geo.Regions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the counted sales per period, market and currency into the rows of regional_market_data: the last
 * {@code periods} complete periods for every market that sold in one of them (zeros in a period without sales),
 * each with its growth against the period before and the same period a year earlier, and its share of the TOTAL
 * market of the period and currency.
 */
public final class RegionalRows {

    public static final String COUNTRY = "COUNTRY";
    public static final String REGION = "REGION";
    public static final String TOTAL = "TOTAL";
    public static final String ALL = "ALL";

    /** The counted sales of one market in one period and currency. */
    public record Sales(String level, String key, String currency, LocalDate periodStart, BigDecimal revenue,
                        int orders, int customers) {
    }

    /** One row of regional_market_data. */
    public record Row(PeriodKind kind, LocalDate periodStart, LocalDate periodEnd, String level, String key,
                      String country, String region, String currency, BigDecimal revenue, int orders, int customers,
                      BigDecimal averageOrderValue, BigDecimal previousRevenue, BigDecimal growth,
                      BigDecimal yearAgoRevenue, BigDecimal growthYearOverYear, BigDecimal shareOfTotal) {
    }

    private RegionalRows() {
    }

    /** The first of the {@code periods} periods ending with the last complete one before {@code today}. */
    public static LocalDate firstPeriod(PeriodKind kind, LocalDate today, int periods) {
        return kind.plus(kind.lastComplete(today), -(periods - 1));
    }

    /** The first day whose sales the rows need: a year before the first period. */
    public static LocalDate readFrom(PeriodKind kind, LocalDate today, int periods) {
        LocalDate first = firstPeriod(kind, today, periods);
        LocalDate before = kind.plus(first, -1);
        LocalDate yearEarlier = kind.yearEarlier(first);
        return before.isBefore(yearEarlier) ? before : yearEarlier;
    }

    public static List<Row> rows(PeriodKind kind, LocalDate today, int periods, List<Sales> sales) {
        LocalDate first = firstPeriod(kind, today, periods);
        LocalDate end = kind.start(today);
        Map<String, Sales> byKey = new HashMap<>();
        TreeSet<String> markets = new TreeSet<>();
        for (Sales s : sales) {
            byKey.put(key(s.level(), s.key(), s.currency(), s.periodStart()), s);
            if (!s.periodStart().isBefore(first) && s.periodStart().isBefore(end)) {
                markets.add(s.level() + "|" + s.key() + "|" + s.currency());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String market : markets) {
            String[] m = market.split("\\|");
            for (LocalDate p = first; p.isBefore(end); p = kind.plus(p, 1)) {
                Sales now = byKey.get(key(m[0], m[1], m[2], p));
                BigDecimal revenue = now == null ? BigDecimal.ZERO : now.revenue();
                int orders = now == null ? 0 : now.orders();
                BigDecimal previous = revenue(byKey.get(key(m[0], m[1], m[2], kind.plus(p, -1))));
                BigDecimal yearAgo = revenue(byKey.get(key(m[0], m[1], m[2], kind.yearEarlier(p))));
                BigDecimal total = revenue(byKey.get(key(TOTAL, ALL, m[2], p)));
                rows.add(new Row(kind, p, kind.plus(p, 1), m[0], m[1], COUNTRY.equals(m[0]) ? m[1] : null,
                        region(m[0], m[1]), m[2], revenue.setScale(2, RoundingMode.HALF_UP), orders,
                        now == null ? 0 : now.customers(),
                        orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                        previous, Format.ratio(Ratios.growth(revenue.doubleValue(), previous.doubleValue())), yearAgo,
                        Format.ratio(Ratios.growth(revenue.doubleValue(), yearAgo.doubleValue())),
                        Format.ratio(Ratios.share(revenue.doubleValue(), total.doubleValue()))));
            }
        }
        return rows;
    }

    private static String region(String level, String key) {
        return switch (level) {
            case COUNTRY -> Regions.of(key);
            case REGION -> key;
            default -> null;
        };
    }

    private static BigDecimal revenue(Sales s) {
        return (s == null ? BigDecimal.ZERO : s.revenue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static String key(String level, String key, String currency, LocalDate start) {
        return level + "|" + key + "|" + currency + "|" + start;
    }
}
