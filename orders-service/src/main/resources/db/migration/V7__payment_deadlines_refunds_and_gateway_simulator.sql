-- Every non-final saga state has a deadline and a way out (docs/payments.md): a CONFIRMED order is charged
-- outside any transaction, retried with the same idempotency key, reconciled with the gateway and finally
-- cancelled; refunds (and voids of charges whose outcome is unknown) are rows a scheduler works off, so a refund is
-- never lost and never made twice; OrderOnHold carries the fraud reasons.

ALTER TABLE customer_order
    ADD COLUMN payment_attempts        INT          NOT NULL DEFAULT 0,
    -- When the payment step runs next (charge, or lookup once past payment_reconcile_at); null outside CONFIRMED.
    ADD COLUMN payment_next_attempt_at DATETIME(6)  NULL,
    ADD COLUMN payment_reconcile_at    DATETIME(6)  NULL,
    ADD COLUMN payment_last_error      VARCHAR(200) NULL,
    -- FraudAssessed's reason codes, comma-separated.
    ADD COLUMN fraud_reasons           VARCHAR(500) NULL,
    ADD INDEX ix_customer_order_status_payment (status, payment_next_attempt_at);

-- Orders stranded in CONFIRMED before this version: ask the gateway about them at once (UTC_TIMESTAMP and
-- INTERVAL arithmetic are the same on MySQL 8.4 and MariaDB 11.4).
UPDATE customer_order
   SET payment_next_attempt_at = UTC_TIMESTAMP(6),
       payment_reconcile_at    = UTC_TIMESTAMP(6),
       saga_deadline           = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR
 WHERE status = 'CONFIRMED';

-- A refund to be made, or the void of a charge whose outcome is unknown (payment_id null until a lookup finds it
-- captured). One per charge (uk on charge_key): a payment is refunded in full at most once.
CREATE TABLE payment_refund (
    id                CHAR(36)      NOT NULL,
    order_id          CHAR(36)      NOT NULL,
    payment_id        CHAR(36)      NULL,
    charge_key        VARCHAR(100)  NOT NULL,
    amount            DECIMAL(14,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    reason            VARCHAR(40)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    attempts          INT           NOT NULL,
    next_attempt_at   DATETIME(6)   NULL,
    last_error        VARCHAR(200)  NULL,
    gateway_reference VARCHAR(100)  NULL,
    version           BIGINT        NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_payment_refund_charge UNIQUE (charge_key),
    CONSTRAINT fk_payment_refund_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_payment_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_payment_refund_status CHECK (status IN ('PENDING', 'REFUNDED', 'NOTHING_CAPTURED', 'FAILED')),
    INDEX ix_payment_refund_due (status, next_attempt_at),
    INDEX ix_payment_refund_order (order_id)
);

-- The built-in payment simulator's memory of its calls, by idempotency key, so that a restart never charges twice
-- and lookup() can answer. Written by the simulator only, in its own transactions; no real gateway uses it.
CREATE TABLE simulated_gateway_call (
    idem_key     VARCHAR(100)  NOT NULL,
    operation    VARCHAR(10)   NOT NULL,
    token        VARCHAR(100)  NULL,
    amount       DECIMAL(14,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    calls        INT           NOT NULL,
    -- Null while no call has been answered (every call so far failed as unavailable or timed out).
    approved     BOOLEAN       NULL,
    reference    VARCHAR(100)  NULL,
    decline_code VARCHAR(40)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (idem_key)
);
