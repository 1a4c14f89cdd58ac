-- Ids are UUIDs as CHAR(36) and times DATETIME(6) in UTC, as in every service (see catalog-service V2).

CREATE TABLE customer (
    id         CHAR(36)     NOT NULL,
    -- Stored lower-cased, so uniqueness does not depend on the collation of either database flavour.
    email      VARCHAR(254) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    segment    VARCHAR(20)  NOT NULL,
    country    CHAR(2)      NULL,
    version    BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_email UNIQUE (email)
);

-- This service's copy of the catalog's products, fed by catalog.product (event-carried state transfer): orders
-- are priced from it, never from the request and never by calling catalog-service.
CREATE TABLE catalog_product (
    product_id    CHAR(36)      NOT NULL,
    sku           VARCHAR(64)   NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    price         DECIMAL(12,2) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    -- catalog-service's version of the product; a snapshot with a lower or equal version is stale.
    version       BIGINT        NOT NULL,
    last_event_id CHAR(36)      NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id)
);

-- "order" is a reserved word in both flavours.
CREATE TABLE customer_order (
    id          CHAR(36)      NOT NULL,
    customer_id CHAR(36)      NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    currency    CHAR(3)       NOT NULL,
    subtotal    DECIMAL(14,2) NOT NULL,
    total       DECIMAL(14,2) NOT NULL,
    channel     VARCHAR(10)   NOT NULL,
    client_ip   VARCHAR(45)   NULL,
    version     BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_customer_order_customer_created (customer_id, created_at)
);

CREATE TABLE order_item (
    order_id        CHAR(36)      NOT NULL,
    line_no         INT           NOT NULL,
    product_id      CHAR(36)      NOT NULL,
    sku             VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    quantity        INT           NOT NULL,
    unit_price      DECIMAL(12,2) NOT NULL,
    line_total      DECIMAL(14,2) NOT NULL,
    product_version BIGINT        NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_item_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_order_item_quantity CHECK (quantity > 0),
    INDEX ix_order_item_product (product_id)
);
