#!/usr/bin/env bash
# Exercises the `lcc` command as an operator would, on a fresh SQLite file and then over HTTP:
# migrate (one line per batch), seed twice (the second adds nothing), user create (password from LCC_PASSWORD and from
# standard input), token create (token on the last line), inventory import and export, bad input
# refused, search reindex, and the token used against the running server. Prints "N passed, M failed".
set -euo pipefail
BIN="${LCC_BIN:-$(pwd)/.build/debug/lcc}"
WORK="$(mktemp -d)"
PORT="${CLI_CHECK_PORT:-8097}"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK"
export LCC_BCRYPT_COST=4 LOG_LEVEL=warning
passed=0; failed=0
check() { # check NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then echo "ok $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

# At the default log level: one line for the batch, not the migrator's two log lines per migration.
migrated=$(env -u LOG_LEVEL "$BIN" migrate 2>&1)
check migrate-one-line-per-batch bash -c '[[ $(grep -c . <<<"$1") -eq 2 && "$1" == "Database migrated: "*" migrations applied ("* ]]' _ "$migrated"
check migrate-again-quiet bash -c '[[ "$(env -u LOG_LEVEL "$1" migrate 2>&1)" == "Migrations applied." ]]' _ "$BIN"
first=$("$BIN" seed | tail -n 1)
second=$("$BIN" seed | tail -n 1)
nothing="Added 0 cities, 0 facts, 0 organisations, 0 programmes, 0 reported emission totals, 0 inventories, 0 targets, 0 actions, 0 action plans, 0 forecasts, 0 knowledge records, 0 frameworks, 0 peer groups."
check seed-loads [ "$first" != "$nothing" ]
check seed-idempotent [ "$second" = "$nothing" ]
check user-create-env env LCC_PASSWORD='a long enough password' "$BIN" user create --email Officer@Example.org \
    --name "Seoul Officer" --role member --organisation seoul-metropolitan-government
check user-create-stdin sh -c "echo 'another long password' | '$BIN' user create --email sec@example.org --name 'Sec' --role secretariat"
check refuses-bad-role sh -c "! LCC_PASSWORD='a long enough password' '$BIN' user create --email x@example.org --name X --role king 2>/dev/null"
check refuses-short-password sh -c "! LCC_PASSWORD='short' '$BIN' user create --email y@example.org --name Y --role secretariat 2>/dev/null"
check refuses-unknown-org sh -c "! LCC_PASSWORD='a long enough password' '$BIN' user create --email z@example.org --name Z --role member --organisation nowhere 2>/dev/null"
check refuses-duplicate sh -c "! LCC_PASSWORD='a long enough password' '$BIN' user create --email officer@example.org --name O --role secretariat 2>/dev/null"
# Inventories: import (all rows valid or nothing, errors with row and column), export, round trip.
cat >"$WORK/seoul.csv" <<'CSV'
line_id,gpc_ref,notation_key,explanation,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source
gas,I.1.1,,,1000,TJ,Natural Gas,56100,5,0.1,kg/TJ,IPCC 2006 Table 2.5
mining,I.7.1,NO,No coal mining in Seoul,,,,,,,,
CSV
printf 'gpc_ref,co2_t,activity_unit\nI.1.1,5,\nI.1.1,-2,\nI.2.1,,barrels\n' >"$WORK/bad.csv"
imported=$("$BIN" import inventory --city seoul --year 2021 --level basic --gwp AR5 "$WORK/seoul.csv")
check import-inventory grep -q 'BASIC 56266.5' <<<"$imported"
check import-refuses-bad-rows sh -c "! '$BIN' import inventory --city seoul --year 2022 '$WORK/bad.csv' 2>'$WORK/bad.err'"
check import-names-row-and-column grep -q 'row 3, column co2_t' "$WORK/bad.err"
check import-refused-adds-nothing sh -c "! '$BIN' export inventory --city seoul --year 2022 >/dev/null 2>&1"
"$BIN" export inventory --city seoul --year 2021 --format csv --output "$WORK/out.csv" >/dev/null
check export-roundtrip sh -c "'$BIN' import inventory --city seoul --year 2021 '$WORK/out.csv' | grep -q 'Replaced seoul 2021: 2 lines'"
check export-json sh -c "'$BIN' export inventory --city seoul --year 2021 --format json | grep -q '\"basic\":56266.5'"
# Report once: the eCRF workbook and the CDP summary; the workbook read back (all or nothing, by
# sheet and cell); air pollutants in the JSON; a government-operations inventory beside the city's.
"$BIN" export inventory --city seoul --year 2021 --format ecrf --output "$WORK/seoul-ecrf.xlsx" >/dev/null
check export-ecrf-is-xlsx bash -c '[[ "$(head -c 2 "$1")" == PK ]]' _ "$WORK/seoul-ecrf.xlsx"
check import-ecrf-roundtrip sh -c "'$BIN' import inventory --city seoul --year 2021 '$WORK/seoul-ecrf.xlsx' | grep -q 'BASIC 56266.5'"
check import-ecrf-wrong-year sh -c "! '$BIN' import inventory --city seoul --year 2020 '$WORK/seoul-ecrf.xlsx' 2>'$WORK/ecrf.err'"
check import-ecrf-names-cell grep -q 'eCRF_1!C7' "$WORK/ecrf.err"
check export-cdp sh -c "'$BIN' export inventory --city seoul --year 2021 --format cdp | grep -q 'TOTAL BASIC Emissions (GPC)'"
check export-json-pollutants sh -c "'$BIN' export inventory --city seoul --year 2021 --format json | grep -q '\"air_pollutants\"'"
printf 'line_id,gpc_ref,activity_value,activity_unit,fuel\nfleet,II.1.1,100,t,Diesel Oil\n' >"$WORK/fleet.csv"
check import-government sh -c "'$BIN' import inventory --city seoul --year 2021 --kind government '$WORK/fleet.csv' | grep -q 'Created seoul 2021/government: 1 lines'"
check export-government sh -c "'$BIN' export inventory --city seoul --year 2021 --kind government --format json | grep -q '\"kind\":\"government\"'"

# Targets: the template, all rows or nothing, a re-import updates instead of duplicating.
cat >"$WORK/targets.csv" <<'CSV'
city,kind,base_year,base_value_tco2e,target_year,reduction_percent,target_level_tco2e,source,original_wording
seoul,base_year_absolute,2021,,2030,40,,CLI check plan,40% by 2030
seoul,fixed_level,,,2050,,0,CLI check plan,net zero by 2050
CSV
printf 'city,kind,base_year,target_year,reduction_percent,source\nseoul,base_year_absolute,2030,2020,40,x\nnowhere,peak,,2030,,x\n' >"$WORK/bad-targets.csv"
check import-targets sh -c "'$BIN' import targets '$WORK/targets.csv' | grep -q '2 created, 0 updated'"
check import-targets-again sh -c "'$BIN' import targets '$WORK/targets.csv' | grep -q '0 created, 2 updated'"
check import-targets-refuses sh -c "! '$BIN' import targets '$WORK/bad-targets.csv' 2>'$WORK/bad-targets.err'"
check import-targets-row-and-column sh -c "grep -q 'row 2, column target_year' '$WORK/bad-targets.err' && grep -q 'row 3, column city' '$WORK/bad-targets.err'"

# Indicator frameworks and a city's assessment values: all rows or nothing, row and column.
cat >"$WORK/framework.csv" <<'CSV'
record,id,group,level,name_en,description_en,kind,unit,direction,obtain,formula,evidence,scoring,floor,benchmark,thresholds,scale_max,weight,benchmark_reason,confidence,state
framework,cli-index,,,CLI check index,,,,,,,,,,,,,,,,
edition,1,,,,,,,,,,,,,,,,,,,published
group,G,,,Plans,,,,,,,,,,,,,,,PROVISIONAL,
item,Q1,G,,Climate plan,,qualitative,,,,,required,,,,,2,1,,PROVISIONAL,
level,Q1,,0,,No plan.,,,,,,,,,,,,,,,
level,Q1,,1,,In preparation.,,,,,,,,,,,,,,,
level,Q1,,2,,Adopted with targets.,,,,,,,,,,,,,,,
item,E1,G,,Emissions per person,,quantitative,t CO2e/person,lower_is_better,computed,emissions_per_person,,linear,15,2,,,2,Inside the observed range,PROVISIONAL,
CSV
sed 's/^item,E1,G/item,Q1,G/' "$WORK/framework.csv" >"$WORK/bad-framework.csv"
check import-framework bash -c '"$1" import frameworks "$2" | grep -q "cli-index edition 1 created"' _ "$BIN" "$WORK/framework.csv"
check import-framework-refuses bash -c '! "$1" import frameworks "$2" 2>"$3" && grep -q "row 9, column id" "$3"' _ "$BIN" "$WORK/bad-framework.csv" "$WORK/bad-framework.err"
printf 'item_id,value,level,unit,evidence,comment,excluded_reason\nQ1,,2,,Plan 2020 p. 3,,\n' >"$WORK/values.csv"
printf 'item_id,value,level,unit,evidence,comment,excluded_reason\nQ1,,5,,x,,\n' >"$WORK/bad-values.csv"
check import-assessment bash -c '"$1" import assessment --city seoul --framework cli-index --year 2020 "$2" | grep -q "(draft)"' _ "$BIN" "$WORK/values.csv"
check import-assessment-refuses bash -c '! "$1" import assessment --city seoul --framework cli-index --year 2020 "$2" 2>"$3" && grep -q "row 2, column level" "$3"' _ "$BIN" "$WORK/bad-values.csv" "$WORK/bad-values.err"
check search-reindex bash -c '"$1" search reindex | grep -q "^Search index rebuilt: [1-9][0-9]* documents"' _ "$BIN"

member_token=$("$BIN" token create --email officer@example.org | tail -n 1)
sec_token=$("$BIN" token create --email sec@example.org --label ci | tail -n 1)
check token-printed [ "${member_token:0:4}" = "lcc_" ]

LCC_SEED_DEMO=false "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
me=$(curl -s -H "Authorization: Bearer $member_token" "http://127.0.0.1:$PORT/api/v1/me")
check token-authenticates grep -q '"email":"officer@example.org"' <<<"$me"
status=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $sec_token" -H 'Content-Type: application/json' \
    -d '{"region":"Seoul Special City"}' "http://127.0.0.1:$PORT/api/v1/cities/seoul")
check secretariat-patches-city [ "$status" = 200 ]
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer lcc_wrong" "http://127.0.0.1:$PORT/api/v1/me")
check wrong-token-401 [ "$status" = 401 ]
curl -s "http://127.0.0.1:$PORT/api/v1/cities/seoul/targets" >"$WORK/targets.json"
check api-targets-progress sh -c "grep -q 'net zero by 2050' '$WORK/targets.json' && grep -q 'percent_achieved' '$WORK/targets.json'"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
