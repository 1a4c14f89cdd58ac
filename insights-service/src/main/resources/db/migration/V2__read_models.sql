-- The reporting read models, built only from the domain events (insights-service README, "Read models"). Each is
-- changed in the transaction of the consumer that applies the event, next to its inbox record. Money: DECIMAL(19,2)
-- in the order's currency; days and months: UTC dates. Upserts are INSERT ... ON DUPLICATE KEY UPDATE with the new
-- values passed as parameters again (MySQL 8.4 deprecates VALUES() there and MariaDB 11.4 lacks the row alias, so
-- neither is used); assignments run left to right on both, so a guard column (version, updated_at) is set last.

-- One row per order: what the aggregates below need to move an order between statuses and to undo its sale.
CREATE TABLE order_fact (
    order_id     CHAR(36)      NOT NULL,
    customer_id  CHAR(36)      NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    -- The shipping address's country (billing's without one), ZZ when neither says.
    country      CHAR(2)       NOT NULL,
    currency     CHAR(3)       NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    placed_at    DATETIME(6)   NOT NULL,
    placed_day   DATE          NOT NULL,
    units        INT           NOT NULL,
    gross        DECIMAL(19,2) NOT NULL,
    discount     DECIMAL(19,2) NOT NULL,
    net          DECIMAL(19,2) NOT NULL,
    -- Set by OrderPaid: from then on the order counts as a sale (daily sales, customers, cohorts, products).
    paid_at      DATETIME(6)   NULL,
    -- Set when a counted sale is returned or cancelled after payment: its units become returns of its products.
    undone_at    DATETIME(6)   NULL,
    PRIMARY KEY (order_id),
    INDEX ix_order_fact_customer (customer_id)
);

-- The lines of each order; product attributes are joined at read time, so a sale may arrive before its product.
CREATE TABLE order_line_fact (
    order_id   CHAR(36)      NOT NULL,
    line_no    INT           NOT NULL,
    product_id CHAR(36)      NOT NULL,
    quantity   INT           NOT NULL,
    line_total DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    INDEX ix_order_line_fact_product (product_id)
);

-- Refunds (orders.payment), one per payment (orders-service refunds a payment in full, so a second event of the
-- same payment changes nothing). They come on another topic than their order, so they may arrive first: the reports
-- join them to their order's channel, country and customer at read time, which needs no ordering between the two.
CREATE TABLE refund_fact (
    payment_id   CHAR(36)      NOT NULL,
    order_id     CHAR(36)      NOT NULL,
    amount       DECIMAL(19,2) NOT NULL,
    refunded_at  DATETIME(6)   NOT NULL,
    refunded_day DATE          NOT NULL,
    PRIMARY KEY (payment_id),
    INDEX ix_refund_fact_order (order_id),
    INDEX ix_refund_fact_day (refunded_day)
);

-- Paid orders by the UTC day they were placed, channel and country. Refunds (by the UTC day they were made, under
-- their order's channel and country) and the average order value (net / orders) are added at read time.
CREATE TABLE daily_sales (
    day       DATE          NOT NULL,
    channel   VARCHAR(20)   NOT NULL,
    country   CHAR(2)       NOT NULL,
    orders    INT           NOT NULL,
    units     INT           NOT NULL,
    gross     DECIMAL(19,2) NOT NULL,
    discounts DECIMAL(19,2) NOT NULL,
    net       DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (day, channel, country)
);

-- Every order in its current status once: a status event moves it (order_fact.status) from one row to another.
CREATE TABLE order_status_total (
    status  VARCHAR(20)   NOT NULL,
    orders  BIGINT        NOT NULL,
    revenue DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (status)
);

-- Per customer (id only: no name, e-mail or address reaches this service): profile from orders.customer, paid
-- orders from orders.order. first_month is the cohort. Refunds: refund_fact at read time.
CREATE TABLE customer_summary (
    customer_id        CHAR(36)      NOT NULL,
    country            CHAR(2)       NULL,
    segment            VARCHAR(20)   NULL,
    registered_at      DATETIME(6)   NULL,
    profile_updated_at DATETIME(6)   NULL,
    first_order_at     DATETIME(6)   NULL,
    last_order_at      DATETIME(6)   NULL,
    first_month        DATE          NULL,
    orders             INT           NOT NULL,
    revenue            DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (customer_id),
    INDEX ix_customer_summary_first_month (first_month),
    INDEX ix_customer_summary_revenue (revenue)
);

-- The months (first day, UTC) in which a customer placed a paid order: the cohort table's activity.
CREATE TABLE customer_month (
    customer_id CHAR(36) NOT NULL,
    month       DATE     NOT NULL,
    PRIMARY KEY (customer_id, month),
    INDEX ix_customer_month_month (month)
);

-- Product attributes from catalog.product, latest version only (service-kit ReplicaEntity).
CREATE TABLE product (
    product_id    CHAR(36)      NOT NULL,
    sku           VARCHAR(64)   NOT NULL,
    category_id   CHAR(36)      NULL,
    brand         VARCHAR(200)  NULL,
    price         DECIMAL(19,2) NOT NULL,
    cost          DECIMAL(19,2) NULL,
    version       BIGINT        NOT NULL,
    last_event_id CHAR(36)      NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    INDEX ix_product_category (category_id)
);

-- Paid units and revenue (line totals, before the order's discount) per product, and the part returned or
-- cancelled after payment.
CREATE TABLE product_sales (
    product_id       CHAR(36)      NOT NULL,
    units            BIGINT        NOT NULL,
    revenue          DECIMAL(19,2) NOT NULL,
    returned_units   BIGINT        NOT NULL,
    returned_revenue DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (product_id),
    INDEX ix_product_sales_revenue (revenue)
);

-- Stock per warehouse and product from catalog.inventory, latest version only; valued at read time.
CREATE TABLE stock_level (
    product_id   CHAR(36)    NOT NULL,
    warehouse_id CHAR(36)    NOT NULL,
    on_hand      INT         NOT NULL,
    available    INT         NOT NULL,
    version      BIGINT      NOT NULL,
    changed_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id, warehouse_id),
    INDEX ix_stock_level_warehouse (warehouse_id)
);
