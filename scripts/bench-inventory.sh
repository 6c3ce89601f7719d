#!/usr/bin/env bash
# Benchmarks of the inventory engine and import (issue 3), outside CI:
#   - the engine computes a 10,000-line inventory (goal: under 5 ms, release build);
#   - importing a 100,000-line CSV into SQLite (goal: under 10 s) and PostgreSQL (under 20 s).
# The inventory page under load is measured by scripts/bench.sh (BENCH_CONNECTIONS=16).
#
#   scripts/bench-inventory.sh                   # build release, then measure (starts a throwaway PostgreSQL as root)
#   BENCH_SKIP_BUILD=1 scripts/bench-inventory.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    swift build -c release --product lcc-bench
fi
BENCH_BIN="${LCC_BENCH_BIN:-.build/release/lcc-bench}"
[[ -x "$BENCH_BIN" ]] || { echo "bench-inventory: $BENCH_BIN missing" >&2; exit 1; }

"$BENCH_BIN" engine 10000
env -u DATABASE_URL "$BENCH_BIN" import 100000
if [[ "${BENCH_POSTGRES:-1}" == 1 ]]; then
    trap 'scripts/stop-postgres.sh >/dev/null 2>&1 || true' EXIT
    url="$(scripts/start-postgres.sh </dev/null | tail -n 1)"
    DATABASE_URL="$url" "$BENCH_BIN" import 100000
fi
