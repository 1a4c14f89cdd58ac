-- Market-level forecasts (seed 000, Market Intelligence Hub: market_intelligence_forecasts): the forecast run's
-- category and total series, with the same columns as demand_forecasts (V4) and a scope instead of the product.
-- A run replaces a scope's header and points in one transaction.
CREATE TABLE market_intelligence_forecasts (
    -- CATEGORY (scope_key = the category id) or TOTAL (scope_key = 'all').
    scope         VARCHAR(20)   NOT NULL,
    scope_key     VARCHAR(36)   NOT NULL,
    run_id        CHAR(36)      NOT NULL,
    model         VARCHAR(40)   NOT NULL,
    series_class  VARCHAR(20)   NOT NULL,
    history_days  INT           NOT NULL,
    first_day     DATE          NOT NULL,
    horizon_days  INT           NOT NULL,
    backtest_mase DECIMAL(12,4) NULL,
    naive_mase    DECIMAL(12,4) NULL,
    origins       INT           NOT NULL,
    generated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (scope, scope_key),
    INDEX ix_market_intelligence_forecasts_run (run_id),
    CONSTRAINT ck_market_intelligence_forecasts_scope CHECK (scope IN ('CATEGORY', 'TOTAL'))
);

CREATE TABLE market_intelligence_forecast_point (
    scope     VARCHAR(20)   NOT NULL,
    scope_key VARCHAR(36)   NOT NULL,
    day       DATE          NOT NULL,
    mean      DECIMAL(14,4) NOT NULL,
    lower_80  DECIMAL(14,4) NOT NULL,
    upper_80  DECIMAL(14,4) NOT NULL,
    lower_95  DECIMAL(14,4) NOT NULL,
    upper_95  DECIMAL(14,4) NOT NULL,
    PRIMARY KEY (scope, scope_key, day)
);
