-- The messaging tables every service has (see platform/service-kit). Owned by this service's schema like every
-- other table; their shape must match deploy/debezium/connectors/outbox.json.

-- Rows live for the duration of their transaction only: the service inserts and deletes each event in the
-- transaction of the change it describes; Debezium reads the insert from the binlog.
CREATE TABLE outbox_event (
    id             CHAR(36)     NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    -- The JSON envelope, byte for byte as it goes on the wire. MEDIUMTEXT, not JSON: MySQL's JSON type would
    -- reorder keys and reformat numbers, MariaDB's would not, and the wire format must not depend on the flavour.
    payload        MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (id)
);

-- Events this service's consumers have applied, written in the transaction of the effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id),
    INDEX ix_processed_event_processed_at (processed_at)
);
