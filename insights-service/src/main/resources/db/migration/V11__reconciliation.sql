-- Reconciliation of the read models with the source's own totals (docs/reconciliation.md).

-- The latest checkpoint per UTC day from orders.totals (DailyOrderTotals): an older computed_at arriving later
-- (a redelivery, a republish overtaken) changes nothing. Its figures per currency are in source_totals.
CREATE TABLE source_checkpoint (
    day         DATE        NOT NULL,
    computed_at DATETIME(6) NOT NULL,
    event_id    CHAR(36)    NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (day)
);

-- The checkpoint's figures, one row per day and order currency, as CurrencyTotals defines them.
CREATE TABLE source_totals (
    day             DATE          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    placed_orders   BIGINT        NOT NULL,
    paid_orders     BIGINT        NOT NULL,
    paid_units      BIGINT        NOT NULL,
    paid_gross      DECIMAL(19,2) NOT NULL,
    paid_discount   DECIMAL(19,2) NOT NULL,
    paid_net        DECIMAL(19,2) NOT NULL,
    sales_orders    BIGINT        NOT NULL,
    sales_units     BIGINT        NOT NULL,
    sales_gross     DECIMAL(19,2) NOT NULL,
    sales_discount  DECIMAL(19,2) NOT NULL,
    sales_net       DECIMAL(19,2) NOT NULL,
    refunds         BIGINT        NOT NULL,
    refunded_amount DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (day, currency)
);

-- The last reconciliation of each checkpointed day and figure (e.g. sales.net[EUR], daily_sales.net). first_seen and
-- consecutive_runs are of the current status; alerted_at is set when a DIFFERENCE over two runs raised its
-- ReconciliationAlert and cleared when the figure matches again, so each difference alerts once.
CREATE TABLE reconciliation_result (
    day              DATE          NOT NULL,
    figure           VARCHAR(40)   NOT NULL,
    source_value     DECIMAL(19,2) NOT NULL,
    read_model_value DECIMAL(19,2) NOT NULL,
    difference       DECIMAL(19,2) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    first_seen       DATETIME(6)   NOT NULL,
    consecutive_runs INT           NOT NULL,
    alerted_at       DATETIME(6)   NULL,
    computed_at      DATETIME(6)   NOT NULL,
    checked_at       DATETIME(6)   NOT NULL,
    run_id           CHAR(36)      NOT NULL,
    PRIMARY KEY (day, figure),
    INDEX ix_reconciliation_result_status (status)
);

-- The hourly run reads order_fact by the day orders were placed, for every checkpointed day.
CREATE INDEX ix_order_fact_placed_day ON order_fact (placed_day);
