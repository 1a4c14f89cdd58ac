-- Fulfilment (DESIGN §3 step 5): an order ships whole, in one shipment, and may come back once, in full.

CREATE TABLE shipment (
    id              CHAR(36)    NOT NULL,
    order_id        CHAR(36)    NOT NULL,
    carrier         VARCHAR(40) NOT NULL,
    tracking_number VARCHAR(64) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    shipped_at      DATETIME(6) NOT NULL,
    delivered_at    DATETIME(6) NULL,
    version         BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_shipment_order UNIQUE (order_id),
    CONSTRAINT uk_shipment_tracking UNIQUE (carrier, tracking_number),
    CONSTRAINT fk_shipment_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_shipment_status CHECK (status IN ('SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'))
);

CREATE TABLE order_return (
    order_id        CHAR(36)      NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    -- BOOLEAN is TINYINT(1) in both flavours.
    restock         BOOLEAN       NOT NULL,
    refunded_amount DECIMAL(14,2) NOT NULL,
    recorded_by     VARCHAR(100)  NOT NULL,
    returned_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id),
    CONSTRAINT fk_order_return_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);
