package io.eventcommerce.insights.forecast.domain;

import io.eventcommerce.analytics.forecast.Selection;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a forecast run reports per level: how many series there were, how many were forecast and skipped (too short
 * for the backtest), the share where the chosen model beat seasonal naive and the mean MASE ratio chosen/naive,
 * the figures that say whether the models earn their keep; and how many forecast series came with price and
 * promotion covariates ({@code withCovariates}) and how many of them the chosen model read
 * ({@code modelReadCovariates}: the demand_forecasts row has no column for the features, the run says it). Not
 * thread-safe: the run adds from one thread.
 */
public final class RunSummary {

    private static final class Level {
        int total;
        int forecast;
        int skipped;
        int compared;
        int beats;
        double ratioSum;
        int withCovariates;
        int modelReadCovariates;
    }

    private final Map<ForecastLevel, Level> levels = new EnumMap<>(ForecastLevel.class);

    public RunSummary() {
        for (ForecastLevel l : ForecastLevel.values()) {
            levels.put(l, new Level());
        }
    }

    public void skipped(ForecastLevel level) {
        Level l = levels.get(level);
        l.total++;
        l.skipped++;
    }

    public void forecast(ForecastLevel level, Selection s) {
        forecast(level, s, false);
    }

    /** @param withCovariates whether the series came with price and promotion covariates */
    public void forecast(ForecastLevel level, Selection s, boolean withCovariates) {
        Level l = levels.get(level);
        l.total++;
        l.forecast++;
        l.withCovariates += withCovariates ? 1 : 0;
        l.modelReadCovariates += s.covariates().isEmpty() ? 0 : 1;
        double ratio = s.maseRatio();
        if (Double.isFinite(ratio)) {
            l.compared++;
            l.ratioSum += ratio;
            l.beats += s.beatsSeasonalNaive() ? 1 : 0;
        }
    }

    /** The summary as the run stores it: one object per level, plus {@code elapsedMs}. */
    public Map<String, Object> toMap(long elapsedMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : levels.entrySet()) {
            Level l = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("series", l.total);
            m.put("forecast", l.forecast);
            m.put("skipped", l.skipped);
            m.put("beatsSeasonalNaiveShare", l.compared == 0 ? null : round((double) l.beats / l.compared));
            m.put("meanMaseRatio", l.compared == 0 ? null : round(l.ratioSum / l.compared));
            m.put("withCovariates", l.withCovariates);
            m.put("modelReadCovariates", l.modelReadCovariates);
            out.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), m);
        }
        out.put("elapsedMs", elapsedMs);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
