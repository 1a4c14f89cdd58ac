package io.eventcommerce.insights.forecast.service;

import io.eventcommerce.analytics.forecast.Forecast;
import io.eventcommerce.analytics.forecast.Selection;
import io.eventcommerce.insights.forecast.domain.DailySeries;
import io.eventcommerce.insights.forecast.domain.ForecastLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes one series' forecast, header and points, replacing the previous one: products into demand_forecasts (V4,
 * read by reorder suggestions too), categories and the total into market_intelligence_forecasts (V5). The caller
 * holds the transaction, so a reader sees one run's forecast of a series whole.
 */
@ApplicationScoped
public class ForecastStore {

    private final EntityManager em;

    public ForecastStore(EntityManager em) {
        this.em = em;
    }

    public void replace(ForecastLevel level, DailySeries series, Selection s, UUID runId, Instant generatedAt) {
        boolean product = level == ForecastLevel.PRODUCT;
        String header = product ? "demand_forecasts" : "market_intelligence_forecasts";
        String points = product ? "demand_forecast_point" : "market_intelligence_forecast_point";
        String keyColumns = product ? "product_id" : "scope_key, scope"; // ?1 = key, ?2 = scope
        String keyWhere = product ? "product_id = ?1" : "scope = ?2 AND scope_key = ?1";
        for (String table : new String[] {points, header}) {
            Query delete = em.createNativeQuery("DELETE FROM " + table + " WHERE " + keyWhere)
                    .setParameter(1, series.key());
            if (!product) {
                delete.setParameter(2, level.name());
            }
            delete.executeUpdate();
        }
        // ?1 (and ?2) the key, the values after it: ordinal labels must have no gap.
        int k = product ? 1 : 2;
        String keyMarks = product ? "?1" : "?1, ?2";
        StringBuilder head = new StringBuilder("INSERT INTO " + header + " (" + keyColumns + ", run_id, model,"
                + " series_class, history_days, first_day, horizon_days, backtest_mase, naive_mase, origins,"
                + " generated_at) VALUES (" + keyMarks);
        for (int c = 1; c <= 10; c++) {
            head.append(", ?").append(k + c);
        }
        Query insert = em.createNativeQuery(head.append(')').toString());
        bindKey(insert, level, series);
        Forecast f = s.forecast();
        insert.setParameter(k + 1, runId.toString()).setParameter(k + 2, s.model())
                .setParameter(k + 3, s.seriesClass().name()).setParameter(k + 4, series.units().length)
                .setParameter(k + 5, Date.valueOf(series.next())).setParameter(k + 6, f.horizon())
                .setParameter(k + 7, mase(s.mase())).setParameter(k + 8, mase(s.seasonalNaiveMase()))
                .setParameter(k + 9, s.origins()).setParameter(k + 10, Timestamp.from(generatedAt))
                .executeUpdate();
        // One statement for all the days: 28 rows per series, thousands of series per run.
        StringBuilder sql = new StringBuilder("INSERT INTO " + points + " (" + keyColumns
                + ", day, mean, lower_80, upper_80, lower_95, upper_95) VALUES ");
        int p = k + 1;
        for (int i = 0; i < f.horizon(); i++) {
            sql.append(i == 0 ? "(" : ", (").append(keyMarks);
            for (int c = 0; c < 6; c++) {
                sql.append(", ?").append(p++);
            }
            sql.append(')');
        }
        Query pts = em.createNativeQuery(sql.toString());
        bindKey(pts, level, series);
        p = k + 1;
        for (int i = 0; i < f.horizon(); i++) {
            pts.setParameter(p++, Date.valueOf(series.next().plusDays(i)));
            pts.setParameter(p++, units(f.mean()[i]));
            pts.setParameter(p++, units(f.lower80()[i]));
            pts.setParameter(p++, units(f.upper80()[i]));
            pts.setParameter(p++, units(f.lower95()[i]));
            pts.setParameter(p++, units(f.upper95()[i]));
        }
        pts.executeUpdate();
    }

    private static void bindKey(Query q, ForecastLevel level, DailySeries series) {
        q.setParameter(1, series.key());
        if (level != ForecastLevel.PRODUCT) {
            q.setParameter(2, level.name());
        }
    }

    private static BigDecimal mase(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP) : null;
    }

    private static BigDecimal units(double v) {
        return BigDecimal.valueOf(Double.isFinite(v) ? v : 0).setScale(4, RoundingMode.HALF_UP);
    }
}
