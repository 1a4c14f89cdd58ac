-- Staff reads of a customer's personal data, for the audit trail (servicekit audit.PersonalDataReads). Like
-- outbox_event, a row lives for the duration of its transaction only: the insert reaches the binlog with the reader's
-- actor comment (ec-actor:...) and the audit connector captures it as audit.orders.personal_data_read; the table
-- itself stays empty. The same statement on MySQL 8.4 and MariaDB 11.4 (FIELDS is a keyword on both, not reserved).
CREATE TABLE personal_data_read (
    id           CHAR(36)     NOT NULL,
    -- Whose data: 'customer' here (catalog-service records 'vendor').
    subject_type VARCHAR(20)  NOT NULL,
    subject_id   CHAR(36)     NOT NULL,
    -- What was read: a resource name ('customer', 'customer.addresses', 'order', ...) and its fields, comma-separated.
    resource     VARCHAR(100) NOT NULL,
    fields       VARCHAR(500) NOT NULL,
    read_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
