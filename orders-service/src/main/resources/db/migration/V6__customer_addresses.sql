-- A customer's address book. Orders copy the address they use (customer_order.ship_*, bill_*), so editing or
-- removing an entry never changes an order.
CREATE TABLE customer_address (
    id               CHAR(36)     NOT NULL,
    customer_id      CHAR(36)     NOT NULL,
    label            VARCHAR(50)  NULL,
    name             VARCHAR(200) NOT NULL,
    line1            VARCHAR(200) NOT NULL,
    line2            VARCHAR(200) NULL,
    city             VARCHAR(100) NOT NULL,
    region           VARCHAR(100) NULL,
    postal_code      VARCHAR(20)  NOT NULL,
    country          CHAR(2)      NOT NULL,
    default_shipping BOOLEAN      NOT NULL,
    default_billing  BOOLEAN      NOT NULL,
    version          BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_address_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_customer_address_customer (customer_id)
);
