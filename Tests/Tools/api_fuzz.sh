#!/usr/bin/env bash
# Fuzzes the live HTTP API against its own contract: a demo ledger (Keys.example) served by
# `jhf serve`, then schemathesis (PyPI) generates requests from Schemas/openapi.yaml with every
# role's token and none. Fails on any 5xx answer or any answer the document does not allow
# (status code, content type, body schema). JHF_API_FUZZ_EXAMPLES (default 40) bounds the
# examples per operation; the seed is fixed, so a run is repeatable.
set -euo pipefail
cd "$(dirname "$0")/../.."
examples=${JHF_API_FUZZ_EXAMPLES:-40}
echo "api-fuzz: building jhf (minutes the first time), then a demo ledger and its service" >&2
swift build --product jhf >/dev/null 2>&1 || swift build --product jhf
JHF="$PWD/.build/debug/jhf"
W=$(mktemp -d)
trap 'kill -TERM $SERVICE 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$W"' EXIT
SERVICE=0
mkdir -p "$W/keys" "$W/in"
for f in Keys.example/*.key; do install -m 600 "$f" "$W/keys/"; done
export JHF_NOW=2026-11-20T12:00:00Z
DB="$W/ledger.sqlite"
"$JHF" init --db "$DB" --ledger-id jhf.api.fuzz --title "API fuzzing" --keys Keys.example/registry.json --currencies MXN,USD \
  --budgets <(echo '[{"amount": 120000000000, "category": "humanitarian_stabilization", "currency": "MXN"}]') >/dev/null
for k in demo-shcp-ana demo-usaid-ben; do "$JHF" approve --db "$DB" --id genesis --key "$W/keys/$k.key" --yes >/dev/null; done
cat > "$W/in/d1.json" <<'J'
{"id": "D-1", "amount": 250000000, "currency": "MXN", "category": "humanitarian_stabilization", "program": "clinics",
 "municipality": "15033", "payee": {"name": "Clínica"}, "purpose": "Medicines", "value_date": "2026-11-25",
 "sealed": {"payee_account": {"number": "002010077777777771", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
J
"$JHF" propose --db "$DB" --kind disbursement --file "$W/in/d1.json" >/dev/null
"$JHF" approve --db "$DB" --id D-1 --key "$W/keys/demo-shcp-ana.key" --yes >/dev/null
unset JHF_NOW
PORT=$((20000 + RANDOM % 30000))
"$JHF" serve --db "$DB" --listen "127.0.0.1:$PORT" --config Keys.example/service.json --log-key "$W/keys/demo-job-log.key" \
  --log-level warning >"$W/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { echo "api-fuzz: the service did not start:" >&2; cat "$W/service.log" >&2; exit 1; }
  sleep 0.1
done
# The document names its JSON Schemas by their $id (https://jhf-ledger.invalid/...), which no
# client can fetch: a copy beside the schemas points at the files instead.
mkdir -p "$W/schemas"
for f in Schemas/*; do sed 's#https://jhf-ledger.invalid/schemas/v1/##g' "$f" > "$W/schemas/$(basename "$f")"; done
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
passed=0
failed=0
for role in none proposer shcp-officer usaid-officer auditor admin; do
  header=()
  [ "$role" = none ] || header=(-H "Authorization: Bearer $(tr -d '\n' < Keys.example/tokens/$role.token)")
  if st run "$W/schemas/openapi.yaml" --url "http://127.0.0.1:$PORT" "${header[@]}" --checks "$checks" \
       --max-examples "$examples" --seed 20261206 --workers 2 --no-color >"$W/st-$role.log" 2>&1; then
    echo "api-fuzz: $role: $(grep -A1 '^Test cases:' "$W/st-$role.log" | tail -1 | tr -s ' '), no 5xx, every answer as documented" >&2
    passed=$((passed + 1))
  else
    echo "api-fuzz: $role FAILED:" >&2
    tail -60 "$W/st-$role.log" >&2
    cp "$W/st-$role.log" ".build/api-fuzz-$role.log" 2>/dev/null || true
    failed=$((failed + 1))
  fi
done
kill -0 $SERVICE 2>/dev/null || { echo "api-fuzz: the service died:" >&2; tail -20 "$W/service.log" >&2; failed=$((failed + 1)); }
echo "api-fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
