#!/bin/bash
# Run by the official MySQL image on first start (mounted at /docker-entrypoint-initdb.d). Fills the password
# placeholders of /platform/platform-init.sql from the environment and runs it; fails if one is missing.
set -euo pipefail
sql=$(cat /platform/platform-init.sql)
for name in CATALOG_DB_PASSWORD ORDERS_DB_PASSWORD INSIGHTS_DB_PASSWORD COMPLIANCE_DB_PASSWORD \
            COPILOT_DB_PASSWORD DEBEZIUM_DB_PASSWORD; do
  value="${!name:?$name must be set}"
  sql=${sql//\$\{$name\}/$value}
done
docker_process_sql <<<"$sql"
