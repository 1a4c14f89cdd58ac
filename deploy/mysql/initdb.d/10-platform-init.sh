#!/bin/bash
# Run by the official MySQL image on first start (mounted at /docker-entrypoint-initdb.d). Fills the password
# placeholders of /platform/platform-init.sql from the environment and runs it; fails if one is missing.
# The image runs executable scripts as their own process, so its docker_process_sql function is not available:
# the mysql client is called directly, with the root password passed in a file descriptor, not on the command line.
set -eo pipefail
sql=$(cat /platform/platform-init.sql)
for name in CATALOG_DB_PASSWORD ORDERS_DB_PASSWORD INSIGHTS_DB_PASSWORD COMPLIANCE_DB_PASSWORD \
            COPILOT_DB_PASSWORD DEBEZIUM_DB_PASSWORD COMPLIANCE_RETENTION_DB_PASSWORD \
            COPILOT_READER_DB_PASSWORD; do
  value="${!name:?$name must be set}"
  sql=${sql//\$\{$name\}/$value}
done
mysql --defaults-extra-file=<(printf '[client]\npassword="%s"\n' "$MYSQL_ROOT_PASSWORD") --protocol=socket -uroot <<<"$sql"
