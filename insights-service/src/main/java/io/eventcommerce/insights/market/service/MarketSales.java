package io.eventcommerce.insights.market.service;

import io.eventcommerce.insights.competition.CompetitorAnalysis;
import io.eventcommerce.insights.market.domain.MarketFigures;
import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.insights.market.domain.PricePositionComponent;
import io.eventcommerce.insights.market.domain.RegionalRows;
import io.eventcommerce.analytics.geo.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the counted sales (paid, not undone) the market pulse is computed from, grouped in the database: per period,
 * market and currency for regional_market_data (distinct customers need the grouping there), and per country,
 * category and currency over three windows for the opportunities; and the price positions per region and category
 * the latest competitor-analysis run stored.
 */
@ApplicationScoped
public class MarketSales {

    private static final String COUNTED = "o.paid_at IS NOT NULL AND o.undone_at IS NULL";

    private final DataSource dataSource;
    private final CompetitorAnalysis competitors;

    public MarketSales(DataSource dataSource, CompetitorAnalysis competitors) {
        this.dataSource = dataSource;
        this.competitors = competitors;
    }

    /** Every region × category of the latest competitor analysis (none before its first run). */
    public List<PricePositionComponent.Position> pricePositions() {
        return competitors.list(null, null).stream().map(r -> new PricePositionComponent.Position(r.region(),
                r.categoryId(), r.pricePosition().doubleValue(), r.products(), r.undercut(), r.runId().toString()))
                .toList();
    }

    /**
     * The first day of a sale's period. DATE_SUB with WEEKDAY / DAYOFMONTH / DAYOFYEAR is a DATE alike on MySQL 8.4
     * and MariaDB 11.4 (DATE_FORMAT would give a string, and the two differ in YEARWEEK's modes).
     */
    static String periodStart(PeriodKind kind) {
        return switch (kind) {
            case WEEK -> "DATE_SUB(o.placed_day, INTERVAL WEEKDAY(o.placed_day) DAY)";
            case MONTH -> "DATE_SUB(o.placed_day, INTERVAL DAYOFMONTH(o.placed_day) - 1 DAY)";
            case YEAR -> "DATE_SUB(o.placed_day, INTERVAL DAYOFYEAR(o.placed_day) - 1 DAY)";
        };
    }

    /** Regions.of in SQL, so a region's distinct customers are counted in the database (codes are ours, no input). */
    static String regionOf(String column) {
        StringBuilder sql = new StringBuilder("CASE");
        for (String region : new java.util.TreeSet<>(Regions.ALL)) {
            Set<String> countries = Regions.countries(region);
            if (!countries.isEmpty()) {
                sql.append(" WHEN ").append(column).append(" IN (").append(countries.stream().sorted()
                        .map(c -> "'" + c + "'").collect(Collectors.joining(", "))).append(") THEN '").append(region)
                        .append('\'');
            }
        }
        return sql.append(" ELSE '").append(Regions.OTHER).append("' END").toString();
    }

    /** Revenue (net), orders and distinct customers per period of {@code kind}, market and currency. */
    public List<RegionalRows.Sales> periodSales(PeriodKind kind, LocalDate from, LocalDate to) {
        List<RegionalRows.Sales> sales = new ArrayList<>();
        read(kind, RegionalRows.COUNTRY, "UPPER(o.country)", from, to, sales);
        read(kind, RegionalRows.REGION, regionOf("UPPER(o.country)"), from, to, sales);
        read(kind, RegionalRows.TOTAL, "'" + RegionalRows.ALL + "'", from, to, sales);
        return sales;
    }

    private void read(PeriodKind kind, String level, String market, LocalDate from, LocalDate to,
                      List<RegionalRows.Sales> into) {
        String sql = "SELECT " + periodStart(kind) + " AS period_start, " + market + " AS market, o.currency, "
                + "SUM(o.net), COUNT(*), COUNT(DISTINCT o.customer_id) FROM order_fact o WHERE " + COUNTED
                + " AND o.placed_day >= ? AND o.placed_day < ? GROUP BY period_start, market, o.currency";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(new RegionalRows.Sales(level, rs.getString(2), rs.getString(3),
                            rs.getDate(1).toLocalDate(), rs.getBigDecimal(4), rs.getInt(5), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + kind + " sales per " + level + " failed", e);
        }
    }

    /**
     * The opportunities' candidates: every country and region × category with revenue in the window
     * [{@code start}, {@code end}), with the window before and the one 52 weeks earlier. A line's revenue is its
     * order's net spread over the lines by their totals (line_total × net / gross), so the categories add up to the
     * net; lines of products without a known category count toward the market and the total but are no candidate.
     */
    public List<MarketFigures> candidates(LocalDate start, LocalDate end) {
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(start, end);
        LocalDate previous = start.minusDays(days);
        LocalDate yearStart = start.minusWeeks(52);
        LocalDate yearEnd = end.minusWeeks(52);
        String share = "l.line_total * o.net / NULLIF(o.gross, 0)";
        String sql = "SELECT UPPER(o.country), p.category_id, o.currency, "
                + "SUM(CASE WHEN o.placed_day >= ? THEN " + share + " END), "
                + "SUM(CASE WHEN o.placed_day >= ? AND o.placed_day < ? THEN " + share + " END), "
                + "SUM(CASE WHEN o.placed_day < ? THEN " + share + " END) "
                + "FROM order_line_fact l JOIN order_fact o ON o.order_id = l.order_id "
                + "LEFT JOIN product p ON p.product_id = l.product_id WHERE " + COUNTED
                + " AND ((o.placed_day >= ? AND o.placed_day < ?) OR (o.placed_day >= ? AND o.placed_day < ?)) "
                + "GROUP BY UPPER(o.country), p.category_id, o.currency";
        Map<String, double[]> cells = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(start));
            ps.setDate(2, Date.valueOf(previous));
            ps.setDate(3, Date.valueOf(start));
            ps.setDate(4, Date.valueOf(yearEnd));
            ps.setDate(5, Date.valueOf(previous));
            ps.setDate(6, Date.valueOf(end));
            ps.setDate(7, Date.valueOf(yearStart));
            ps.setDate(8, Date.valueOf(yearEnd));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String country = rs.getString(1);
                    String category = rs.getString(2);
                    String currency = rs.getString(3);
                    double[] v = {value(rs.getBigDecimal(4)), value(rs.getBigDecimal(5)), value(rs.getBigDecimal(6))};
                    add(cells, RegionalRows.COUNTRY, country, category, currency, v);
                    add(cells, RegionalRows.REGION, Regions.of(country), category, currency, v);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading category sales per country failed", e);
        }
        return figures(cells, start, end, days);
    }

    private static List<MarketFigures> figures(Map<String, double[]> cells, LocalDate start, LocalDate end,
                                               int days) {
        Map<String, Double> categories = new HashMap<>();
        Map<String, Double> markets = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        cells.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            markets.merge(k[0] + "|" + k[1] + "|" + k[3], v[0], Double::sum);
            if (k[0].equals(RegionalRows.COUNTRY)) {
                categories.merge(k[2] + "|" + k[3], v[0], Double::sum);
                totals.merge(k[3], v[0], Double::sum);
            }
        });
        List<MarketFigures> figures = new ArrayList<>();
        cells.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            if (!k[2].isEmpty() && v[0] > 0) {
                String region = k[0].equals(RegionalRows.COUNTRY) ? Regions.of(k[1]) : k[1];
                figures.add(new MarketFigures(k[0], k[1], region, k[2], k[3], start, end, days, v[0], v[1], v[2],
                        categories.get(k[2] + "|" + k[3]), markets.get(k[0] + "|" + k[1] + "|" + k[3]),
                        totals.get(k[3])));
            }
        });
        return figures;
    }

    private static void add(Map<String, double[]> cells, String level, String market, String category,
                            String currency, double[] values) {
        double[] cell = cells.computeIfAbsent(String.join("|", level, market, category == null ? "" : category,
                currency), k -> new double[3]);
        for (int i = 0; i < values.length; i++) {
            cell[i] += values[i];
        }
    }

    private static double value(BigDecimal amount) {
        return amount == null ? 0 : amount.doubleValue();
    }
}
