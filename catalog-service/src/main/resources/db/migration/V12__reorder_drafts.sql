-- Drafts from insights-service's reorder suggestions (insights.reorder): at most one purchase order per product and
-- warehouse is open because of a suggestion. The primary key is the guarantee, not a check before an insert: two
-- suggestions handled at once both try to insert the row and one fails (its consumer retries and then finds the
-- open draft); a later suggestion locks the row (SELECT ... FOR UPDATE) and replaces the order only once the one it
-- names is RECEIVED or CANCELLED. Runs unchanged on MySQL 8.4 and MariaDB 11.4.
CREATE TABLE reorder_draft (
    product_id        CHAR(36)    NOT NULL,
    warehouse_id      CHAR(36)    NOT NULL,
    -- The purchase order last drafted for this product and warehouse from a suggestion.
    purchase_order_id CHAR(36)    NOT NULL,
    suggestion_id     CHAR(36)    NOT NULL,
    drafted_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id, warehouse_id),
    CONSTRAINT fk_reorder_draft_order FOREIGN KEY (purchase_order_id) REFERENCES purchase_order (id),
    CONSTRAINT fk_reorder_draft_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_reorder_draft_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id)
);
