package io.eventcommerce.insights.market.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.insights.market.domain.ComponentScore;
import io.eventcommerce.insights.market.domain.Format;
import io.eventcommerce.insights.market.domain.GrowthComponent;
import io.eventcommerce.insights.market.domain.Opportunity;
import io.eventcommerce.insights.market.domain.PenetrationComponent;
import io.eventcommerce.insights.market.domain.PricePositionComponent;
import io.eventcommerce.insights.market.domain.RegionalRows;
import io.eventcommerce.insights.market.domain.SizeComponent;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the market pulse tables with one run's rows, each table in the caller's transaction (the job runs one per
 * table), so a reader sees the previous run's figures or this one's, never a mix.
 */
@ApplicationScoped
public class MarketStore {

    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public MarketStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void replaceRegional(String runId, Instant now, List<RegionalRows.Row> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM regional_market_data");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO regional_market_data (period_kind, period_start, market_level, market_key, currency,
                         run_id, country, region, period_end, revenue, orders, customers, aov, previous_revenue,
                         growth, year_ago_revenue, growth_yoy, share_of_total, computed_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            delete.executeUpdate();
            int pending = 0;
            for (RegionalRows.Row r : rows) {
                insert.setString(1, r.kind().name());
                insert.setDate(2, Date.valueOf(r.periodStart()));
                insert.setString(3, r.level());
                insert.setString(4, r.key());
                insert.setString(5, r.currency());
                insert.setString(6, runId);
                insert.setString(7, r.country());
                insert.setString(8, r.region());
                insert.setDate(9, Date.valueOf(r.periodEnd()));
                insert.setBigDecimal(10, r.revenue());
                insert.setInt(11, r.orders());
                insert.setInt(12, r.customers());
                insert.setBigDecimal(13, r.averageOrderValue());
                insert.setBigDecimal(14, r.previousRevenue());
                insert.setBigDecimal(15, r.growth());
                insert.setBigDecimal(16, r.yearAgoRevenue());
                insert.setBigDecimal(17, r.growthYearOverYear());
                insert.setBigDecimal(18, r.shareOfTotal());
                insert.setTimestamp(19, Timestamp.from(now));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing regional_market_data failed", e);
        }
    }

    public void replaceOpportunities(String runId, Instant now, List<Opportunity> opportunities) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM market_opportunities");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO market_opportunities (id, run_id, market_level, market_key, country, region,
                         category_id, currency, opportunity_rank, score, revenue, size_score, growth, growth_score,
                         penetration_index, penetration_score, explanation, figures, window_start, window_end,
                         computed_at, price_position, price_position_score)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            delete.executeUpdate();
            int pending = 0;
            for (Opportunity o : opportunities) {
                var f = o.figures();
                ComponentScore growth = o.component(GrowthComponent.NAME);
                ComponentScore penetration = o.component(PenetrationComponent.NAME);
                ComponentScore pricePosition = o.component(PricePositionComponent.NAME);
                insert.setString(1, o.id().toString());
                insert.setString(2, runId);
                insert.setString(3, f.level());
                insert.setString(4, f.market());
                insert.setString(5, RegionalRows.COUNTRY.equals(f.level()) ? f.market() : null);
                insert.setString(6, f.region());
                insert.setString(7, f.categoryId());
                insert.setString(8, f.currency());
                insert.setInt(9, o.rank());
                insert.setBigDecimal(10, score(o.score()));
                insert.setBigDecimal(11, Format.money(f.revenue()));
                insert.setBigDecimal(12, score(o.component(SizeComponent.NAME).score()));
                insert.setBigDecimal(13, Format.ratio(growth.value()));
                insert.setBigDecimal(14, score(growth.score()));
                insert.setBigDecimal(15, Format.ratio(penetration.value()));
                insert.setBigDecimal(16, score(penetration.score()));
                insert.setString(17, o.explanation());
                insert.setString(18, figures(o));
                insert.setDate(19, Date.valueOf(f.windowStart()));
                insert.setDate(20, Date.valueOf(f.windowEnd()));
                insert.setTimestamp(21, Timestamp.from(now));
                insert.setBigDecimal(22, position(pricePosition.value()));
                insert.setBigDecimal(23, score(pricePosition.score()));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing market_opportunities failed", e);
        }
    }

    /** The figures, then every component (value, score, inputs): what the score and the explanation came from. */
    private String figures(Opportunity o) {
        Map<String, Object> figures = new LinkedHashMap<>(o.figures().asMap());
        List<Map<String, Object>> components = new ArrayList<>();
        for (ComponentScore s : o.components()) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("name", s.name());
            component.put("value", Format.ratio(s.value()));
            component.put("score", score(s.score()));
            component.put("inputs", s.inputs());
            components.add(component);
        }
        figures.put("components", components);
        figures.put("score", score(o.score()));
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures are not JSON", e);
        }
    }

    /** As competitor_analysis stores it: four places; null without competitor prices. */
    private static BigDecimal position(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_UP);
    }
}
