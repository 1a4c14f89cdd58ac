-- Inventory: warehouses, the stock of each product in each warehouse, the ledger of every change to on-hand, and
-- the reservations the order saga holds. Invariants, enforced by CHECKs (MySQL 8.0.16+ and MariaDB enforce them):
-- 0 <= reserved <= on_hand, and on_hand = SUM(inventory_movement.quantity) for the pair (kept by StockLedger).

CREATE TABLE warehouse (
    id         CHAR(36)     NOT NULL,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    country    CHAR(2)      NOT NULL,
    city       VARCHAR(100) NULL,
    -- Lower ships first when several warehouses can serve a line equally well.
    priority   INT          NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_warehouse_code UNIQUE (code)
);

CREATE TABLE stock_level (
    warehouse_id   CHAR(36)    NOT NULL,
    product_id     CHAR(36)    NOT NULL,
    on_hand        INT         NOT NULL,
    reserved       INT         NOT NULL,
    min_stock      INT         NOT NULL,
    max_stock      INT         NOT NULL,
    reorder_point  INT         NOT NULL,
    lead_time_days INT         NOT NULL,
    version        BIGINT      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (warehouse_id, product_id),
    CONSTRAINT fk_stock_level_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id),
    CONSTRAINT fk_stock_level_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_stock_level_on_hand CHECK (on_hand >= 0),
    CONSTRAINT ck_stock_level_reserved CHECK (reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT ck_stock_level_thresholds CHECK (min_stock >= 0 AND max_stock >= min_stock AND reorder_point >= 0
        AND lead_time_days >= 0),
    INDEX ix_stock_level_product (product_id)
);

-- Append-only: a correction is a new ADJUSTMENT row, never an update.
CREATE TABLE inventory_movement (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    warehouse_id   CHAR(36)     NOT NULL,
    product_id     CHAR(36)     NOT NULL,
    movement_type  VARCHAR(20)  NOT NULL,
    -- Signed: receipts and returns add, shipments remove, adjustments either.
    quantity       INT          NOT NULL,
    on_hand_after  INT          NOT NULL,
    reference_type VARCHAR(20)  NULL,
    reference_id   CHAR(36)     NULL,
    note           VARCHAR(500) NULL,
    actor          VARCHAR(100) NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_inventory_movement_stock FOREIGN KEY (warehouse_id, product_id)
        REFERENCES stock_level (warehouse_id, product_id),
    CONSTRAINT ck_inventory_movement_quantity CHECK (quantity <> 0),
    INDEX ix_inventory_movement_stock (warehouse_id, product_id, id),
    INDEX ix_inventory_movement_reference (reference_type, reference_id)
);

-- What the saga holds for an order, per line and warehouse. RESERVED until the order ships (SHIPPED) or is
-- cancelled (RELEASED).
CREATE TABLE stock_reservation (
    order_id     CHAR(36)    NOT NULL,
    line_no      INT         NOT NULL,
    warehouse_id CHAR(36)    NOT NULL,
    product_id   CHAR(36)    NOT NULL,
    quantity     INT         NOT NULL,
    status       VARCHAR(10) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id, line_no, warehouse_id),
    CONSTRAINT fk_stock_reservation_stock FOREIGN KEY (warehouse_id, product_id)
        REFERENCES stock_level (warehouse_id, product_id),
    CONSTRAINT ck_stock_reservation_quantity CHECK (quantity > 0),
    INDEX ix_stock_reservation_status (status, created_at)
);
