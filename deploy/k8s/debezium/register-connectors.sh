#!/bin/sh
# Registers every connector of deploy/debezium/connectors with Kafka Connect and waits until each one runs.
# Each <name>.json is the body of PUT /connectors/<name>/config, so running this again updates in place.
#
#   register-connectors.sh              register, then wait until every connector and its tasks are RUNNING
#   register-connectors.sh --wait-only  only wait (init container of the services)
#
# Waiting matters: the connectors use snapshot.mode=no_data and start reading the binlog where it is when their
# task starts, so a service that writes earlier loses those events. Run by docker-compose.yml (connect-init)
# and by Kubernetes (Job register-connectors, init container of every service); POSIX sh + curl only.
# Limit: Connect reports RUNNING a moment before Debezium has read its start position (the embedded stack also
# waits for the binlog reader in MySQL's process list, which needs database credentials this script does not
# have). A service takes seconds to boot before it can write, which covers that moment but does not prove it.
#
# Environment: CONNECT_URL (required), CONNECTORS_DIR (default /connectors), TIMEOUT_SECONDS (default 600).
set -eu

connect_url=${CONNECT_URL:?CONNECT_URL must be set, e.g. http://connect:8083}
connectors_dir=${CONNECTORS_DIR:-/connectors}
timeout_seconds=${TIMEOUT_SECONDS:-600}
deadline=$(( $(date +%s) + timeout_seconds ))

retry_or_give_up() {
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "Gave up after ${timeout_seconds}s: $1" >&2
    exit 1
  fi
  sleep 3
}

register() {
  name=$1
  file=$2
  while :; do
    # Everything but 200/201 is retried: Connect answers 409 while its group rebalances, and 400 while the
    # connector cannot reach the database yet (validation connects to it).
    answer=$(curl -sS -X PUT -H 'Content-Type: application/json' --data-binary "@$file" \
      -w '\n%{http_code}' "$connect_url/connectors/$name/config" 2>&1) || true
    status=$(printf '%s\n' "$answer" | tail -n 1)
    case "$status" in
      200|201) echo "Registered connector $name"; return 0 ;;
    esac
    echo "Connector $name: Connect answered ${status:-nothing}, retrying"
    retry_or_give_up "connector $name was not accepted; last answer: $answer"
  done
}

# True when the connector and at least one task are RUNNING and nothing else is; exits on FAILED, because a
# failed connector stays failed until someone reads its trace and fixes the cause.
running() {
  report=$(curl -fsS "$connect_url/connectors/$1/status" 2>/dev/null) || return 1
  case "$report" in
    *'"state":"FAILED"'*) echo "Connector $1 failed: $report" >&2; exit 1 ;;
  esac
  states=$(printf '%s' "$report" | grep -o '"state":"[A-Z_]*"' || true)
  [ "$(printf '%s\n' "$states" | grep -c RUNNING)" -ge 2 ] && ! printf '%s\n' "$states" | grep -qv RUNNING
}

set -- "${1:-}"
found=false
for file in "$connectors_dir"/*.json; do
  [ -e "$file" ] || continue
  found=true
  if [ "$1" != --wait-only ]; then
    register "$(basename "$file" .json)" "$file"
  fi
done
if [ "$found" = false ]; then
  echo "No connector configs (*.json) in $connectors_dir" >&2
  exit 1
fi

for file in "$connectors_dir"/*.json; do
  name=$(basename "$file" .json)
  until running "$name"; do
    echo "Waiting for connector $name to run"
    retry_or_give_up "connector $name is not running"
  done
  echo "Connector $name is running"
done
