-- Supply: catalog-service's purchase orders as catalog.purchase-order carries them (PurchaseOrderChanged, each event
-- the order's full state), newer version wins (service-kit Replicas). Read by GET /reports/supply (open orders,
-- on order, receipts, variance) and by the reorder job (on order, supplier lead time). Ids CHAR(36), times
-- DATETIME(6) in UTC, as in V2. Every statement runs unchanged on MySQL 8.4 and MariaDB 11.4.
CREATE TABLE purchase_order_fact (
    purchase_order_id CHAR(36)      NOT NULL,
    po_number         VARCHAR(20)   NOT NULL,
    supplier_id       CHAR(36)      NOT NULL,
    -- The supplier's lead time when the order last changed: the reorder job's L.
    lead_time_days    INT           NOT NULL,
    warehouse_id      CHAR(36)      NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    currency          CHAR(3)       NOT NULL,
    expected_on       DATE          NULL,
    total_ordered     DECIMAL(14,2) NOT NULL,
    total_received    DECIMAL(14,2) NOT NULL,
    ordered_at        DATETIME(6)   NOT NULL,
    submitted_at      DATETIME(6)   NULL,
    approved_at       DATETIME(6)   NULL,
    received_at       DATETIME(6)   NULL,
    cancelled_at      DATETIME(6)   NULL,
    -- catalog-service's version of the order, the event it came with, when this replica took it.
    version           BIGINT        NOT NULL,
    last_event_id     CHAR(36)      NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (purchase_order_id),
    INDEX ix_purchase_order_fact_status (status),
    INDEX ix_purchase_order_fact_received (received_at)
);

-- Its lines, rewritten with the order on every newer snapshot.
CREATE TABLE purchase_order_line_fact (
    purchase_order_id CHAR(36)      NOT NULL,
    line_no           INT           NOT NULL,
    product_id        CHAR(36)      NOT NULL,
    quantity_ordered  INT           NOT NULL,
    quantity_received INT           NOT NULL,
    -- Ordered cost per unit; what the received units cost at the receipts' unit costs.
    unit_cost         DECIMAL(12,2) NOT NULL,
    cost_received     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (purchase_order_id, line_no),
    INDEX ix_purchase_order_line_fact_product (product_id)
);
