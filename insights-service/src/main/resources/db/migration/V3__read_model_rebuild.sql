-- The state of a read-model rebuild (ReadModelRebuild): one row. While rebuilding is set, every live consumer's
-- transaction finds it (under a shared lock, so setting it waits for the transactions in flight) and is retried
-- later, so the replay alone writes the read models until it is done.
CREATE TABLE read_model_state (
    id             INT          NOT NULL,
    rebuilding     BOOLEAN      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    started_at     DATETIME(6)  NULL,
    finished_at    DATETIME(6)  NULL,
    events_applied BIGINT       NOT NULL,
    events_skipped BIGINT       NOT NULL,
    error          VARCHAR(500) NULL,
    PRIMARY KEY (id)
);

INSERT INTO read_model_state (id, rebuilding, status, events_applied, events_skipped)
VALUES (1, FALSE, 'NEVER', 0, 0);
