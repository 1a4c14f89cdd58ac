-- Data-subject requests (GDPR Art. 15 access, Art. 17 erasure): the seed's gdpr_data_request_log, as one request
-- and its progress in every service that holds personal data. Services answer through events
-- (compliance.privacy-request → compliance.privacy-response); nothing here is read from another schema.

CREATE TABLE data_subject_request (
    id           CHAR(36)     NOT NULL,
    customer_id  CHAR(36)     NOT NULL,
    -- ACCESS (Art. 15) or ERASURE (Art. 17)
    type         VARCHAR(8)   NOT NULL,
    -- PENDING until every service answered; then COMPLETED, or FAILED when a service's self-check still found
    -- plaintext personal data after its erasure
    status       VARCHAR(10)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    deadline     DATETIME(6)  NOT NULL,
    completed_at DATETIME(6)  NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_dsr_status (status, type, requested_at),
    INDEX ix_dsr_customer (customer_id, requested_at)
);

-- One row per request and expected service (compliance.privacy.services at the time of the request).
CREATE TABLE data_subject_request_service (
    request_id        CHAR(36)    NOT NULL,
    service           VARCHAR(60) NOT NULL,
    -- PENDING, COMPLETED, FAILED (erasure answered, but its self-check found plaintext)
    status            VARCHAR(10) NOT NULL,
    answered_at       DATETIME(6) NULL,
    -- ACCESS: the service's data about the customer (JSON object). Personal data: an erasure of the same customer
    -- clears it.
    export_data       MEDIUMTEXT  NULL,
    -- ERASURE: what the service erased per table (JSON list of table, action, rows), no values
    evidence          MEDIUMTEXT  NULL,
    columns_scanned   INT         NULL,
    plaintext_matches BIGINT      NULL,
    answer_event_id   CHAR(36)    NULL,
    PRIMARY KEY (request_id, service),
    CONSTRAINT fk_dsr_service_request FOREIGN KEY (request_id) REFERENCES data_subject_request (id)
);
