-- Promotions: catalog-service defines them and publishes them on catalog.promotion; orders-service keeps a replica
-- and counts their use (the usage limit is enforced where orders are placed, under the replica's row lock).

CREATE TABLE promotion (
    id            CHAR(36)      NOT NULL,
    -- Stored upper-cased: a code is matched case-insensitively without relying on either flavour's collation.
    code          VARCHAR(40)   NOT NULL,
    description   VARCHAR(500)  NULL,
    kind          VARCHAR(10)   NOT NULL,
    value         DECIMAL(12,2) NOT NULL,
    minimum_order DECIMAL(12,2) NULL,
    currency      CHAR(3)       NOT NULL,
    usage_limit   INT           NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NULL,
    status        VARCHAR(20)   NOT NULL,
    version       BIGINT        NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_promotion_code UNIQUE (code),
    CONSTRAINT ck_promotion_kind CHECK (kind IN ('PERCENT', 'FIXED')),
    CONSTRAINT ck_promotion_value CHECK (value > 0 AND (kind <> 'PERCENT' OR value <= 100)),
    CONSTRAINT ck_promotion_minimum CHECK (minimum_order IS NULL OR minimum_order >= 0),
    CONSTRAINT ck_promotion_usage_limit CHECK (usage_limit IS NULL OR usage_limit > 0),
    CONSTRAINT ck_promotion_window CHECK (ends_at IS NULL OR ends_at > starts_at)
);
