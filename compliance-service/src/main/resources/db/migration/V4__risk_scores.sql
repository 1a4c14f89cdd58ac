-- Customer risk scores (the seed's risk_scores): one rolling score per customer, recomputed in the transaction of
-- each event that bears on it (its orders' fraud assessments, officers' decisions, payment declines and captures,
-- chargebacks, imported labels), and the history of its changes. Written only by compliance-service (package risk).

CREATE TABLE risk_score (
    customer_id    CHAR(36)     NOT NULL,
    score          DECIMAL(4,3) NOT NULL,
    risk_level     VARCHAR(6)   NOT NULL,
    -- Each factor's raw value and contribution in log-odds (JSON object, factor code → {value, logOdds}); MEDIUMTEXT,
    -- not JSON, as everywhere in this schema (MySQL's JSON reorders keys, MariaDB's does not).
    factors        MEDIUMTEXT   NOT NULL,
    -- The event type that last changed the score and its id (null for a label import through the API).
    cause          VARCHAR(40)  NOT NULL,
    cause_event_id CHAR(36)     NULL,
    -- 0 while a first computation holds the row's lock (it is inserted before it is computed, see RiskScores).
    version        BIGINT       NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id),
    INDEX ix_risk_score_level (risk_level, score),
    INDEX ix_risk_score_score (score)
);

-- One row per change of a customer's score or level: before and after, and what caused it.
CREATE TABLE risk_score_history (
    -- AUTO_INCREMENT: the order of changes (both servers hand out increasing values per table).
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id    CHAR(36)     NOT NULL,
    old_score      DECIMAL(4,3) NULL,
    old_level      VARCHAR(6)   NULL,
    new_score      DECIMAL(4,3) NOT NULL,
    new_level      VARCHAR(6)   NOT NULL,
    factors        MEDIUMTEXT   NOT NULL,
    cause          VARCHAR(40)  NOT NULL,
    cause_event_id CHAR(36)     NULL,
    changed_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_risk_score_history_customer (customer_id, id),
    INDEX ix_risk_score_history_cause (cause_event_id)
);
