-- Demand Insights Engine (issue 11): customers' RFM segments and lifetime values, products' price elasticities and
-- market trends. Each table holds the latest run's result per item; a run writes its rows in batches (one
-- transaction each, stamped with its run_id) and then deletes the rows of items the run no longer found.

-- RFM (platform/analytics rfm): quintile scores 1..5 among all customers with a counted sale, and the segment.
CREATE TABLE customer_segments (
    customer_id    CHAR(36)      NOT NULL,
    run_id         CHAR(36)      NOT NULL,
    days_since_last INT          NOT NULL,
    orders         INT           NOT NULL,
    revenue        DECIMAL(19,2) NOT NULL,
    r_score        SMALLINT      NOT NULL,
    f_score        SMALLINT      NOT NULL,
    m_score        SMALLINT      NOT NULL,
    -- CHAMPIONS, LOYAL_CUSTOMERS, ... (analytics RfmSegment).
    segment        VARCHAR(30)   NOT NULL,
    computed_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (customer_id),
    INDEX ix_customer_segments_segment (segment),
    INDEX ix_customer_segments_run (run_id)
);

-- BG/NBD + Gamma-Gamma (analytics clv): purchase occasions are days with a counted sale, times in weeks.
CREATE TABLE customer_lifetime_value (
    customer_id        CHAR(36)      NOT NULL,
    run_id             CHAR(36)      NOT NULL,
    -- x, t_x and T of the BG/NBD model (repeat purchase days; weeks from the first to the last, and to the run).
    frequency          INT           NOT NULL,
    recency_weeks      DECIMAL(12,4) NOT NULL,
    age_weeks          DECIMAL(12,4) NOT NULL,
    -- The mean net of the repeat purchase days (0 without one).
    average_value      DECIMAL(19,2) NOT NULL,
    horizon_days       INT           NOT NULL,
    expected_purchases DECIMAL(14,4) NOT NULL,
    probability_alive  DECIMAL(9,6)  NOT NULL,
    -- Discounted expected revenue over the horizon.
    clv_value          DECIMAL(19,2) NOT NULL,
    computed_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (customer_id),
    INDEX ix_customer_lifetime_value_value (clv_value),
    INDEX ix_customer_lifetime_value_alive (probability_alive),
    INDEX ix_customer_lifetime_value_run (run_id)
);

-- Log-log own-price elasticity (analytics elasticity) from daily observations of counted sales.
CREATE TABLE price_elasticity (
    product_id      CHAR(36)      NOT NULL,
    run_id          CHAR(36)      NOT NULL,
    -- ESTIMATED, NOT_ENOUGH_VARIATION, TOO_FEW_OBSERVATIONS, PRICE_COLLINEAR_WITH_CONTROLS.
    status          VARCHAR(30)   NOT NULL,
    elasticity      DECIMAL(12,4) NULL,
    standard_error  DECIMAL(12,4) NULL,
    lower_bound     DECIMAL(12,4) NULL,
    upper_bound     DECIMAL(12,4) NULL,
    confidence      DECIMAL(5,4)  NULL,
    observations    INT           NOT NULL,
    distinct_prices INT           NULL,
    -- The coefficient of variation of the daily average unit prices.
    price_variation DECIMAL(12,6) NOT NULL,
    first_day       DATE          NULL,
    last_day        DATE          NULL,
    computed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    INDEX ix_price_elasticity_run (run_id)
);

-- Mann-Kendall with Sen's slope (analytics trend) on weekly paid units and revenue.
CREATE TABLE market_trends (
    -- PRODUCT, CATEGORY or REGION; trend_key the product id, category id or region code.
    series_level      VARCHAR(10)   NOT NULL,
    trend_key         VARCHAR(36)   NOT NULL,
    -- UNITS or REVENUE.
    metric            VARCHAR(10)   NOT NULL,
    run_id            CHAR(36)      NOT NULL,
    -- GROWTH, DECLINE, NO_TREND.
    direction         VARCHAR(10)   NOT NULL,
    -- Sen's slope per week and its interval.
    slope             DECIMAL(19,4) NOT NULL,
    slope_lower       DECIMAL(19,4) NULL,
    slope_upper       DECIMAL(19,4) NULL,
    p_value           DECIMAL(9,6)  NOT NULL,
    tau               DECIMAL(9,6)  NOT NULL,
    seasonal_strength DECIMAL(9,6)  NULL,
    trend_strength    DECIMAL(9,6)  NULL,
    weeks             INT           NOT NULL,
    first_week        DATE          NOT NULL,
    total             DECIMAL(19,2) NOT NULL,
    computed_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (series_level, trend_key, metric),
    INDEX ix_market_trends_direction (series_level, metric, direction),
    INDEX ix_market_trends_run (run_id)
);
