-- Purchasing: suppliers, purchase orders with their lines, and the receipts that book arrived goods into the
-- inventory ledger. Ids CHAR(36), times DATETIME(6) in UTC, as in V2-V6. Every statement runs unchanged on MySQL 8.4
-- and MariaDB 11.4; both enforce the CHECKs. (V7 belongs to product search, developed at the same time.)

CREATE TABLE supplier (
    id             CHAR(36)     NOT NULL,
    name           VARCHAR(200) NOT NULL,
    -- Stored trimmed and lower-cased by the service, so the key is case-insensitive under any collation.
    email          VARCHAR(254) NOT NULL,
    country        CHAR(2)      NOT NULL,
    -- Days from order to arrival, usually; a purchase order without an expected date gets today + this.
    lead_time_days INT          NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_supplier_email UNIQUE (email),
    CONSTRAINT ck_supplier_status CHECK (status IN ('ACTIVE', 'INACTIVE')),
    CONSTRAINT ck_supplier_lead_time CHECK (lead_time_days BETWEEN 0 AND 365),
    INDEX ix_supplier_name (name)
);

-- The last purchase order number given out per year (PO-2026-000123). Bumped with
-- INSERT ... ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1), which both flavours support and
-- which needs no locking read of a possibly missing row (a gap lock). YEAR is a keyword, hence order_year.
CREATE TABLE purchase_order_counter (
    order_year  INT NOT NULL,
    last_number INT NOT NULL,
    PRIMARY KEY (order_year),
    CONSTRAINT ck_purchase_order_counter_number CHECK (last_number > 0)
);

CREATE TABLE purchase_order (
    id             CHAR(36)      NOT NULL,
    po_number      VARCHAR(20)   NOT NULL,
    supplier_id    CHAR(36)      NOT NULL,
    -- Where the goods are received, and so where the ledger books them.
    warehouse_id   CHAR(36)      NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    currency       CHAR(3)       NOT NULL,
    expected_on    DATE          NULL,
    notes          VARCHAR(2000) NULL,
    -- Sum of quantity ordered x unit cost, and of what the receipts booked at their actual cost.
    total_ordered  DECIMAL(14,2) NOT NULL,
    total_received DECIMAL(14,2) NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    submitted_at   DATETIME(6)   NULL,
    submitted_by   VARCHAR(100)  NULL,
    approved_at    DATETIME(6)   NULL,
    approved_by    VARCHAR(100)  NULL,
    -- When and by whom the order became RECEIVED: the receipt that completed it, or a close short.
    received_at    DATETIME(6)   NULL,
    received_by    VARCHAR(100)  NULL,
    cancelled_at   DATETIME(6)   NULL,
    cancelled_by   VARCHAR(100)  NULL,
    -- Why it was last returned for changes, cancelled or closed short.
    status_note    VARCHAR(500)  NULL,
    version        BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_purchase_order_number UNIQUE (po_number),
    CONSTRAINT fk_purchase_order_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id),
    CONSTRAINT fk_purchase_order_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id),
    CONSTRAINT ck_purchase_order_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_RECEIVED',
        'RECEIVED', 'CANCELLED')),
    CONSTRAINT ck_purchase_order_totals CHECK (total_ordered >= 0 AND total_received >= 0),
    CONSTRAINT ck_purchase_order_submitted CHECK ((submitted_at IS NULL) = (submitted_by IS NULL)
        AND (status = 'DRAFT' OR status = 'CANCELLED' OR submitted_at IS NOT NULL)),
    CONSTRAINT ck_purchase_order_approved CHECK ((approved_at IS NULL) = (approved_by IS NULL)
        AND (status NOT IN ('APPROVED', 'PARTIALLY_RECEIVED', 'RECEIVED') OR approved_at IS NOT NULL)),
    CONSTRAINT ck_purchase_order_received CHECK ((received_at IS NULL) = (received_by IS NULL)
        AND ((status = 'RECEIVED') = (received_at IS NOT NULL))),
    CONSTRAINT ck_purchase_order_cancelled CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)
        AND ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))),
    -- The lists: newest first, optionally by status, supplier or warehouse.
    INDEX ix_purchase_order_created (created_at),
    INDEX ix_purchase_order_status_created (status, created_at),
    INDEX ix_purchase_order_supplier_created (supplier_id, created_at),
    INDEX ix_purchase_order_warehouse_created (warehouse_id, created_at)
);

-- One line per product (a receipt names the product, not the line). Rewritten as a whole when the order changes.
CREATE TABLE purchase_order_line (
    purchase_order_id CHAR(36)      NOT NULL,
    line_no           INT           NOT NULL,
    product_id        CHAR(36)      NOT NULL,
    quantity_ordered  INT           NOT NULL,
    unit_cost         DECIMAL(12,2) NOT NULL,
    -- Running sums over the receipts: units, and their value at the receipts' actual unit costs.
    quantity_received INT           NOT NULL,
    cost_received     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (purchase_order_id, line_no),
    CONSTRAINT uk_purchase_order_line_product UNIQUE (purchase_order_id, product_id),
    CONSTRAINT fk_purchase_order_line_order FOREIGN KEY (purchase_order_id) REFERENCES purchase_order (id),
    CONSTRAINT fk_purchase_order_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_purchase_order_line_quantities CHECK (line_no >= 1 AND quantity_ordered > 0
        AND quantity_received >= 0),
    CONSTRAINT ck_purchase_order_line_costs CHECK (unit_cost >= 0 AND cost_received >= 0),
    INDEX ix_purchase_order_line_product (product_id)
);

-- A delivery booked against a purchase order. Append-only, like the ledger its lines point to.
CREATE TABLE purchase_order_receipt (
    id                CHAR(36)     NOT NULL,
    purchase_order_id CHAR(36)     NOT NULL,
    note              VARCHAR(500) NULL,
    received_by       VARCHAR(100) NOT NULL,
    received_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_purchase_order_receipt_order FOREIGN KEY (purchase_order_id) REFERENCES purchase_order (id),
    INDEX ix_purchase_order_receipt_order (purchase_order_id, received_at)
);

CREATE TABLE purchase_order_receipt_line (
    receipt_id  CHAR(36)      NOT NULL,
    product_id  CHAR(36)      NOT NULL,
    quantity    INT           NOT NULL,
    -- What the supplier charged per unit for this delivery; the line's ordered cost unless the receipt said otherwise.
    unit_cost   DECIMAL(12,2) NOT NULL,
    -- The RECEIPT row of the inventory ledger this line booked.
    movement_id BIGINT        NOT NULL,
    PRIMARY KEY (receipt_id, product_id),
    CONSTRAINT fk_purchase_order_receipt_line_receipt FOREIGN KEY (receipt_id) REFERENCES purchase_order_receipt (id),
    CONSTRAINT fk_purchase_order_receipt_line_movement FOREIGN KEY (movement_id) REFERENCES inventory_movement (id),
    CONSTRAINT uk_purchase_order_receipt_line_movement UNIQUE (movement_id),
    CONSTRAINT ck_purchase_order_receipt_line_quantity CHECK (quantity > 0 AND unit_cost >= 0)
);
