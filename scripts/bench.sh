#!/usr/bin/env bash
# Throughput benchmark of the release build against a fresh SQLite file with the demo data.
# Not part of CI: a release build takes ~14 min on these 2-core machines (DESIGN.md, "Facts measured"),
# and numbers from a shared CI machine would mean little. Ratios to /healthz matter more than the
# absolute figures: /healthz is the cost of the server alone, the rest adds queries and rendering.
#
#   scripts/bench.sh                          # build release, then measure
#   BENCH_SKIP_BUILD=1 scripts/bench.sh       # reuse .build/release/lcc (or LCC_BIN)
#   BENCH_PORT=8099 BENCH_DURATION=10s BENCH_CONNECTIONS=32 scripts/bench.sh
#
# Only loopback is ever a target, and every wrk run stops by itself after BENCH_DURATION.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
PORT="${BENCH_PORT:-8099}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS=2 # one per core; wrk and the server then share the machine, as the numbers in DESIGN.md did
# The inventory page of a published 2,000-line inventory (made by lcc-bench before the server starts)
# and of the demo inventory; issue 3 asks p99 under 50 ms at -c16 (BENCH_CONNECTIONS=16).
# Issue 4: the registry list page p99 under 50 ms at -c16, with 1,000 more cities × 30 years of
# published inventories and their targets in the database (lcc-bench registry-data).
PATHS=(/healthz /cities /api/v1/cities /organisations /cities/seoul /cities/seoul/inventories/2020
    /cities/guiyang/inventories/2021 /registry "/registry?kind=peak" /cities/seoul/targets /api/v1/cities/seoul/targets
    /cities/guiyang/forecast)
BASE="http://127.0.0.1:${PORT}"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "== swift build -c release --product lcc / lcc-bench" >&2
    swift build -c release --product lcc
    swift build -c release --product lcc-bench
fi
BIN="${LCC_BIN:-$ROOT/.build/release/lcc}" # LCC_BIN: measure another build
BENCH_BIN="${LCC_BENCH_BIN:-$(dirname "$BIN")/lcc-bench}"
[[ -x "$BIN" ]] || { echo "bench: $BIN missing" >&2; exit 1; }
[[ -x "$BENCH_BIN" ]] || { echo "bench: $BENCH_BIN missing" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
    echo "== installing wrk" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

if curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; then
    echo "bench: something already answers on port $PORT; set BENCH_PORT" >&2
    exit 1
fi

# A fresh working directory: a new lcc.sqlite, migrations and demo data, as on a first start.
WORK="$(mktemp -d /tmp/lcc-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== preparing $WORK: demo data, a published 2,000-line inventory of Seoul for 2020, 1,000 registry cities" >&2
(
    cd "$WORK"
    export LOG_LEVEL=warning
    env -u DATABASE_URL -u LCC_SQLITE_PATH "$BIN" seed >/dev/null
    env -u DATABASE_URL -u LCC_SQLITE_PATH "$BENCH_BIN" publish seoul 2020 2000
    env -u DATABASE_URL -u LCC_SQLITE_PATH "$BENCH_BIN" registry-data "${BENCH_REGISTRY_CITIES:-1000}" 30
) >&2

echo "== starting $BIN serve --port $PORT in $WORK" >&2
(
    cd "$WORK"
    # SQLite in this directory whatever the caller's shell says.
    exec env -u DATABASE_URL -u LCC_SQLITE_PATH -u PORT -u HOST "$BIN" serve --port "$PORT"
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: server exited" >&2; cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/healthz" || { echo "bench: /healthz never answered" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }

# Every path must answer 200 before it is measured: a fast 404 or 500 is not a result.
for path in "${PATHS[@]}"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")"
    if [[ "$code" != 200 ]]; then
        echo "bench: GET $path answered $code; not benchmarking a failing page" >&2
        exit 1
    fi
done

# wrk prints latency as 812.00us / 3.21ms / 1.20s; convert to milliseconds for the table.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n
    }'
}

declare -A RPS P99 ERRS
for path in "${PATHS[@]}"; do
    echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $BASE$path" >&2
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")"
    RPS[$path]="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    P99[$path]="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
    sockerr="$(awk '/Socket errors:/ {print $0}' <<<"$out")"
    ERRS[$path]="${non2xx:-0}${sockerr:+ (${sockerr#*Socket errors: })}"
done

base_rps="${RPS[/healthz]}"
echo
printf '%-30s %12s %10s %12s  %s\n' path "requests/s" "p99 ms" "vs /healthz" "non-2xx"
printf '%-30s %12s %10s %12s  %s\n' ------------------------------ ------------ ---------- ------------ -------
for path in "${PATHS[@]}"; do
    ratio="$(awk -v a="${RPS[$path]}" -v b="$base_rps" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')"
    printf '%-30s %12.0f %10s %12s  %s\n' "$path" "${RPS[$path]}" "${P99[$path]}" "$ratio" "${ERRS[$path]}"
done
echo
echo "($BIN, $THREADS wrk threads, $CONNECTIONS connections, $DURATION per path, $(nproc) cores, SQLite)"
