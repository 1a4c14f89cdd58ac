-- The order saga (DESIGN §3): the answers an order waits for, addresses, payment and promotion; payments under
-- PCI DSS (a gateway token, brand, last four, expiry; never a card number or CVV); idempotent order placement.
-- Existing rows (placed before the saga existed) get neutral defaults.

ALTER TABLE customer_order
    ADD COLUMN discount          DECIMAL(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN promotion_code    VARCHAR(40)   NULL,
    ADD COLUMN ship_name         VARCHAR(200)  NULL,
    ADD COLUMN ship_line1        VARCHAR(200)  NULL,
    ADD COLUMN ship_line2        VARCHAR(200)  NULL,
    ADD COLUMN ship_city         VARCHAR(100)  NULL,
    ADD COLUMN ship_region       VARCHAR(100)  NULL,
    ADD COLUMN ship_postal_code  VARCHAR(20)   NULL,
    ADD COLUMN ship_country      CHAR(2)       NULL,
    ADD COLUMN bill_name         VARCHAR(200)  NULL,
    ADD COLUMN bill_line1        VARCHAR(200)  NULL,
    ADD COLUMN bill_line2        VARCHAR(200)  NULL,
    ADD COLUMN bill_city         VARCHAR(100)  NULL,
    ADD COLUMN bill_region       VARCHAR(100)  NULL,
    ADD COLUMN bill_postal_code  VARCHAR(20)   NULL,
    ADD COLUMN bill_country      CHAR(2)       NULL,
    ADD COLUMN payment_method_id CHAR(36)      NULL,
    ADD COLUMN stock_answer      VARCHAR(10)   NOT NULL DEFAULT 'AWAITING',
    ADD COLUMN fraud_decision    VARCHAR(10)   NULL,
    ADD COLUMN fraud_score       DECIMAL(4,3)  NULL,
    ADD COLUMN saga_deadline     DATETIME(6)   NULL,
    ADD COLUMN cancel_reason     VARCHAR(20)   NULL,
    ADD COLUMN status_detail     VARCHAR(500)  NULL,
    ADD INDEX ix_customer_order_status_deadline (status, saga_deadline);

-- PCI DSS: what may be kept of a card. gateway_token is what the gateway charges; it is not cardholder data, but
-- it can be charged, so it never leaves this service (events carry the payment method's id, brand and last four).
CREATE TABLE payment_method (
    id             CHAR(36)    NOT NULL,
    customer_id    CHAR(36)    NOT NULL,
    gateway_token  VARCHAR(100) NOT NULL,
    brand          VARCHAR(20) NOT NULL,
    last4          CHAR(4)     NOT NULL,
    exp_month      INT         NOT NULL,
    exp_year       INT         NOT NULL,
    issuer_country CHAR(2)     NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_payment_method_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT ck_payment_method_expiry CHECK (exp_month BETWEEN 1 AND 12),
    INDEX ix_payment_method_customer (customer_id)
);

CREATE TABLE payment (
    id                CHAR(36)      NOT NULL,
    order_id          CHAR(36)      NOT NULL,
    payment_method_id CHAR(36)      NOT NULL,
    amount            DECIMAL(14,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    gateway_reference VARCHAR(100)  NULL,
    decline_code      VARCHAR(40)   NULL,
    refunded_amount   DECIMAL(14,2) NULL,
    version           BIGINT        NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_payment_method FOREIGN KEY (payment_method_id) REFERENCES payment_method (id),
    INDEX ix_payment_order (order_id)
);

-- POST /orders with an Idempotency-Key: the first request's order, per caller and key. A retry finds it here
-- and gets the same order back; a retry with a different body is refused.
CREATE TABLE idempotency_record (
    caller       VARCHAR(100) NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    order_id     CHAR(36)     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller, idem_key),
    INDEX ix_idempotency_record_created (created_at)
);
