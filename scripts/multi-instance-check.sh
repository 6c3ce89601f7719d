#!/usr/bin/env bash
# Two `lcc serve` instances on one PostgreSQL behind HAProxy (deploy/haproxy.cfg), as
# docs/operations.md describes, checked the way an operator would: sign in through the balancer;
# write through one instance and read through the other at once; the sign-in limit counts across
# both; scheduled jobs (backups) and the mail queue run once, not once per instance; one instance
# killed (kill -9) while writes go on loses no write it acknowledged; request ids follow a request
# from the balancer into the instance's log. Prints "N passed, M failed"; exits non-zero on a failure.
#
# Installs HAProxy with apt-get when missing. Uses its own PostgreSQL cluster (LCC_PG_STATE) so it
# can run beside the test suite's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BIN="${LCC_BIN:-$ROOT/.build/debug/lcc}"
WORK="$(mktemp -d /tmp/lcc-multi.XXXXXX)"
BASE_PORT="${MULTI_BASE_PORT:-8210}"
LB=$BASE_PORT A=$((BASE_PORT + 1)) B=$((BASE_PORT + 2))
export LCC_PG_STATE=/tmp/lcc-pg-multi PGPORT="${MULTI_PGPORT:-54351}"
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

passed=0
failed=0
check() { # check NAME CONDITION-COMMAND...
    local name=$1
    shift
    if "$@"; then echo "ok $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

if ! command -v haproxy >/dev/null 2>&1; then
    echo "multi-instance-check: installing haproxy" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >&2
fi

python3 -c "import aiosmtpd" 2>/dev/null || scripts/install-test-tools.sh >&2
PG_URL="$(scripts/start-postgres.sh 2>"$WORK/pg.log" | tail -n 1)"
python3 scripts/smtp_test_server.py --port 0 --dir "$WORK/mail" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do [[ -f "$WORK/mail/server.json" ]] && break; sleep 0.1; done
SMTP_PORT=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['port'])" "$WORK/mail/server.json")

export DATABASE_URL="$PG_URL" LCC_BCRYPT_COST=4 LOG_LEVEL=info LCC_SEED_DEMO=false
export LCC_PUBLIC_URL="http://127.0.0.1:$LB" LCC_TRUSTED_PROXIES=127.0.0.1
export LCC_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT?starttls=never" LCC_MAIL_FROM="LCC Platform <noreply@lcc.example.org>"
# The pg_dump of scheduled backups named as an operator would (else the newest installed is found).
export LCC_PG_DUMP=/usr/lib/postgresql/15/bin/pg_dump
export LCC_MAIL_POLL=0.2s LCC_JOB_TICK=1s LCC_BACKUP_DIR="$WORK/backups" LCC_BACKUP_INTERVAL=4s LCC_BACKUP_KEEP=100

# Two processes migrating the fresh database at the same moment (instances started together): one
# applies the migrations under the database lock, the other then finds nothing to do.
"$BIN" migrate >"$WORK/migrate-1.log" 2>&1 &
m1=$!
"$BIN" migrate >"$WORK/migrate-2.log" 2>&1 &
m2=$!
m1_status=0 m2_status=0
wait "$m1" || m1_status=$?
wait "$m2" || m2_status=$?
"$BIN" seed >/dev/null
LCC_PASSWORD='secretariat password' "$BIN" user create --email sec@example.org --name Sec --role secretariat >/dev/null
TOKEN=$("$BIN" token create --email sec@example.org --label multi | tail -n 1)

start_instance() { # start_instance NAME PORT
    LCC_INSTANCE_ID="$1" "$BIN" serve --port "$2" >>"$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    echo $! >"$WORK/$1.pid"
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return 0; sleep 0.2; done
    echo "instance $1 did not start" >&2
    return 1
}
start_instance a "$A"
start_instance b "$B"
LCC_BALANCER_BIND="127.0.0.1:$LB" LCC_INSTANCE_1="127.0.0.1:$A" LCC_INSTANCE_2="127.0.0.1:$B" \
    haproxy -W -db -f deploy/haproxy.cfg >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
# Until the balancer has both instances in its pool (its first checks may find one still starting).
both_up() {
    for _ in 1 2 3 4; do curl -s -D - -o /dev/null "http://127.0.0.1:$LB/healthz"; done | tr -d '\r' |
        awk -F': ' 'tolower($1) == "x-lcc-instance" { print $2 }' | sort -u | tr '\n' ' ' | grep -qx 'lcc1 lcc2 '
}
for _ in $(seq 1 100); do both_up && break; sleep 0.3; done
STARTED=$SECONDS

check migrate-twice-at-once bash -c '[[ "$1" == 0 && "$2" == 0 ]] && [[ $(cat "$3" "$4" | grep -c "^Database migrated: ") == 1 ]]' _ \
    "$m1_status" "$m2_status" "$WORK/migrate-1.log" "$WORK/migrate-2.log"

# 1. Sign in through the balancer; the session works on both instances.
JAR="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -s -c "$JAR" -b "$JAR" "http://127.0.0.1:$LB/login" | csrf)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "email=sec@example.org" \
    --data-urlencode "password=secretariat password" --data-urlencode "_csrf=$token" "http://127.0.0.1:$LB/login")
check sign-in-through-balancer [ "$status" = 303 ]
: >"$WORK/served-by"
for _ in $(seq 1 6); do
    curl -s -D - -o "$WORK/account.html" -b "$JAR" "http://127.0.0.1:$LB/account" | tr -d '\r' |
        awk -F': ' 'tolower($1) == "x-lcc-instance" { print $2 }' >>"$WORK/served-by"
    grep -q "sec@example.org" "$WORK/account.html" || echo "not signed in" >>"$WORK/served-by"
done
check session-on-both-instances bash -c '[[ $(sort -u "$1" | tr "\n" " ") == "lcc1 lcc2 " ]]' _ "$WORK/served-by"

# 2. Write through one instance, read through the other at once (caches are fresh across instances).
fresh=0
for i in $(seq 1 10); do
    write=$A read=$B
    if ((i % 2 == 0)); then write=$B read=$A; fi
    curl -s -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"region\":\"Region $i\"}" "http://127.0.0.1:$write/api/v1/cities/seoul"
    if curl -s "http://127.0.0.1:$read/cities/seoul" | grep -q "Region $i<"; then fresh=$((fresh + 1)); fi
done
check write-one-read-other-at-once [ "$fresh" = 10 ]

# 3. The sign-in limit (5 per address) counts attempts on both instances together.
: >"$WORK/limits"
for i in $(seq 1 6); do
    port=$A
    if ((i % 2 == 0)); then port=$B; fi
    jar="$WORK/limit-$i"
    t=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | csrf)
    curl -s -o /dev/null -w '%{http_code}\n' -c "$jar" -b "$jar" --data-urlencode "email=sec@example.org" \
        --data-urlencode "password=wrong $i" --data-urlencode "_csrf=$t" "http://127.0.0.1:$port/login" >>"$WORK/limits"
done
check login-limit-across-instances bash -c '[[ $(tr "\n" " " <"$1") == "401 401 401 401 401 429 " ]]' _ "$WORK/limits"

# 4. Mail: applications submitted through the balancer are each mailed once, though both instances send.
for i in $(seq 1 10); do
    curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"organisation_name\":\"Applicant $i\",\"organisation_type\":\"research_institution\",\"country\":\"KR\",\"contact_name\":\"Person $i\",\"contact_email\":\"person$i@example.org\",\"motivation\":\"We study low-carbon cities and want to share data.\",\"accept_terms\":true}" \
        "http://127.0.0.1:$LB/api/v1/membership-applications"
done
for _ in $(seq 1 100); do
    (($(ls "$WORK/mail" | grep -c '\.json$' || true) >= 11)) && break
    sleep 0.2
done
sleep 2
mails=$(python3 - "$WORK/mail" <<'PY'
import json, os, sys
d = sys.argv[1]
found = [json.load(open(os.path.join(d, f))) for f in sorted(os.listdir(d)) if f.endswith(".json") and f != "server.json"]
received = [m for m in found if m["message"]["subject"] and m["message"]["subject"].startswith("We received")]
ids = {m["message"]["message_id"] for m in received}
links = all("http://127.0.0.1:" in (m["message"]["text"] or "") for m in received)
print(len(received), len(ids), "links" if links else "nolinks")
PY
)
check mail-each-message-once [ "$mails" = "10 10 links" ]

# 5. One instance killed (kill -9) while four clients write through the balancer: some requests are
#    in flight on it when it dies (they get 502 and were not acknowledged); every write a client saw
#    acknowledged (201) is in the database.
writer() { # writer N: 40 new actions, acknowledged titles to $WORK/acknowledged-N
    : >"$WORK/acknowledged-$1"
    for i in $(seq 1 40); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"titles\":{\"en\":\"Kill check $1-$i\"},\"sector\":\"II\",\"action_type\":\"policy\",\"owner\":\"Transport\",\"start_year\":2025}" \
            "http://127.0.0.1:$LB/api/v1/cities/seoul/actions")
        if [[ "$code" == 201 ]]; then echo "Kill check $1-$i" >>"$WORK/acknowledged-$1"; fi
    done
}
for n in 1 2 3 4; do writer "$n" & done
sleep 1.5
kill -9 "$(cat "$WORK/b.pid")"
for job in $(jobs -p); do
    case " ${PIDS[*]} " in *" $job "*) ;; *) wait "$job" || true ;; esac
done
cat "$WORK"/acknowledged-* >"$WORK/acknowledged"
acknowledged=$(wc -l <"$WORK/acknowledged")
present=$(psql "$PG_URL" -Atc "SELECT COUNT(*) FROM mitigation_actions WHERE title_en LIKE 'Kill check %'")
missing=$(while read -r title; do
    n=$(psql "$PG_URL" -Atc "SELECT COUNT(*) FROM mitigation_actions WHERE title_en = '$title'")
    [[ "$n" == 1 ]] || echo "$title"
done <"$WORK/acknowledged" | wc -l)
echo "   $acknowledged of 160 writes acknowledged, $present in the database, $missing acknowledged but missing"
check kill-9-loses-no-acknowledged-write [ "$missing" = 0 ]
check balancer-routes-around-the-dead-instance [ "$acknowledged" -ge 140 ]
start_instance b "$B"
back=1
for _ in $(seq 1 50); do both_up && back=0 && break; sleep 0.3; done
check killed-instance-back-behind-balancer [ "$back" = 0 ]

# 6. Scheduled backups ran once per interval, not once per instance.
elapsed=$((SECONDS - STARTED))
backups=$(ls "$WORK/backups" | grep -c '\.lccbackup$' || true)
maximum=$((elapsed / 4 + 2))
echo "   $backups backups in ${elapsed} s at one per 4 s"
check backups-once-per-interval bash -c '(( $1 >= 2 && $1 <= $2 ))' _ "$backups" "$maximum"
newest=$(ls "$WORK/backups"/*.lccbackup | tail -n 1)
check scheduled-backup-valid "$BIN" backup verify "$newest"

# 7. The balancer's request id reaches the instance's log.
id=$(curl -s -D - -o /dev/null "http://127.0.0.1:$LB/cities" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-request-id" { print $2 }')
sleep 0.5
check request-id-in-instance-log bash -c '[[ -n "$1" ]] && grep -q "request_id=$1" "$2/a.log" "$2/b.log"' _ "$id" "$WORK"

# 8. Lock order across instances: a transaction that writes `inventories` and then `inventory_lines`
#    (the order creating an inventory takes, held open here for 2 s) and a line edit through an
#    instance meanwhile: the edit waits, neither is aborted as a deadlock (scripts/load.sh found a 500).
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary $'line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_unit,source\nfirst,I.1.1,10,TJ,Natural Gas,56100,kg/TJ,x\n' \
    "http://127.0.0.1:$A/api/v1/cities/seoul/inventories/2018/lines?level=basic&gwp_set=AR5")
form_token=$(curl -s -b "$JAR" "http://127.0.0.1:$B/cities/seoul/inventories/2018/lines/new?ref=I.1.1" | csrf)
psql "$PG_URL" -v ON_ERROR_STOP=1 >"$WORK/holder.log" 2>&1 <<'SQL' &
BEGIN;
UPDATE inventories SET year = year WHERE false;
SELECT pg_sleep(2);
UPDATE inventory_lines SET position = position WHERE false;
COMMIT;
SQL
holder=$!
sleep 0.5
edit=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "_csrf=$form_token" --data-urlencode "line_id=lock-order" \
    --data-urlencode "gpc_ref=I.1.1" --data-urlencode "activity_value=5" --data-urlencode "activity_unit=TJ" \
    --data-urlencode "fuel=Natural Gas" --data-urlencode "ef_co2=56100" --data-urlencode "ef_unit=kg/TJ" --data-urlencode "source=x" \
    "http://127.0.0.1:$B/cities/seoul/inventories/2018/lines/new")
holder_status=0
wait "$holder" || holder_status=$?
echo "   draft $code; line edit $edit; the other transaction: $(grep -o 'deadlock detected' "$WORK/holder.log" || echo committed)"
check no-deadlock-between-import-and-line-edit bash -c '[[ "$1" == 303 && "$2" == 0 ]] && ! grep -q deadlock "$3"' _ "$edit" "$holder_status" "$WORK/holder.log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
