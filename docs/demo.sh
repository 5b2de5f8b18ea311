#!/usr/bin/env bash
# JHF Ledger demo: a ledger made from Keys.example, co-signed disbursements, a reversal,
# a key rotation, an export, and an offline verification — told in plain words.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product jhf >/dev/null 2>&1 || swift build --product jhf
JHF="$PWD/.build/debug/jhf"
W="${JHF_DEMO_DIR:-$PWD/demo-output}"
rm -rf "$W"; mkdir -p "$W/keys" "$W/in"
for f in Keys.example/*.key; do install -m 600 "$f" "$W/keys/"; done
DB="$W/ledger.sqlite"
say() { printf '\n== %s\n' "$*"; }
jhf() { echo "\$ jhf $*" | sed "s#$W/##g"; "$JHF" "$@"; }

say "1. SHCP and USAID agree on the key list and budget envelopes, and create the ledger."
cat > "$W/in/budgets.json" <<'J'
[{"amount": 120000000000, "category": "humanitarian_stabilization", "currency": "USD"},
 {"amount": 50000000000, "category": "oversight_governance", "currency": "USD"},
 {"amount": 300000000000, "category": "humanitarian_stabilization", "currency": "MXN"}]
J
jhf init --db "$DB" --ledger-id jhf.smhp.demo --title "Joint Humanitarian Fund — demo ledger" \
  --keys Keys.example/registry.json --currencies MXN,USD --budgets "$W/in/budgets.json"

say "2. One officer of each institution co-signs the genesis entry."
jhf approve --db "$DB" --id genesis --key "$W/keys/demo-shcp-ana.key" --yes
jhf approve --db "$DB" --id genesis --key "$W/keys/demo-usaid-ben.key" --yes

say "3. Three disbursements are proposed; the bank details are sealed, only their digest is public."
cat > "$W/in/d1.json" <<'J'
{"id": "D-2026-0001", "amount": 250000000, "currency": "MXN", "category": "humanitarian_stabilization",
 "program": "clinics", "municipality": "15033", "payee": {"name": "Clínica Comunitaria San Cristóbal"},
 "purpose": "Medicines and staff for the community clinic, Q4 2026", "value_date": "2026-11-25",
 "sealed": {"payee_account": {"number": "002010077777777771", "scheme": "CLABE"}, "payee_tax_id": "MAB9307148T4", "notes": "Contract SHCP-JHF-118"}}
J
cat > "$W/in/d2.json" <<'J'
{"id": "D-2026-0002", "amount": 4800000000, "currency": "USD", "category": "humanitarian_stabilization",
 "program": "food_aid", "municipality": "08037", "payee": {"name": "Banco de Alimentos de Ciudad Juárez A.C."},
 "purpose": "Food baskets for 12,000 families, December distribution", "value_date": "2026-12-01",
 "sealed": {"payee_account": {"number": "032180000118359719", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
J
cat > "$W/in/d3.json" <<'J'
{"id": "D-2026-0003", "amount": 1500000000, "currency": "USD", "category": "humanitarian_stabilization",
 "program": "water", "municipality": "25006", "payee": {"name": "Comisión de Agua Potable de Culiacán"},
 "purpose": "Water purification plant repairs", "value_date": "2026-12-03",
 "sealed": {"payee_account": {"number": "014027000005555558", "scheme": "CLABE"}, "payee_tax_id": "GODE561231GR8", "notes": ""}}
J
for n in 1 2 3; do jhf propose --db "$DB" --kind disbursement --file "$W/in/d$n.json"; done
jhf list --db "$DB" --status pending

say "4. Each officer's tool shows the proposal, checks the sealed record, and signs locally."
for n in 1 2 3; do
  jhf approve --db "$DB" --id D-2026-000$n --key "$W/keys/demo-shcp-ana.key" --yes | tail -1
  jhf approve --db "$DB" --id D-2026-000$n --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
done

say "5. The water plant contract is cancelled: a reversal (nothing is ever deleted)."
cat > "$W/in/r1.json" <<'J'
{"id": "R-2026-0001", "reverses": "D-2026-0003", "reason": "Contract cancelled by the municipality; funds returned"}
J
jhf propose --db "$DB" --kind reversal --file "$W/in/r1.json"
jhf approve --db "$DB" --id R-2026-0001 --key "$W/keys/demo-shcp-carlos.key" --yes | tail -1
jhf approve --db "$DB" --id R-2026-0001 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1

say "6. Key rotation: SHCP replaces Ana's key with Elena's (made on Elena's own machine)."
echo '$ jhf keygen --name demo-shcp-elena --role approver --institution SHCP --out keys'
ELENA=$("$JHF" keygen --name demo-shcp-elena --role approver --institution SHCP --out "$W/keys")
echo "$ELENA"
printf '{"id": "K-2026-0001", "add": [%s], "revoke": ["demo-shcp-ana"], "reason": "Officer rotation: Ana moves to another unit"}\n' \
  "$ELENA" > "$W/in/k1.json"
jhf propose --db "$DB" --kind key_update --file "$W/in/k1.json"
jhf approve --db "$DB" --id K-2026-0001 --key "$W/keys/demo-shcp-ana.key" --yes | tail -1
jhf approve --db "$DB" --id K-2026-0001 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1

say "7. Ana's revoked key can no longer sign; Elena's can."
cat > "$W/in/d4.json" <<'J'
{"id": "D-2026-0004", "amount": 90000000, "currency": "MXN", "category": "humanitarian_stabilization",
 "program": "youth", "municipality": "12001", "payee": {"name": "Casa de la Juventud de Acapulco"},
 "purpose": "After-school programme, first term", "value_date": "2026-12-05",
 "sealed": {"payee_account": {"number": "014028000005555557", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
J
jhf propose --db "$DB" --kind disbursement --file "$W/in/d4.json"
if "$JHF" approve --db "$DB" --id D-2026-0004 --key "$W/keys/demo-shcp-ana.key" --yes > "$W/refused.txt" 2>&1; then
  echo "unexpected: a revoked key signed"; exit 1
else
  echo "refused as expected (exit $?): $(tail -1 "$W/refused.txt")"
fi
jhf approve --db "$DB" --id D-2026-0004 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve --db "$DB" --id D-2026-0004 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1

say "8. Exports: a public one (no bank details) and an auditor one (with sealed records)."
jhf export --db "$DB" --out "$W/public"
jhf export --db "$DB" --out "$W/auditor" --sealed
# entry_hash = SHA-256(0x00 || line without its newline), computed here with coreutils alone.
GENESIS=$({ printf '\0'; head -n 1 "$W/public/entries.jsonl" | tr -d '\n'; } | sha256sum | cut -c1-64)
echo "genesis entry_hash (published out of band): $GENESIS"

say "9. An auditor verifies the export offline, pinned to the published genesis hash."
jhf verify --bundle "$W/auditor" --genesis "$GENESIS"

say "10. Someone edits one amount in a copy of the export: verification catches it."
cp -r "$W/public" "$W/tampered"
sed -i 's/"amount":4800000000/"amount":4900000000/' "$W/tampered/entries.jsonl"
if "$JHF" verify --bundle "$W/tampered" --genesis "$GENESIS" > "$W/tampered.txt"; then
  echo "unexpected: tampering not detected"; exit 1
else
  echo "exit $?: $(head -1 "$W/tampered.txt")"; grep -E '^  seq' "$W/tampered.txt"
fi

say "Done. Everything above is in $W."
