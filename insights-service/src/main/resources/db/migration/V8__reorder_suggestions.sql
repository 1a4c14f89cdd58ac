-- Reorder suggestions (the reorder analysis job): per product and warehouse whose available plus on-order units fall
-- below the reorder point, what was suggested and every input it was computed from, so a buyer can check the
-- figure. Each row was published as ReorderSuggested on insights.reorder in the transaction that wrote it.
-- Quantities of demand DECIMAL(14,4) like demand_forecast_point. Runs unchanged on MySQL 8.4 and MariaDB 11.4.
CREATE TABLE reorder_suggestion (
    id                    CHAR(36)      NOT NULL,
    -- The reorder run that made it, and the forecast run its demand came from.
    run_id                CHAR(36)      NOT NULL,
    forecast_run_id       CHAR(36)      NOT NULL,
    product_id            CHAR(36)      NOT NULL,
    warehouse_id          CHAR(36)      NOT NULL,
    lead_time_days        INT           NOT NULL,
    -- SUPPLIER (the product's latest purchase order) or DEFAULT (insights.reorder.default-lead-time-days).
    lead_time_source      VARCHAR(20)   NOT NULL,
    review_period_days    INT           NOT NULL,
    service_level         DECIMAL(6,4)  NOT NULL,
    -- This warehouse's share of the product's forecast (its share of the product's units on hand).
    warehouse_share       DECIMAL(9,6)  NOT NULL,
    demand_over_lead_time DECIMAL(14,4) NOT NULL,
    demand_over_cover     DECIMAL(14,4) NOT NULL,
    sigma_lead_time       DECIMAL(14,4) NOT NULL,
    safety_stock          DECIMAL(14,4) NOT NULL,
    reorder_point         DECIMAL(14,4) NOT NULL,
    on_hand               INT           NOT NULL,
    available             INT           NOT NULL,
    on_order              INT           NOT NULL,
    suggested_quantity    INT           NOT NULL,
    suggested_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_reorder_suggestion_quantity CHECK (suggested_quantity > 0),
    CONSTRAINT ck_reorder_suggestion_lead_time CHECK (lead_time_source IN ('SUPPLIER', 'DEFAULT')),
    -- The latest per product and warehouse (the job's review-period rule), and the filtered lists, newest first.
    INDEX ix_reorder_suggestion_product (product_id, warehouse_id, suggested_at),
    INDEX ix_reorder_suggestion_warehouse (warehouse_id, suggested_at),
    INDEX ix_reorder_suggestion_suggested (suggested_at)
);
