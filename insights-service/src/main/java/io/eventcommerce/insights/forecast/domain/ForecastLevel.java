package io.eventcommerce.insights.forecast.domain;

/** The three levels a run forecasts: each product, each category (its products summed) and the whole shop. */
public enum ForecastLevel {
    PRODUCT, CATEGORY, TOTAL
}
