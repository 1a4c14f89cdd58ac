-- The seed's compliance_checks: every run of a check (PCI scans, GDPR retention, ...), scheduled or on demand, with
-- its status, what it looked at (evidence, JSON) and when. Runs are kept: they are what an assessor asks to see.
CREATE TABLE compliance_check_run (
    id           CHAR(36)      NOT NULL,
    check_name   VARCHAR(60)   NOT NULL,
    -- SCHEDULED or ON_DEMAND; requested_by is the officer, or the service itself for a scheduled run.
    trigger_kind VARCHAR(10)   NOT NULL,
    requested_by VARCHAR(200)  NOT NULL,
    -- PASS, FAIL (findings) or ERROR (the check itself could not run: the evidence says why).
    status       VARCHAR(10)   NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    -- JSON. MEDIUMTEXT rather than JSON: MariaDB's JSON is an alias of LONGTEXT, MySQL's a binary type; the service
    -- writes and reads it whole, so the plain text type behaves the same on both.
    evidence     MEDIUMTEXT    NOT NULL,
    started_at   DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_check_run_check (check_name, started_at),
    INDEX ix_check_run_status (status, started_at)
);

-- What a check found, one alert per check and place (a card number in a column of a row, an overdue request): found
-- again by a later run, the same alert is seen again (times_seen) rather than raised twice; a run that no longer finds
-- it resolves it (resolved_at), and a later finding opens it again. An officer's acknowledgement (seen, being dealt
-- with) stays. detail never holds the finding itself (a card number is masked to its last four).
CREATE TABLE compliance_alert (
    id               CHAR(36)      NOT NULL,
    check_name       VARCHAR(60)   NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    -- SHA-256 of subject: a unique key over a long text (MySQL's index key length limit).
    subject_hash     CHAR(64)      NOT NULL,
    detail           VARCHAR(1000) NOT NULL,
    first_run_id     CHAR(36)      NOT NULL,
    last_run_id      CHAR(36)      NOT NULL,
    raised_at        DATETIME(6)   NOT NULL,
    last_seen_at     DATETIME(6)   NOT NULL,
    times_seen       INT           NOT NULL,
    resolved_at      DATETIME(6)   NULL,
    acknowledged_at  DATETIME(6)   NULL,
    acknowledged_by  VARCHAR(200)  NULL,
    acknowledgement  VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_compliance_alert_subject (check_name, subject_hash),
    INDEX ix_compliance_alert_state (resolved_at, raised_at)
);
