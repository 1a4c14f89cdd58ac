package io.eventcommerce.insights.market.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.analytics.geo.Regions;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the last market-pulse run stored: regional figures per period and the ranked opportunities. */
@ApplicationScoped
@Transactional
public class MarketPulse {

    /** A market's figures in one period: net revenue, orders, distinct customers, growth ratios, share of total. */
    public record Figures(BigDecimal revenue, int orders, int customers, BigDecimal averageOrderValue,
                          BigDecimal previousRevenue, BigDecimal growth, BigDecimal yearAgoRevenue,
                          BigDecimal growthYearOverYear, BigDecimal shareOfTotal) {
    }

    public record CountryFigures(String country, String currency, Figures figures) {
    }

    public record RegionFigures(String region, String currency, Figures figures, List<CountryFigures> countries) {
    }

    public record TotalFigures(String currency, Figures figures) {
    }

    /** One period's regions with their countries, and the shop's total per currency. */
    public record RegionsReport(String periodKind, LocalDate periodStart, LocalDate periodEnd, String runId,
                                Instant computedAt, List<TotalFigures> totals, List<RegionFigures> regions) {
    }

    /** A chart point: day = the period's first day, value = its revenue. */
    public record Point(LocalDate day, BigDecimal value, int orders, int customers, BigDecimal averageOrderValue,
                        BigDecimal growth, BigDecimal growthYearOverYear, BigDecimal shareOfTotal) {
    }

    public record CurrencySeries(String currency, List<Point> points) {
    }

    public record CountrySeries(String country, String region, String periodKind, String runId, Instant computedAt,
                                List<CurrencySeries> series) {
    }

    /**
     * One ranked opportunity; {@link OpportunityDetail} adds the figures it was computed from. pricePosition is
     * null where no competitor prices cover the region × category (pricePositionScore is then the neutral 0.5).
     */
    public record OpportunityView(String id, int rank, String level, String market, String country, String region,
                                  String categoryId, String currency, BigDecimal score, BigDecimal revenue,
                                  BigDecimal sizeScore, BigDecimal growth, BigDecimal growthScore,
                                  BigDecimal penetrationIndex, BigDecimal penetrationScore,
                                  BigDecimal pricePosition, BigDecimal pricePositionScore, String explanation,
                                  LocalDate windowStart, LocalDate windowEnd) {
    }

    public record OpportunityDetail(OpportunityView opportunity, JsonNode figures, String runId,
                                    Instant computedAt) {
    }

    /** The filters of the opportunity list; '' for none (a null parameter has no SQL type to bind). */
    public record OpportunityFilter(String level, String region, String country, String categoryId,
                                    String currency) {
    }

    private static final String FIGURES = "revenue, orders, customers, aov, previous_revenue, growth, "
            + "year_ago_revenue, growth_yoy, share_of_total";
    private static final String OPPORTUNITY = """
            SELECT id, opportunity_rank, market_level, market_key, country, region, category_id, currency, score,
                revenue, size_score, growth, growth_score, penetration_index, penetration_score, explanation,
                window_start, window_end, figures, run_id, computed_at, price_position, price_position_score
            FROM market_opportunities""";

    private final EntityManager em;
    private final ObjectMapper json;

    public MarketPulse(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The regions of the period of {@code kind} containing {@code day} (null: the latest stored); 404 for none. */
    public RegionsReport regions(PeriodKind kind, LocalDate day) {
        LocalDate start = day != null ? kind.start(day) : latest(kind);
        List<Object[]> rows = rows("SELECT market_level, market_key, region, currency, period_end, run_id, "
                + "computed_at, " + FIGURES + " FROM regional_market_data WHERE period_kind = ?1 AND period_start = ?2 "
                + "ORDER BY market_level DESC, revenue DESC, market_key", kind.name(), start);
        if (rows.isEmpty()) {
            throw DomainException.notFound(kind.name().toLowerCase(java.util.Locale.ROOT) + " of market figures",
                    start);
        }
        List<TotalFigures> totals = new ArrayList<>();
        Map<String, RegionFigures> regions = new LinkedHashMap<>();
        List<Object[]> countries = new ArrayList<>();
        for (Object[] r : rows) {
            switch ((String) r[0]) {
                case "TOTAL" -> totals.add(new TotalFigures((String) r[3], figures(r, 7)));
                case "REGION" -> regions.put(r[1] + "|" + r[3], new RegionFigures((String) r[1], (String) r[3],
                        figures(r, 7), new ArrayList<>()));
                default -> countries.add(r);
            }
        }
        for (Object[] r : countries) {
            RegionFigures region = regions.get(r[2] + "|" + r[3]);
            if (region != null) {
                region.countries().add(new CountryFigures((String) r[1], (String) r[3], figures(r, 7)));
            }
        }
        Object[] first = rows.get(0);
        return new RegionsReport(kind.name(), start, day((Object) first[4]), (String) first[5],
                Timestamps.instant(first[6]), totals, List.copyOf(regions.values()));
    }

    /** A country's stored periods of {@code kind}, oldest first, per currency; 404 when it has none. */
    public CountrySeries country(String country, PeriodKind kind) {
        List<Object[]> rows = rows("SELECT period_start, currency, run_id, computed_at, " + FIGURES
                + " FROM regional_market_data WHERE market_level = 'COUNTRY' AND country = ?1 AND period_kind = ?2 "
                + "ORDER BY currency, period_start", country, kind.name());
        if (rows.isEmpty()) {
            throw DomainException.notFound("country with market figures", country);
        }
        Map<String, List<Point>> byCurrency = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Figures f = figures(r, 4);
            byCurrency.computeIfAbsent((String) r[1], c -> new ArrayList<>()).add(new Point(day(r[0]), f.revenue(),
                    f.orders(), f.customers(), f.averageOrderValue(), f.growth(), f.growthYearOverYear(),
                    f.shareOfTotal()));
        }
        List<CurrencySeries> series = byCurrency.entrySet().stream()
                .map(e -> new CurrencySeries(e.getKey(), e.getValue())).toList();
        return new CountrySeries(country, Regions.of(country), kind.name(), (String) rows.get(0)[2],
                Timestamps.instant(rows.get(0)[3]), series);
    }

    /** The opportunities matching the filter, best first (rank within level, then level). */
    public Page<OpportunityView> opportunities(OpportunityFilter filter, int page, int size) {
        String where = " WHERE (?1 = '' OR market_level = ?1) AND (?2 = '' OR region = ?2)"
                + " AND (?3 = '' OR country = ?3) AND (?4 = '' OR category_id = ?4)"
                + " AND (?5 = '' OR currency = ?5)";
        Object[] params = {filter.level(), filter.region(), filter.country(), filter.categoryId(), filter.currency()};
        var count = em.createNativeQuery("SELECT COUNT(*) FROM market_opportunities" + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        var query = em.createNativeQuery(OPPORTUNITY + where
                + " ORDER BY opportunity_rank, market_level, id");
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(rows.stream().map(MarketPulse::opportunity).toList(), page, size, total);
    }

    public OpportunityDetail opportunity(String id) {
        List<Object[]> rows = rows(OPPORTUNITY + " WHERE id = ?1", id);
        if (rows.isEmpty()) {
            throw DomainException.notFound("market opportunity", id);
        }
        Object[] r = rows.get(0);
        try {
            return new OpportunityDetail(opportunity(r), json.readTree((String) r[18]), (String) r[19],
                    Timestamps.instant(r[20]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("market_opportunities.figures is not JSON", e);
        }
    }

    private LocalDate latest(PeriodKind kind) {
        List<?> latest = em.createNativeQuery("SELECT MAX(period_start) FROM regional_market_data "
                + "WHERE period_kind = ?1").setParameter(1, kind.name()).getResultList();
        Object value = latest.isEmpty() ? null : latest.get(0);
        if (value == null) {
            throw DomainException.notFound(kind.name().toLowerCase(java.util.Locale.ROOT) + " of market figures",
                    "latest");
        }
        return day(value);
    }

    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static void bind(jakarta.persistence.Query query, Object[] params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
    }

    private static Figures figures(Object[] r, int at) {
        return new Figures((BigDecimal) r[at], ((Number) r[at + 1]).intValue(), ((Number) r[at + 2]).intValue(),
                (BigDecimal) r[at + 3], (BigDecimal) r[at + 4], (BigDecimal) r[at + 5], (BigDecimal) r[at + 6],
                (BigDecimal) r[at + 7], (BigDecimal) r[at + 8]);
    }

    private static OpportunityView opportunity(Object[] r) {
        return new OpportunityView((String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                (BigDecimal) r[10], (BigDecimal) r[11], (BigDecimal) r[12], (BigDecimal) r[13], (BigDecimal) r[14],
                (BigDecimal) r[21], (BigDecimal) r[22], (String) r[15], day(r[16]), day(r[17]));
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
