-- This service's copy of catalog-service's promotions, fed by catalog.promotion, and the count of their use.
-- times_used belongs to orders-service alone (the replica never writes it): it is raised by one conditional UPDATE
-- per order (... WHERE usage_limit IS NULL OR times_used < usage_limit), so concurrent orders queue on the row and
-- the limit holds, and lowered again when an order that used the code is cancelled. No CHECK ties it to
-- usage_limit: catalog-service may lower a limit below the uses already made.
CREATE TABLE catalog_promotion (
    promotion_id  CHAR(36)      NOT NULL,
    code          VARCHAR(40)   NOT NULL,
    kind          VARCHAR(10)   NOT NULL,
    value         DECIMAL(12,2) NOT NULL,
    minimum_order DECIMAL(12,2) NULL,
    currency      CHAR(3)       NOT NULL,
    usage_limit   INT           NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NULL,
    status        VARCHAR(20)   NOT NULL,
    version       BIGINT        NOT NULL,
    last_event_id CHAR(36)      NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    times_used    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (promotion_id),
    CONSTRAINT uk_catalog_promotion_code UNIQUE (code),
    CONSTRAINT ck_catalog_promotion_used CHECK (times_used >= 0)
);

-- One row per order that used a code; released_at is set when the order is cancelled and the use given back.
CREATE TABLE promotion_usage (
    order_id     CHAR(36)      NOT NULL,
    promotion_id CHAR(36)      NOT NULL,
    customer_id  CHAR(36)      NOT NULL,
    discount     DECIMAL(14,2) NOT NULL,
    used_at      DATETIME(6)   NOT NULL,
    released_at  DATETIME(6)   NULL,
    PRIMARY KEY (order_id),
    CONSTRAINT fk_promotion_usage_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_promotion_usage_promotion FOREIGN KEY (promotion_id) REFERENCES catalog_promotion (promotion_id),
    INDEX ix_promotion_usage_promotion (promotion_id, used_at)
);
