-- The days whose totals (DailyOrderTotals on orders.totals) were published, one row per UTC day: the scheduled job
-- claims a day by inserting its row (INSERT IGNORE, the primary key decides between instances) in the transaction
-- that adds the event to the outbox, so a day is published once by the schedule however many instances run it. A
-- republish (POST /admin/daily-totals/{day}) sets computed_at and counts itself in publications.
CREATE TABLE daily_totals_checkpoint (
    day          DATE        NOT NULL,
    computed_at  DATETIME(6) NOT NULL,
    publications INT         NOT NULL,
    PRIMARY KEY (day)
);

-- The day's orders by creation time and its refunds by the refunded payment's last change, read by the checkpoint.
CREATE INDEX ix_customer_order_created ON customer_order (created_at);
CREATE INDEX ix_payment_status_updated ON payment (status, updated_at);
