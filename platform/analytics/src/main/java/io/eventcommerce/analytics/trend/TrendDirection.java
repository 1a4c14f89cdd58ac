package io.eventcommerce.analytics.trend;

/** The verdict of a trend test at its significance level: a trend only where the test rejects "no trend". */
public enum TrendDirection {
    GROWTH,
    DECLINE,
    NO_TREND
}
