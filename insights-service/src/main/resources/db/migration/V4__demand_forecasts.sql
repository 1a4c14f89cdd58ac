-- Demand forecasting (seed 000, Demand Insights Engine: demand_forecasts). A forecast run computes, per product with
-- enough history, the daily paid units ahead (default 28 days) with the model chosen by a rolling-origin backtest on
-- MASE (platform/analytics ModelSelector). Each product keeps its latest forecast: a run replaces the product's
-- header and points in one transaction, so a reader (the API, reorder suggestions) sees one run's forecast whole.

-- The analyses (forecasts, customer values, trends, elasticities, market pulse) run as jobs: nightly (SCHEDULED)
-- or asked for (ON_DEMAND), one at a time per kind (analysis_claim), each with its progress and, once COMPLETED,
-- a summary (JSON text: what the job reports, e.g. the share of series beating seasonal naive).
CREATE TABLE analysis_run (
    id           CHAR(36)      NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    trigger_type VARCHAR(20)   NOT NULL,
    requested_by VARCHAR(200)  NULL,
    status       VARCHAR(20)   NOT NULL,
    items_total  INT           NULL,
    items_done   INT           NOT NULL,
    -- JSON as text: MySQL's JSON type is MariaDB's LONGTEXT alias, and nothing queries inside it.
    summary      TEXT          NULL,
    created_at   DATETIME(6)   NOT NULL,
    started_at   DATETIME(6)   NULL,
    finished_at  DATETIME(6)   NULL,
    error        VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    INDEX ix_analysis_run_kind_created (kind, created_at),
    CONSTRAINT ck_analysis_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    CONSTRAINT ck_analysis_run_trigger CHECK (trigger_type IN ('SCHEDULED', 'ON_DEMAND'))
);

-- Which run of a kind holds it: claimed by a conditional update, so two instances never run one kind at once.
CREATE TABLE analysis_claim (
    kind       VARCHAR(40) NOT NULL,
    run_id     CHAR(36)    NULL,
    claimed_at DATETIME(6) NULL,
    PRIMARY KEY (kind)
);

-- The latest forecast per product: the model chosen, its backtest accuracy and seasonal naive's on the same origins.
CREATE TABLE demand_forecasts (
    product_id    CHAR(36)      NOT NULL,
    -- The analysis_run that wrote it.
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
