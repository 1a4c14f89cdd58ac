-- A customer's consent to the processing purposes that need it (GDPR Art. 6(1)(a), 7): the current state per
-- customer and purpose, and every change ever made, the evidence that the person consented (Art. 7(1)). Purpose
-- codes are those of platform/events ConsentPurposes. No personal data: the customer id is a pseudonym, and
-- changed_by names the staff member who changed it on the person's word, or 'customer' when the person did (never
-- the person's login, which may be an e-mail address). The same statements on MySQL 8.4 and MariaDB 11.4.
CREATE TABLE customer_consent (
    customer_id CHAR(36)     NOT NULL,
    purpose     VARCHAR(64)  NOT NULL,
    granted     BOOLEAN      NOT NULL,
    -- customer, support, import or erasure (CustomerConsentChanged.source)
    source      VARCHAR(20)  NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, purpose),
    CONSTRAINT fk_customer_consent_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- Append-only: a change inserts a row, nothing updates or deletes one (the customer's erasure included; see
-- orders-service/README.md "Consent"). The row of the current state and its history row are written in one
-- transaction with the CustomerConsentChanged outbox event.
CREATE TABLE customer_consent_history (
    id          CHAR(36)     NOT NULL,
    customer_id CHAR(36)     NOT NULL,
    purpose     VARCHAR(64)  NOT NULL,
    granted     BOOLEAN      NOT NULL,
    source      VARCHAR(20)  NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    -- The X-Request-Id of the change, to find it in the logs and the audit trail.
    request_id  VARCHAR(100) NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_consent_history_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_customer_consent_history_customer (customer_id, changed_at)
);
