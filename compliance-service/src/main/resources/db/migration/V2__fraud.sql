-- Fraud scoring (the seed's fraud_detections) and what its features are computed from. Every row here is written
-- from events (orders.order, orders.payment, orders.customer, catalog.product) or by compliance officers; nothing
-- is read from another service's schema.

-- The customers as orders-service publishes them on orders.customer: what account age and home country need.
CREATE TABLE customer_profile (
    customer_id   CHAR(36)    NOT NULL,
    country       CHAR(2)     NULL,
    segment       VARCHAR(20) NULL,
    -- Null until the customer's CustomerRegistered arrives (account age then counts from the first order seen).
    registered_at DATETIME(6) NULL,
    updated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id)
);

-- Every order compliance has seen (live or imported): the history the features of the next order are counted from.
CREATE TABLE order_fact (
    order_id              CHAR(36)      NOT NULL,
    customer_id           CHAR(36)      NOT NULL,
    placed_at             DATETIME(6)   NOT NULL,
    total                 DECIMAL(14,2) NOT NULL,
    currency              CHAR(3)       NOT NULL,
    shipping_country      CHAR(2)       NULL,
    billing_country       CHAR(2)       NULL,
    -- Personal data (an IP address identifies a person): erased with the customer (GDPR erasure).
    client_ip             VARCHAR(45)   NULL,
    ip_country            CHAR(2)       NULL,
    -- SHA-256 of brand, last four, expiry and issuing country: one card across customers, without any card data.
    card_fingerprint      CHAR(64)      NULL,
    card_country          CHAR(2)       NULL,
    -- SHA-256 of the normalised shipping address: customers per address, without keeping the address.
    shipping_address_hash CHAR(64)      NULL,
    channel               VARCHAR(10)   NULL,
    imported              BOOLEAN       NOT NULL,
    -- The feature vector as of the order's placement (JSON object, feature name → value): what the model saw, and
    -- what a retrain learns from.
    features              MEDIUMTEXT    NOT NULL,
    recorded_at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id),
    INDEX ix_order_fact_customer (customer_id, placed_at),
    INDEX ix_order_fact_card (card_fingerprint, customer_id),
    INDEX ix_order_fact_address (shipping_address_hash, customer_id),
    INDEX ix_order_fact_placed (placed_at)
);

-- Orders whose payment was captured (orders.payment), apart from order_fact: the payment channel may be read
-- before the order's OrderPlaced on orders.order, and a capture must not be lost for that.
CREATE TABLE order_paid (
    order_id CHAR(36)    NOT NULL,
    paid_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id)
);

-- Payment outcomes per customer, for "declined payments in a row".
CREATE TABLE payment_streak (
    customer_id       CHAR(36)    NOT NULL,
    declines_in_a_row INT         NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id)
);

-- The category of each product (from catalog.product), for the share of an order in high-risk categories.
CREATE TABLE product_category (
    product_id    CHAR(36)    NOT NULL,
    category_id   CHAR(36)    NULL,
    version       BIGINT      NOT NULL,
    last_event_id CHAR(36)    NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id)
);

-- Categories compliance officers mark as high-risk (gift cards, consumer electronics, ...).
CREATE TABLE high_risk_category (
    category_id CHAR(36)     NOT NULL,
    note        VARCHAR(500) NULL,
    added_by    VARCHAR(200) NOT NULL,
    added_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (category_id)
);

-- Known outcomes the model learns from: chargebacks (orders.payment), officers' decisions, imported labels.
CREATE TABLE fraud_label (
    order_id    CHAR(36)     NOT NULL,
    fraud       BOOLEAN      NOT NULL,
    source      VARCHAR(20)  NOT NULL,
    detail      VARCHAR(500) NULL,
    labelled_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (order_id)
);

-- Versions of the fraud model: trained by a retrain, explicitly activated (one ACTIVE, at most one SHADOW).
CREATE TABLE fraud_model (
    version       INT          NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    model         MEDIUMTEXT   NOT NULL,
    evaluation    MEDIUMTEXT   NOT NULL,
    examples      INT          NOT NULL,
    positives     INT          NOT NULL,
    trained_from  DATETIME(6)  NULL,
    trained_to    DATETIME(6)  NULL,
    created_by    VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    activated_at  DATETIME(6)  NULL,
    PRIMARY KEY (version),
    INDEX ix_fraud_model_status (status)
);

-- The seed's fraud_detections: one assessment per order, its explanation, and the officer's review of a hold.
CREATE TABLE fraud_detection (
    order_id              CHAR(36)      NOT NULL,
    customer_id           CHAR(36)      NOT NULL,
    placed_at             DATETIME(6)   NOT NULL,
    total                 DECIMAL(14,2) NOT NULL,
    currency              CHAR(3)       NOT NULL,
    score                 DECIMAL(4,3)  NOT NULL,
    decision              VARCHAR(8)    NOT NULL,
    -- Reason codes, most important first (comma-separated), and each feature's contribution (JSON).
    reasons               VARCHAR(1000) NOT NULL,
    explanation           MEDIUMTEXT    NOT NULL,
    model_version         VARCHAR(40)   NOT NULL,
    shadow_model_version  VARCHAR(40)   NULL,
    shadow_score          DECIMAL(4,3)  NULL,
    shadow_decision       VARCHAR(8)    NULL,
    -- DECIDED (approved or rejected by the model), ON_HOLD (waiting for an officer), REVIEWED (an officer decided).
    status                VARCHAR(10)   NOT NULL,
    assessed_at           DATETIME(6)   NOT NULL,
    reviewed_by           VARCHAR(200)  NULL,
    review_decision       VARCHAR(8)    NULL,
    review_comment        VARCHAR(2000) NULL,
    reviewed_at           DATETIME(6)   NULL,
    version               BIGINT        NOT NULL,
    PRIMARY KEY (order_id),
    INDEX ix_fraud_detection_queue (status, score),
    INDEX ix_fraud_detection_age (status, placed_at),
    INDEX ix_fraud_detection_customer (customer_id, placed_at)
);
