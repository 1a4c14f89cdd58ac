-- What a person said when recording a refund by hand (a chargeback: POST /orders/{id}/chargeback). A plain nullable
-- column added at the end: the same statement on MySQL 8.4 and MariaDB 11.4, instant on both (no table rebuild).
ALTER TABLE payment_refund ADD COLUMN comment VARCHAR(500) NULL;
