package io.eventcommerce.insights.market.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an opportunity (a market × a category, in one currency) is computed from: the category's revenue in the
 * market over the window, the window before and the same window a year earlier (52 weeks), the category's revenue
 * in every market, the market's revenue in every category and the shop's, all over the window. Revenue is the
 * orders' net spread over their lines in proportion to the line totals.
 *
 * @param level COUNTRY or REGION
 * @param market the country or region code
 * @param region the market's region (itself for a region)
 */
public record MarketFigures(String level, String market, String region, String categoryId, String currency,
                            LocalDate windowStart, LocalDate windowEnd, int windowDays, double revenue,
                            double previousRevenue, double yearAgoRevenue, double categoryRevenue,
                            double marketRevenue, double totalRevenue) {

    /** The market's share of the category's revenue. */
    public Double categoryShare() {
        return Ratios.share(revenue, categoryRevenue);
    }

    /** The market's share of all revenue. */
    public Double marketShare() {
        return Ratios.share(marketRevenue, totalRevenue);
    }

    /**
     * The category share over the market share: 1 when the market buys the category as much as it buys anything,
     * under 1 when it buys less of it (under-penetrated: room to grow), over 1 when more.
     */
    public double penetrationIndex() {
        Double category = categoryShare();
        Double market = marketShare();
        return category == null || market == null || market == 0 ? 1 : category / market;
    }

    /** Over the window before; null when the market bought nothing of the category then. */
    public Double growth() {
        return Ratios.growth(revenue, previousRevenue);
    }

    /** Over the same window a year earlier; null without sales then. */
    public Double yearOverYear() {
        return Ratios.growth(revenue, yearAgoRevenue);
    }

    /** The figures as stored with the opportunity (JSON), named as in the API. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("level", level);
        map.put("market", market);
        map.put("region", region);
        map.put("categoryId", categoryId);
        map.put("currency", currency);
        map.put("windowStart", windowStart.toString());
        map.put("windowEnd", windowEnd.toString());
        map.put("windowDays", windowDays);
        map.put("revenue", Format.money(revenue));
        map.put("previousRevenue", Format.money(previousRevenue));
        map.put("yearAgoRevenue", Format.money(yearAgoRevenue));
        map.put("categoryRevenue", Format.money(categoryRevenue));
        map.put("marketRevenue", Format.money(marketRevenue));
        map.put("totalRevenue", Format.money(totalRevenue));
        map.put("categoryShare", Format.ratio(categoryShare()));
        map.put("marketShare", Format.ratio(marketShare()));
        map.put("penetrationIndex", Format.ratio(penetrationIndex()));
        map.put("growth", Format.ratio(growth()));
        map.put("yearOverYear", Format.ratio(yearOverYear()));
        return map;
    }
}
