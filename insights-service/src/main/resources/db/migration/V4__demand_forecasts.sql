-- Demand forecasting (seed 000, Demand Insights Engine: demand_forecasts). A forecast run computes, per product with
-- enough history, the daily paid units ahead (default 28 days) with the model chosen by a rolling-origin backtest on
-- MASE (platform/analytics ModelSelector). Each product keeps its latest forecast: a run replaces the product's
-- header and points in one transaction, so a reader (the API, reorder suggestions) sees one run's forecast whole.

-- One run: nightly (SCHEDULED) or asked for (ON_DEMAND); its progress while RUNNING.
CREATE TABLE forecast_run (
    id              CHAR(36)      NOT NULL,
    trigger_type    VARCHAR(20)   NOT NULL,
    requested_by    VARCHAR(200)  NULL,
    status          VARCHAR(20)   NOT NULL,
    horizon_days    INT           NOT NULL,
    series_total    INT           NOT NULL,
    series_done     INT           NOT NULL,
    -- Series whose chosen model beat seasonal naive on backtest MASE, and the mean of chosen / naive MASE.
    beats_naive     INT           NOT NULL,
    mean_mase_ratio DECIMAL(10,4) NULL,
    created_at      DATETIME(6)   NOT NULL,
    started_at      DATETIME(6)   NULL,
    finished_at     DATETIME(6)   NULL,
    error           VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    INDEX ix_forecast_run_created (created_at),
    CONSTRAINT ck_forecast_run_status CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    CONSTRAINT ck_forecast_run_trigger CHECK (trigger_type IN ('SCHEDULED', 'ON_DEMAND'))
);

-- The latest forecast per product: the model chosen, its backtest accuracy and seasonal naive's on the same origins.
CREATE TABLE demand_forecasts (
    product_id    CHAR(36)      NOT NULL,
    run_id        CHAR(36)      NOT NULL,
    model         VARCHAR(40)   NOT NULL,
    -- SMOOTH, ERRATIC, INTERMITTENT, LUMPY (analytics SeriesClass).
    series_class  VARCHAR(20)   NOT NULL,
    history_days  INT           NOT NULL,
    -- The first day forecast (the day after the history's last).
    first_day     DATE          NOT NULL,
    horizon_days  INT           NOT NULL,
    backtest_mase DECIMAL(12,4) NULL,
    naive_mase    DECIMAL(12,4) NULL,
    origins       INT           NOT NULL,
    generated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    INDEX ix_demand_forecasts_run (run_id)
);

-- Its days: the mean and the 80 % and 95 % prediction intervals of paid units.
CREATE TABLE demand_forecast_point (
    product_id CHAR(36)      NOT NULL,
    day        DATE          NOT NULL,
    mean       DECIMAL(14,4) NOT NULL,
    lower_80   DECIMAL(14,4) NOT NULL,
    upper_80   DECIMAL(14,4) NOT NULL,
    lower_95   DECIMAL(14,4) NOT NULL,
    upper_95   DECIMAL(14,4) NOT NULL,
    PRIMARY KEY (product_id, day)
);
