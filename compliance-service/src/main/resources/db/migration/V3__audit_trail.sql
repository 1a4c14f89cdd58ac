-- The audit trail (seed 003: data_change_audit, bulk_operation_audit): every captured row change of the sensitive
-- tables of orders and catalog (deploy/debezium/connectors/audit.json), stored once, append-only, hash-chained.
--
-- The append-only tables live in their own schema, compliance_audit, on which compliance's database user has
-- SELECT, INSERT, CREATE, ALTER, INDEX and REFERENCES but no UPDATE or DELETE (deploy/mysql/platform-init.sql): a
-- schema-level grant is the only way to withhold those from some tables, as neither MySQL nor MariaDB can subtract
-- a table from a schema-level ALL. Flyway, running as compliance, creates them by qualified name. What must change
-- (the head of the chain, the subject keys that erasure destroys, the bulk counters) stays in compliance.

-- One row per change. seq is the position in the chain: gapless, never reused, assigned from audit_head under its
-- row lock, never by AUTO_INCREMENT (which leaves gaps on rollback and may reuse values after a restart).
-- Partitioned by month of recorded_at (RANGE COLUMNS, the same syntax on MySQL 8.4 and MariaDB 11.4), so the 7-year
-- retention drops whole months; the partition column must be part of every unique key, hence the primary key
-- (seq, recorded_at), and the "stored once" key lives in audit_source_position, which is not partitioned.
-- Images are MEDIUMTEXT, not JSON: MySQL's JSON type re-serialises documents (key order, spacing), and the hash covers
-- the exact text (MariaDB's JSON is LONGTEXT anyway).
CREATE TABLE compliance_audit.audit_entry (
    seq             BIGINT        NOT NULL,
    recorded_at     DATETIME(6)   NOT NULL,
    -- The sequence the content was written with: equal to seq unless rows were moved (verify: OUT_OF_ORDER).
    content_seq     BIGINT        NOT NULL,
    schema_name     VARCHAR(64)   NOT NULL,
    table_name      VARCHAR(64)   NOT NULL,
    op              CHAR(1)       NOT NULL,
    -- The row's primary key as canonical JSON ({"id":"..."}): the entity of the change.
    entity_key      VARCHAR(500)  NOT NULL,
    -- The customer (or vendor) the change is about, "customer:<id>": whose key encrypts its personal data.
    subject         VARCHAR(80)   NULL,
    before_image    MEDIUMTEXT    NULL,
    after_image     MEDIUMTEXT    NULL,
    changed_columns VARCHAR(4000) NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    via             VARCHAR(20)   NOT NULL,
    committed_at    DATETIME(6)   NOT NULL,
    -- The source transaction (Debezium's transaction id: the GTID) and the change's place in it (total_order).
    bulk_group      VARCHAR(120)  NOT NULL,
    event_order     BIGINT        NOT NULL,
    source_server   BIGINT        NOT NULL,
    binlog_file     VARCHAR(100)  NOT NULL,
    binlog_pos      BIGINT        NOT NULL,
    row_index       INT           NOT NULL,
    prev_hash       CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL,
    PRIMARY KEY (seq, recorded_at),
    INDEX ix_audit_entry_entity (schema_name, table_name, entity_key(190)),
    INDEX ix_audit_entry_actor (actor(100), seq),
    INDEX ix_audit_entry_committed (committed_at),
    INDEX ix_audit_entry_subject (subject)
)
PARTITION BY RANGE COLUMNS (recorded_at) (
    PARTITION p202601 VALUES LESS THAN ('2026-02-01'),
    PARTITION p202602 VALUES LESS THAN ('2026-03-01'),
    PARTITION p202603 VALUES LESS THAN ('2026-04-01'),
    PARTITION p202604 VALUES LESS THAN ('2026-05-01'),
    PARTITION p202605 VALUES LESS THAN ('2026-06-01'),
    PARTITION p202606 VALUES LESS THAN ('2026-07-01'),
    PARTITION p202607 VALUES LESS THAN ('2026-08-01'),
    PARTITION p202608 VALUES LESS THAN ('2026-09-01'),
    PARTITION p202609 VALUES LESS THAN ('2026-10-01'),
    PARTITION p202610 VALUES LESS THAN ('2026-11-01'),
    PARTITION p202611 VALUES LESS THAN ('2026-12-01'),
    PARTITION p202612 VALUES LESS THAN ('2027-01-01'),
    PARTITION p202701 VALUES LESS THAN ('2027-02-01'),
    PARTITION p202702 VALUES LESS THAN ('2027-03-01'),
    PARTITION p202703 VALUES LESS THAN ('2027-04-01'),
    PARTITION p202704 VALUES LESS THAN ('2027-05-01'),
    PARTITION p202705 VALUES LESS THAN ('2027-06-01'),
    PARTITION p202706 VALUES LESS THAN ('2027-07-01'),
    PARTITION p202707 VALUES LESS THAN ('2027-08-01'),
    PARTITION p202708 VALUES LESS THAN ('2027-09-01'),
    PARTITION p202709 VALUES LESS THAN ('2027-10-01'),
    PARTITION p202710 VALUES LESS THAN ('2027-11-01'),
    PARTITION p202711 VALUES LESS THAN ('2027-12-01'),
    PARTITION p202712 VALUES LESS THAN ('2028-01-01'),
    PARTITION pmax VALUES LESS THAN (MAXVALUE)
);

-- Where each stored change came from: Debezium delivers at least once, so a redelivered change finds itself here and
-- is not stored a second time. The key is the source server, the transaction and the change's place in it
-- (provide.transaction.metadata), not binlog file/position/row: source.pos is the transaction's position and
-- source.row restarts with every rows event, so the rows of one large statement repeat (file, pos, row).
CREATE TABLE compliance_audit.audit_source_position (
    source_server  BIGINT       NOT NULL,
    transaction_id VARCHAR(120) NOT NULL,
    event_order    BIGINT       NOT NULL,
    seq            BIGINT       NOT NULL,
    PRIMARY KEY (source_server, transaction_id, event_order)
);

-- Signed checkpoints: Ed25519 over (seq, hash, taken_at), so a chain recomputed from some entry on (every hash
-- consistent again) still disagrees with what was signed before. The public key is published with them.
CREATE TABLE compliance_audit.audit_checkpoint (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    seq        BIGINT       NOT NULL,
    hash       CHAR(64)     NOT NULL,
    taken_at   DATETIME(6)  NOT NULL,
    -- Base64 of the 64-byte Ed25519 signature over AuditCheckpoints.signedText(seq, hash, taken_at).
    signature  VARCHAR(100) NOT NULL,
    -- SHA-256 (hex) of the public key (X.509 DER) that signed it: key rotation keeps old checkpoints checkable.
    key_id     CHAR(64)     NOT NULL,
    public_key VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_checkpoint_seq (seq)
);

-- The head of the chain: the last sequence and hash. Each batch locks it (SELECT ... FOR UPDATE), appends, and moves
-- it in the same transaction, so sequences are gapless and the chain has one writer at a time.
CREATE TABLE audit_head (
    id        TINYINT     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash CHAR(64)    NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash, updated_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', UTC_TIMESTAMP(6));

-- Per subject (customer or vendor) the AES-256 key that encrypts the personal-data fields of its entries.
-- Crypto-shredding (erasure) sets key_material to NULL: the ciphertext stays (the hash covers it), unreadable.
CREATE TABLE audit_subject_key (
    subject      VARCHAR(80)   NOT NULL,
    key_material VARBINARY(32) NULL,
    created_at   DATETIME(6)   NOT NULL,
    shredded_at  DATETIME(6)   NULL,
    PRIMARY KEY (subject)
);

-- The seed's bulk_operation_audit: the changes of one source transaction share a group; one row per group.
CREATE TABLE bulk_operation_audit (
    bulk_group  VARCHAR(120) NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    request_id  VARCHAR(200) NOT NULL,
    entry_count INT          NOT NULL,
    first_seq   BIGINT       NOT NULL,
    last_seq    BIGINT       NOT NULL,
    tables      VARCHAR(1000) NOT NULL,
    committed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (bulk_group),
    INDEX ix_bulk_operation_actor (actor(100))
);
