-- The register of processing purposes (GDPR Art. 30(1)(b), 6(1)): why the platform processes personal data, on
-- which lawful basis, and which services process it for that purpose; the consents of the customers (a replica of
-- orders.customer's CustomerConsentChanged); and the answers to the gdpr-consent check's question which customers each
-- service processes for purposes that need consent. The same statements on MySQL 8.4 and MariaDB 11.4.
CREATE TABLE processing_purpose (
    code         VARCHAR(64)  NOT NULL,
    -- CONSENT, CONTRACT, LEGAL_OBLIGATION or LEGITIMATE_INTEREST (Art. 6(1)(a), (b), (c), (f))
    lawful_basis VARCHAR(20)  NOT NULL,
    description  VARCHAR(500) NOT NULL,
    PRIMARY KEY (code)
);

-- The services that process personal data for a purpose; planned: named for a service not running yet.
CREATE TABLE processing_purpose_processor (
    purpose_code VARCHAR(64)  NOT NULL,
    service      VARCHAR(100) NOT NULL,
    planned      BOOLEAN      NOT NULL,
    PRIMARY KEY (purpose_code, service),
    CONSTRAINT fk_processing_purpose_processor FOREIGN KEY (purpose_code) REFERENCES processing_purpose (code)
);

-- The CONSENT codes are platform/events ConsentPurposes, the codes orders-service records consent to
-- (ProcessingPurposesIT holds the two together).
INSERT INTO processing_purpose (code, lawful_basis, description) VALUES
    ('order-fulfilment', 'CONTRACT',
     'Taking, paying, shipping and returning orders; the customer account and address book they need.'),
    ('fraud-prevention', 'LEGITIMATE_INTEREST',
     'Scoring orders for fraud (features, risk scores, the review queue); Recital 47.'),
    ('audit', 'LEGAL_OBLIGATION',
     'The tamper-evident audit trail of changes and staff reads, kept for the retention of the books.'),
    ('marketing-email', 'CONSENT', 'Newsletters and offers by e-mail.'),
    ('personalised-recommendations', 'CONSENT',
     'Product recommendations made from the customer''s own orders and views.'),
    ('profiling-analytics', 'CONSENT',
     'Profiling beyond fulfilment and fraud prevention: segments, lifetime value, behaviour analytics.');

INSERT INTO processing_purpose_processor (purpose_code, service, planned) VALUES
    ('order-fulfilment', 'orders-service', FALSE),
    ('order-fulfilment', 'catalog-service', FALSE),
    ('fraud-prevention', 'compliance-service', FALSE),
    ('audit', 'compliance-service', FALSE),
    ('marketing-email', 'insights-service', TRUE),
    ('personalised-recommendations', 'insights-service', TRUE),
    ('personalised-recommendations', 'copilot-service', TRUE),
    ('profiling-analytics', 'insights-service', TRUE);

-- Each customer's current consent per purpose, from orders.customer; the newest changed_at wins (a compacted topic
-- read from its start, or a redelivery, may bring an older change after a newer one).
CREATE TABLE customer_consent (
    customer_id CHAR(36)    NOT NULL,
    purpose     VARCHAR(64) NOT NULL,
    granted     BOOLEAN     NOT NULL,
    source      VARCHAR(20) NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, purpose)
);

-- One question of the gdpr-consent check to every service (ConsentBasedProcessingRequested), and each service's
-- answer: purpose code → customer ids, as JSON (LONGTEXT rather than JSON: MariaDB's JSON is LONGTEXT anyway).
CREATE TABLE consent_census (
    id           CHAR(36)    NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE consent_census_answer (
    census_id   CHAR(36)     NOT NULL,
    service     VARCHAR(100) NOT NULL,
    customers   LONGTEXT     NOT NULL,
    answered_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (census_id, service),
    CONSTRAINT fk_consent_census_answer FOREIGN KEY (census_id) REFERENCES consent_census (id)
);
