#!/usr/bin/env bash
# Writes the v1 ledger fixture with a given `jhf` binary: the one this directory holds was made
# by the format v1 release (commit 8b674c6, `swift build -c release`), so that tests can check
# that v1.1 tools verify a v1 ledger with the same report, byte for byte.
#   bash make.sh /path/to/v1/jhf
set -euo pipefail
J="$1"
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../../.." && pwd)"
W="$(mktemp -d)"
trap 'kill $SERVICE 2>/dev/null || true; rm -rf "$W"' EXIT
export JHF_NOW=2026-11-20T12:00:00Z
mkdir -p "$W/keys" "$W/tokens"
for f in "$REPO"/Keys.example/*.key; do install -m 600 "$f" "$W/keys/"; done
for f in "$REPO"/Keys.example/tokens/*.token; do install -m 600 "$f" "$W/tokens/"; done
DB="$W/ledger.sqlite"
echo '[{"amount": 120000000000, "category": "humanitarian_stabilization", "currency": "USD"}]' > "$W/budgets.json"
"$J" init --db "$DB" --ledger-id jhf.v1.fixture --title "Ledger written by the format v1 tools" \
  --keys "$REPO/Keys.example/registry.json" --currencies MXN,USD --budgets "$W/budgets.json" > /dev/null
approve() { "$J" approve --db "$DB" --id "$1" --key "$W/keys/$2.key" --yes > /dev/null; "$J" approve --db "$DB" --id "$1" --key "$W/keys/$3.key" --yes > /dev/null; }
propose() { echo "$3" > "$W/$2.json"; "$J" propose --db "$DB" --kind "$1" --file "$W/$2.json" > /dev/null; }
approve genesis demo-shcp-ana demo-usaid-ben
propose disbursement d1 '{"id": "D-1", "amount": 250000000, "currency": "MXN", "category": "humanitarian_stabilization", "program": "clinics", "municipality": "15033", "payee": {"name": "Clínica Comunitaria San Cristóbal"}, "purpose": "Medicamentos y personal, cuarto trimestre", "value_date": "2026-11-25", "sealed": {"payee_account": {"number": "002010077777777771", "scheme": "CLABE"}, "payee_tax_id": "MAB9307148T4", "notes": "Contrato 118"}}'
approve D-1 demo-shcp-ana demo-usaid-ben
propose disbursement d2 '{"id": "D-2", "amount": 4800000000, "currency": "USD", "category": "humanitarian_stabilization", "program": "food_aid", "municipality": "08037", "payee": {"name": "Banco de Alimentos de Ciudad Juárez A.C."}, "purpose": "Food baskets", "value_date": "2026-12-01", "sealed": {"payee_account": {"number": "032180000118359719", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}'
approve D-2 demo-shcp-carlos demo-usaid-dana
propose reversal r1 '{"id": "R-1", "reverses": "D-1", "reason": "Contrato cancelado; fondos devueltos"}'
approve R-1 demo-shcp-ana demo-usaid-dana
propose budget_update b1 '{"id": "B-1", "budgets": [{"amount": 5000000000, "category": "oversight_governance", "currency": "USD"}], "reason": "Oversight envelope"}'
approve B-1 demo-shcp-carlos demo-usaid-ben
propose key_update k1 '{"id": "K-1", "add": [], "revoke": ["demo-shcp-carlos"], "reason": "Officer leaves the unit"}'
approve K-1 demo-shcp-ana demo-usaid-ben
# The last entry through the service, which signs a checkpoint with the log key.
PORT=18391
"$J" serve --db "$DB" --listen "127.0.0.1:$PORT" --config "$REPO/Keys.example/service.json" --log-key "$W/keys/demo-job-log.key" > "$W/serve.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.1; done
echo '{"id": "D-3", "amount": 90000000, "currency": "MXN", "category": "humanitarian_stabilization", "program": "youth", "municipality": "12001", "payee": {"name": "Casa de la Juventud de Acapulco"}, "purpose": "Programa extraescolar", "value_date": "2026-12-05", "sealed": {"payee_account": {"number": "014028000005555557", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}' > "$W/d3.json"
"$J" propose --server "http://127.0.0.1:$PORT" --token-file "$W/tokens/proposer.token" --kind disbursement --file "$W/d3.json" > /dev/null
"$J" approve --server "http://127.0.0.1:$PORT" --token-file "$W/tokens/shcp-officer.token" --id D-3 --key "$W/keys/demo-shcp-ana.key" --yes > /dev/null
"$J" approve --server "http://127.0.0.1:$PORT" --token-file "$W/tokens/usaid-officer.token" --id D-3 --key "$W/keys/demo-usaid-ben.key" --yes > /dev/null
kill -TERM $SERVICE; wait $SERVICE || true
rm -rf "$HERE/bundle"
"$J" export --db "$DB" --out "$HERE/bundle" --sealed > /dev/null
"$J" verify --bundle "$HERE/bundle" > "$HERE/verify.txt"
"$J" verify --bundle "$HERE/bundle" --json > "$HERE/verify.json"
echo "wrote $HERE/bundle, verify.txt and verify.json"
