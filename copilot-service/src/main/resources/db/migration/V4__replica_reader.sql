-- copilot_reader, the user the questions' SQL runs as (datasource "replica"), may SELECT the replica's tables and
-- nothing else: not order_refund, the inbox, the outbox or any later table, and no other schema. The user itself
-- comes from deploy/mysql/platform-init.sql, which lets copilot pass on what it holds in its own schema (GRANT OPTION):
-- a table-level grant needs the table to exist (unless it includes CREATE) on MySQL 8.4 and MariaDB 11.4 alike, so the
-- grants follow the tables here. Unqualified names: the migration's schema. A new replica table adds its grant here.
GRANT SELECT ON dim_date TO 'copilot_reader'@'%';
GRANT SELECT ON dim_category TO 'copilot_reader'@'%';
GRANT SELECT ON dim_product TO 'copilot_reader'@'%';
GRANT SELECT ON dim_customer TO 'copilot_reader'@'%';
GRANT SELECT ON fact_order TO 'copilot_reader'@'%';
GRANT SELECT ON fact_order_line TO 'copilot_reader'@'%';
