-- What catalog-service has learned of an order's end (OrderCancelled, OrderShipped, OrderReturned), so that an
-- OrderPlaced delivered after its order was cancelled (a re-driven message) reserves nothing, and the reservation
-- reconciliation can release units still held for an order that has ended.
CREATE TABLE order_outcome (
    order_id    CHAR(36)    NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id),
    CONSTRAINT ck_order_outcome CHECK (outcome IN ('CANCELLED', 'SHIPPED', 'RETURNED'))
);
-- The reconciliation finds RESERVED reservations through ix_stock_reservation_status (V3).
