-- The analytic replica's facts: one row per order and one per order line, from orders.order and orders.payment.
-- A counted sale (revenue, units) is an order with paid_at IS NOT NULL AND undone_at IS NULL (paid, and neither
-- cancelled nor returned since), as in insights-service. status, paid_at and undone_at of the lines move with their
-- order's in the same transaction.
CREATE TABLE fact_order (
    order_id       CHAR(36)      NOT NULL,
    customer_id    CHAR(36)      NOT NULL,
    placed_at      DATETIME(6)   NOT NULL,
    -- the UTC day placed (dim_date.day)
    day            DATE          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    channel        VARCHAR(20)   NOT NULL,
    currency       CHAR(3)       NOT NULL,
    -- the shipping country (the billing one without it)
    country        CHAR(2)       NULL,
    region         VARCHAR(5)    NOT NULL,
    -- the customer's segment when the order was placed; filled when the customer arrives after the order
    segment        VARCHAR(20)   NULL,
    promotion_code VARCHAR(64)   NULL,
    subtotal       DECIMAL(19,2) NOT NULL,
    discount       DECIMAL(19,2) NOT NULL,
    total          DECIMAL(19,2) NOT NULL,
    paid_at        DATETIME(6)   NULL,
    -- cancelled or returned (the time of the OrderCancelled / OrderReturned)
    undone_at      DATETIME(6)   NULL,
    refunded       DECIMAL(19,2) NOT NULL DEFAULT 0,
    -- the customer's first order placed (earliest placed_at, then order id)
    new_customer   BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (order_id),
    INDEX ix_fact_order_day (day),
    INDEX ix_fact_order_country_day (country, day),
    INDEX ix_fact_order_customer (customer_id)
);

CREATE TABLE fact_order_line (
    order_id          CHAR(36)      NOT NULL,
    line_no           INT           NOT NULL,
    product_id        CHAR(36)      NOT NULL,
    -- the product's category and brand, and unit cost x quantity, when the order was placed (or, if the product
    -- arrived after the order, from its first snapshot here: product_filled)
    category_id       CHAR(36)      NULL,
    brand             VARCHAR(200)  NULL,
    customer_id       CHAR(36)      NOT NULL,
    day               DATE          NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    channel           VARCHAR(20)   NOT NULL,
    currency          CHAR(3)       NOT NULL,
    country           CHAR(2)       NULL,
    region            VARCHAR(5)    NOT NULL,
    segment           VARCHAR(20)   NULL,
    quantity          INT           NOT NULL,
    unit_price        DECIMAL(19,2) NOT NULL,
    -- the line total
    gross             DECIMAL(19,2) NOT NULL,
    -- the order's discount allocated by gross share (largest remainder: the lines' discounts add up to the order's)
    discount          DECIMAL(19,2) NOT NULL,
    net               DECIMAL(19,2) NOT NULL,
    cost              DECIMAL(19,2) NULL,
    returned_quantity INT           NOT NULL DEFAULT 0,
    -- the order's refunds allocated by net share (largest remainder, like the discount)
    refunded          DECIMAL(19,2) NOT NULL DEFAULT 0,
    paid_at           DATETIME(6)   NULL,
    undone_at         DATETIME(6)   NULL,
    -- whether category_id, brand and cost come from a product snapshot (false until the product is known here)
    product_filled    BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (order_id, line_no),
    INDEX ix_fact_order_line_day (day),
    INDEX ix_fact_order_line_product_day (product_id, day),
    INDEX ix_fact_order_line_category_day (category_id, day),
    INDEX ix_fact_order_line_country_day (country, day),
    INDEX ix_fact_order_line_customer (customer_id)
);

-- Each refund of orders.payment once (a payment is refunded at most once per refund time), kept apart from its
-- order so that a refund arriving before its order (another topic; a rebuild reads both from the start) waits here
-- until the order comes; fact_order.refunded and the lines' shares are recomputed from it. Not for the questions.
CREATE TABLE order_refund (
    payment_id  CHAR(36)      NOT NULL,
    refunded_at DATETIME(6)   NOT NULL,
    order_id    CHAR(36)      NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (payment_id, refunded_at),
    INDEX ix_order_refund_order (order_id)
);
