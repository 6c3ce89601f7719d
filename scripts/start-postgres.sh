#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the test suite and prints its URL on the last line.
#
#   URL=$(scripts/start-postgres.sh | tail -n 1)
#   LCC_TEST_DATABASE_URL="$URL" swift test
#   scripts/stop-postgres.sh            # stops the cluster recorded in /tmp/lcc-pg-dir
#
# Why a throwaway cluster: CI starts from a fresh machine where no service runs, and tests must not
# touch a developer's real database. The cluster lives in a mktemp dir, listens only on 127.0.0.1,
# trusts local connections (no password to leak), and is deleted by stop-postgres.sh.
# Progress goes to stderr so that stdout carries only the URL.
#
# Environment: PGPORT (default 54329).
set -euo pipefail

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PORT="${PGPORT:-54329}"
# LCC_PG_STATE names another state file, so two clusters (the test suite's and a script's) can run side by side.
STATE_FILE="${LCC_PG_STATE:-/tmp/lcc-pg-dir}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "start-postgres: $*" >&2; }

# Install only when the server binaries are missing: a fresh CI machine has none, and whatever a
# session installed by hand is not carried to a new machine (../shared/DESIGN.md, "Facts measured").
if [[ ! -x "${PG_BIN}/initdb" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        log "${PG_BIN}/initdb is missing and we are not root: install postgresql-${PG_VERSION} first"
        exit 1
    fi
    log "installing PostgreSQL ${PG_VERSION} with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
    # dpkg can say "installed" while the files are gone (trimmed images); reinstall in that case.
    if [[ ! -x "${PG_BIN}/initdb" ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "postgresql-${PG_VERSION}" >&2
    fi
fi

# As root the server must run as another user (postgres refuses to run as root); as any other user
# we run it as ourselves and still name the superuser "postgres" so the URL is the same everywhere.
if [[ "$(id -u)" -eq 0 ]]; then
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

# A previous run (same machine, same script) may have left its cluster up; it is throwaway by
# design, so stop it rather than fail on the busy port.
if [[ -f "$STATE_FILE" ]]; then
    log "stopping the previous throwaway cluster $(cat "$STATE_FILE")"
    "$HERE/stop-postgres.sh" >&2 || true
fi
if "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    log "something already listens on 127.0.0.1:${PORT}; set PGPORT to another port"
    exit 1
fi

DATA_DIR="$(mktemp -d /tmp/lcc-pg.XXXXXX)"
if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$DATA_DIR"
fi
echo "$DATA_DIR" >"$STATE_FILE"

# C.UTF-8 so that LC_CTYPE is a UTF-8 locale: pg_trgm's GIN index only handles CJK text then
# (DESIGN.md, "CJK search"). Trust auth: loopback only, and the cluster dies with the run.
log "initdb in ${DATA_DIR}"
as_pg "${PG_BIN}/initdb" -D "$DATA_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DATA_DIR.initdb.log" 2>&1 || {
    cat "$DATA_DIR.initdb.log" >&2
    exit 1
}

# fsync/full_page_writes/synchronous_commit off: durability is worthless for a throwaway test
# cluster and costs seconds per test run. More connections than the default 100 because the test
# suite builds many applications in parallel, each with its own pool.
SERVER_OPTS="-k /tmp -c listen_addresses=127.0.0.1 -p ${PORT} -c fsync=off -c full_page_writes=off"
SERVER_OPTS+=" -c synchronous_commit=off -c max_connections=300"
log "starting on 127.0.0.1:${PORT}"
if ! as_pg "${PG_BIN}/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -o "$SERVER_OPTS" -w -t 60 start >&2; then
    cat "$DATA_DIR/server.log" >&2 || true
    exit 1
fi

# pg_ctl -w already waits for the postmaster; also ask over TCP, which is what the tests use.
for _ in $(seq 1 60); do
    if "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres; then
        break
    fi
    sleep 0.5
done
"${PG_BIN}/pg_isready" -h 127.0.0.1 -p "$PORT" -U postgres >&2

# sslmode=disable: the cluster has no certificate; postgres-kit reads sslmode as well as tlsmode.
echo "postgres://postgres@127.0.0.1:${PORT}/postgres?sslmode=disable"
