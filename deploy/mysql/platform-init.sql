-- Schemas and users of the platform. One schema per service; each service's user can reach only its own
-- schema; Debezium's user can read the binlog. Used as it is by the embedded stack (MariaDB 11.4) and by
-- docker-compose / Kubernetes (MySQL 8.4): the dollar-brace placeholders are passwords, filled in from the environment
-- (initdb.d/10-platform-init.sh) or by the embedded stack; none is ever written here.
-- Idempotent, so it can run on every start.

CREATE DATABASE IF NOT EXISTS catalog    CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS orders     CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS insights   CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS compliance CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS copilot    CHARACTER SET utf8mb4;
-- compliance-service's audit trail: append-only, so its user gets no UPDATE or DELETE there (below).
CREATE DATABASE IF NOT EXISTS compliance_audit CHARACTER SET utf8mb4;

CREATE USER IF NOT EXISTS 'catalog'@'%'    IDENTIFIED BY '${CATALOG_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'orders'@'%'     IDENTIFIED BY '${ORDERS_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'insights'@'%'   IDENTIFIED BY '${INSIGHTS_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'compliance'@'%' IDENTIFIED BY '${COMPLIANCE_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'copilot'@'%'    IDENTIFIED BY '${COPILOT_DB_PASSWORD}';
-- compliance-service's retention purge: drops expired monthly partitions of the audit trail, nothing else (below).
CREATE USER IF NOT EXISTS 'compliance_retention'@'%' IDENTIFIED BY '${COMPLIANCE_RETENTION_DB_PASSWORD}';
-- copilot-service runs the SQL of its questions as this user: SELECT on the analytic replica's tables only (below).
CREATE USER IF NOT EXISTS 'copilot_reader'@'%' IDENTIFIED BY '${COPILOT_READER_DB_PASSWORD}';

-- Everything inside the own schema (Flyway creates and alters its tables), nothing outside it.
GRANT ALL PRIVILEGES ON catalog.*    TO 'catalog'@'%';
GRANT ALL PRIVILEGES ON orders.*     TO 'orders'@'%';
GRANT ALL PRIVILEGES ON insights.*   TO 'insights'@'%';
GRANT ALL PRIVILEGES ON compliance.* TO 'compliance'@'%';
GRANT ALL PRIVILEGES ON copilot.*    TO 'copilot'@'%';
-- The audit trail (compliance-service V3__audit_trail.sql): Flyway creates and alters its tables, the service appends
-- and reads; no UPDATE, DELETE or DROP, so not even compliance-service can rewrite or remove an entry. Neither flavour
-- can take one table out of a schema-level ALL, hence a schema of its own. Same statement on MySQL 8.4 and MariaDB.
GRANT SELECT, INSERT, CREATE, ALTER, INDEX, REFERENCES ON compliance_audit.* TO 'compliance'@'%';
-- The retention purge (compliance-service AuditRetention) drops whole monthly partitions of the entry table once
-- they are 7 years old: ALTER TABLE ... DROP PARTITION needs ALTER and DROP on the table (and ALTER TABLE also CREATE
-- and INSERT, on both flavours), so a user apart from compliance holds them, on that one table only. CREATE is also
-- what lets both MySQL 8.4 and MariaDB 11.4 grant on a table that does not exist yet (Flyway creates it later).
GRANT ALTER, CREATE, INSERT, DROP ON compliance_audit.audit_entry TO 'compliance_retention'@'%';
-- copilot_reader may SELECT the replica's tables (dim_*, fact_*) and nothing else: not the inbox, the outbox, the
-- conversations or any other schema. A table-level grant needs the table to exist unless it includes CREATE (on
-- MySQL 8.4 and MariaDB 11.4 alike), and the tables come later from copilot's Flyway: so copilot may pass on what it
-- holds in its own schema (GRANT OPTION, nothing outside copilot), and its migration V4__replica_reader.sql grants
-- exactly SELECT per replica table to copilot_reader.
GRANT SELECT ON copilot.* TO 'copilot'@'%' WITH GRANT OPTION;

-- Debezium: snapshot reads, the binlog, and the brief global read lock of a schema snapshot.
CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY '${DEBEZIUM_DB_PASSWORD}';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO 'debezium'@'%';
-- MariaDB splits the binlog privileges further; /*M! ... */ runs on MariaDB only, MySQL reads it as a comment.
/*M! GRANT BINLOG MONITOR, REPLICATION SLAVE ADMIN ON *.* TO 'debezium'@'%' */;

FLUSH PRIVILEGES;
