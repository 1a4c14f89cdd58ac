-- Retention of the audit trail (7 years, by whole monthly partitions) and the legal holds that block it (the seed's
-- legal_hold_tracking). compliance-service README "Audit trail", "Retention and legal holds".

-- A legal hold: entries it covers survive the purge of their partition (copied to audit_entry_held first). Its scope
-- is a subject ("customer:<id>"), an entity (schema and table, optionally one row's key) and/or a commit-time range;
-- every part given must match. Never deleted: a hold is released (released_by/at), and its history stays.
-- In compliance (mutable: release sets two columns); its creation and release are entries of the chain as well.
CREATE TABLE legal_hold (
    id             CHAR(36)      NOT NULL,
    case_reference VARCHAR(100)  NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    subject        VARCHAR(80)   NULL,
    schema_name    VARCHAR(64)   NULL,
    table_name     VARCHAR(64)   NULL,
    entity_key     VARCHAR(500)  NULL,
    committed_from DATETIME(6)   NULL,
    committed_to   DATETIME(6)   NULL,
    created_by     VARCHAR(200)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    released_by    VARCHAR(200)  NULL,
    released_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    INDEX ix_legal_hold_created (created_at),
    INDEX ix_legal_hold_released (released_at)
);

-- Entries a legal hold kept when their partition was dropped: the same columns as audit_entry, not partitioned (a
-- hold outlives the retention of its month), append-only like the rest of compliance_audit. Their hashes are the
-- originals', so each still recomputes from its own content.
CREATE TABLE compliance_audit.audit_entry_held (
    seq             BIGINT        NOT NULL,
    recorded_at     DATETIME(6)   NOT NULL,
    content_seq     BIGINT        NOT NULL,
    schema_name     VARCHAR(64)   NOT NULL,
    table_name      VARCHAR(64)   NOT NULL,
    op              CHAR(1)       NOT NULL,
    entity_key      VARCHAR(500)  NOT NULL,
    subject         VARCHAR(80)   NULL,
    before_image    MEDIUMTEXT    NULL,
    after_image     MEDIUMTEXT    NULL,
    changed_columns VARCHAR(4000) NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    via             VARCHAR(20)   NOT NULL,
    committed_at    DATETIME(6)   NOT NULL,
    bulk_group      VARCHAR(120)  NOT NULL,
    event_order     BIGINT        NOT NULL,
    source_server   BIGINT        NOT NULL,
    binlog_file     VARCHAR(100)  NOT NULL,
    binlog_pos      BIGINT        NOT NULL,
    row_index       INT           NOT NULL,
    prev_hash       CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL,
    PRIMARY KEY (seq),
    INDEX ix_audit_entry_held_entity (schema_name, table_name, entity_key(190)),
    INDEX ix_audit_entry_held_subject (subject)
);

-- One row per purge that dropped partitions, written (append-only) before they are dropped: what went, the seq range,
-- and the anchor, the hash of the last purged entry, from which verify checks the chain that remains. entry_seq is
-- the purge's own entry in the chain, whose content repeats the anchor.
CREATE TABLE compliance_audit.audit_purge (
    id          CHAR(36)      NOT NULL,
    purged_at   DATETIME(6)   NOT NULL,
    run_by      VARCHAR(200)  NOT NULL,
    cutoff      DATETIME(6)   NOT NULL,
    partitions  VARCHAR(4000) NOT NULL,
    first_seq   BIGINT        NULL,
    last_seq    BIGINT        NULL,
    entry_count BIGINT        NOT NULL,
    held_count  BIGINT        NOT NULL,
    anchor_hash CHAR(64)      NULL,
    entry_seq   BIGINT        NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_purge_last_seq (last_seq),
    INDEX ix_audit_purge_purged_at (purged_at)
);
