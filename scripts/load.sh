#!/usr/bin/env bash
# A mixed read/write workload for a while, then proof that nothing was lost (issue 14). Not in CI:
# it takes minutes and its figures mean something only on a machine nobody else is using.
#
#   scripts/load.sh                         # 5 minutes on SQLite, then 5 on PostgreSQL (2 instances + HAProxy)
#   LOAD_DURATION=90 scripts/load.sh        # seconds per engine
#   LOAD_ENGINES=sqlite scripts/load.sh     # or postgres
#
# Clients (scripts/load_client.py): 4 visitors browsing pages and API documents, 1 searcher, 1
# member signed in through the web form adding inventory lines one by one, 1 importer putting a
# 10,000-line CSV as a new inventory again and again, 1 writer adding actions, progress updates and
# targets. After the run: every request's route, status and time; 0 server errors (5xx); every write
# the clients saw acknowledged is in the database; every instance lists every acknowledged action
# (caches agree with the database); p50/p99 per route. Exits non-zero when a check fails.
#
# Uses .build/release/lcc when it exists, else .build/debug/lcc (LCC_BIN overrides); it says which.
# Installs haproxy (apt-get) and starts its own PostgreSQL cluster (LCC_PG_STATE=/tmp/lcc-pg-load).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
if [[ -n "${LCC_BIN:-}" ]]; then
    BIN=$LCC_BIN
elif [[ -x "$ROOT/.build/release/lcc" ]]; then
    BIN="$ROOT/.build/release/lcc"
else
    BIN="$ROOT/.build/debug/lcc"
fi
[[ -x "$BIN" ]] || { echo "load: $BIN missing; swift build first" >&2; exit 1; }
DURATION="${LOAD_DURATION:-300}"
ENGINES="${LOAD_ENGINES:-sqlite postgres}"
BASE_PORT="${LOAD_BASE_PORT:-8310}"
WORK="$(mktemp -d /tmp/lcc-load.XXXXXX)"
export LCC_PG_STATE=/tmp/lcc-pg-load PGPORT="${LOAD_PGPORT:-54361}"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    scripts/stop-postgres.sh >/dev/null 2>&1 || true
    if [[ "${KEEP_WORK:-}" == "" ]]; then rm -rf "$WORK"; else echo "work files kept in $WORK"; fi
}
trap cleanup EXIT
# CI's time limit sends TERM: exit through the EXIT trap, so nothing is left running or mounted.
trap 'exit 143' TERM INT

echo "load: binary $BIN ($(case "$BIN" in */release/*) echo release ;; *) echo debug ;; esac) build), ${DURATION} s per engine, $(nproc) cores"
export LCC_BCRYPT_COST=4 LOG_LEVEL=warning LCC_SEED_DEMO=false
MEMBER_PASSWORD='member load password'

prepare() { # prepare: migrate, seed, a member of Seoul's government with a token, on the current DATABASE_URL/LCC_SQLITE_PATH
    "$BIN" migrate >/dev/null
    "$BIN" seed >/dev/null
    LCC_PASSWORD="$MEMBER_PASSWORD" "$BIN" user create --email officer@example.org --name "Load Officer" --role member \
        --organisation seoul-metropolitan-government >/dev/null
    TOKEN=$("$BIN" token create --email officer@example.org --label load | tail -n 1)
}

start_instance() { # start_instance NAME PORT
    LCC_INSTANCE_ID="$1" "$BIN" serve --port "$2" >>"$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return 0; sleep 0.2; done
    echo "load: instance $1 did not start" >&2
    cat "$WORK/$1.log" >&2
    return 1
}

stop_all() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}

# The draft inventory the editor adds lines to: made by the member (so the member edits it).
draft() { # draft BASE
    local code
    code=$(curl -s -o "$WORK/draft.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
        --data-binary $'line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_unit,source\nfirst,I.1.1,10,TJ,Natural Gas,56100,kg/TJ,load\n' \
        "$1/api/v1/cities/seoul/inventories/2019/lines?level=basic&gwp_set=AR5")
    [[ "$code" == 201 || "$code" == 200 ]] || { echo "load: draft inventory refused ($code): $(cat "$WORK/draft.json")" >&2; return 1; }
}

status=0
for engine in $ENGINES; do
    dir="$WORK/$engine"
    mkdir -p "$dir"
    case "$engine" in
        sqlite)
            export LCC_SQLITE_PATH="$dir/lcc.sqlite"
            unset DATABASE_URL
            prepare
            start_instance sqlite "$BASE_PORT"
            base="http://127.0.0.1:$BASE_PORT"
            check_db=(--sqlite "$dir/lcc.sqlite")
            read_bases=(--read-base "$base")
            echo "== SQLite, one instance on $base"
            ;;
        postgres)
            if ! command -v haproxy >/dev/null 2>&1; then
                apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >&2
            fi
            url="$(scripts/start-postgres.sh 2>"$WORK/pg.log" | tail -n 1)"
            export DATABASE_URL="$url"
            prepare
            a=$((BASE_PORT + 11)) b=$((BASE_PORT + 12)) lb=$((BASE_PORT + 10))
            start_instance pg-a "$a"
            start_instance pg-b "$b"
            LCC_BALANCER_BIND="127.0.0.1:$lb" LCC_INSTANCE_1="127.0.0.1:$a" LCC_INSTANCE_2="127.0.0.1:$b" \
                haproxy -W -db -f deploy/haproxy.cfg >"$WORK/haproxy.log" 2>&1 &
            PIDS+=($!)
            for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$lb/healthz" >/dev/null && break; sleep 0.2; done
            base="http://127.0.0.1:$lb"
            check_db=(--postgres "$url")
            read_bases=(--read-base "http://127.0.0.1:$a" --read-base "http://127.0.0.1:$b")
            echo "== PostgreSQL 15, two instances behind HAProxy on $base"
            ;;
        *) echo "load: unknown engine $engine" >&2; exit 2 ;;
    esac
    draft "$base"
    python3 scripts/load_client.py run --base "$base" --duration "$DURATION" --token "$TOKEN" --email officer@example.org \
        --password "$MEMBER_PASSWORD" --work "$dir" --run "load-$engine"
    python3 scripts/load_client.py check --work "$dir" "${check_db[@]}" "${read_bases[@]}" | tee "$dir/report.txt" || status=1
    if [[ -s "$dir/errors.log" ]]; then
        echo "   first client-side errors:"
        head -n 5 "$dir/errors.log" | sed 's/^/   /'
    fi
    stop_all
    if [[ "$engine" == postgres ]]; then scripts/stop-postgres.sh >/dev/null 2>&1 || true; fi
done
exit "$status"
