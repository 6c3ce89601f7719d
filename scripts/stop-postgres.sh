#!/usr/bin/env bash
# Stops the throwaway cluster made by start-postgres.sh and deletes its data directory.
#
#   scripts/stop-postgres.sh [DATA_DIR]     # default: the directory recorded in /tmp/lcc-pg-dir
#
# Safe to call twice or when nothing runs: CI calls it from an EXIT trap whatever happened before.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
# LCC_PG_STATE names another state file, so two clusters (the test suite's and a script's) can run side by side.
STATE_FILE="${LCC_PG_STATE:-/tmp/lcc-pg-dir}"
DATA_DIR="${1:-}"
if [[ -z "$DATA_DIR" && -f "$STATE_FILE" ]]; then
    DATA_DIR="$(cat "$STATE_FILE")"
fi
if [[ -z "$DATA_DIR" ]]; then
    echo "stop-postgres: no cluster recorded in $STATE_FILE; nothing to stop" >&2
    exit 0
fi
# Refuse anything start-postgres.sh did not make, so a wrong argument cannot delete a real cluster.
case "$DATA_DIR" in
    /tmp/lcc-pg.*) ;;
    *)
        echo "stop-postgres: $DATA_DIR was not made by start-postgres.sh; refusing" >&2
        exit 1
        ;;
esac

if [[ -f "$DATA_DIR/postmaster.pid" ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 30 stop >&2 || true
    else
        "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 30 stop >&2 || true
    fi
fi
rm -rf -- "$DATA_DIR" "$DATA_DIR.initdb.log"
if [[ -f "$STATE_FILE" && "$(cat "$STATE_FILE")" == "$DATA_DIR" ]]; then
    rm -f "$STATE_FILE"
fi
echo "stop-postgres: stopped and removed $DATA_DIR" >&2
