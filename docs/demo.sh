#!/usr/bin/env bash
# JHF Ledger demo: a ledger made from Keys.example, served over HTTP by `jhf serve`; officers
# of both institutions co-sign disbursements, a reversal and a key rotation through the service
# (their keys stay on their machines, only signatures travel); an auditor exports and verifies
# offline, and tampering is caught; then the log is published as tiles and witnessed by ASF and
# GAO, a monitor follows it, and a forked log is caught — told in plain words.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .build/debug/jhf ]; then
  echo "Building jhf from source (the first build compiles its Swift packages: about 3 to 5 minutes on 2 cores; later runs take seconds)..." >&2
fi
swift build --product jhf >/dev/null 2>&1 || swift build --product jhf
JHF="$PWD/.build/debug/jhf"
W="${JHF_DEMO_DIR:-$PWD/demo-output}"
rm -rf "$W"; mkdir -p "$W/keys" "$W/in"
for f in Keys.example/*.key; do install -m 600 "$f" "$W/keys/"; done
mkdir -p "$W/tokens"; for f in Keys.example/tokens/*.token; do install -m 600 "$f" "$W/tokens/"; done
PORT="${JHF_DEMO_PORT:-18080}"
URL="http://127.0.0.1:$PORT"
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

say "2. The ledger service starts (embedded SQLite store; tokens from Keys.example/service.json)."
echo "\$ jhf serve --db ledger.sqlite --listen 127.0.0.1:$PORT --config Keys.example/service.json --log-key keys/demo-job-log.key &"
"$JHF" serve --db "$DB" --listen "127.0.0.1:$PORT" --config Keys.example/service.json --log-key "$W/keys/demo-job-log.key" \
  --log-level info > "$W/service.log" 2>&1 &
SERVICE=$!
trap 'kill -TERM $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if "$JHF" list --server "$URL" --token-file "$W/tokens/auditor.token" > /dev/null 2>&1; then break; fi
  kill -0 $SERVICE 2>/dev/null || { echo "the service did not start:"; cat "$W/service.log"; exit 1; }
  sleep 0.1
done
PROPOSER=(--server "$URL" --token-file "$W/tokens/proposer.token")
SHCP=(--server "$URL" --token-file "$W/tokens/shcp-officer.token")
USAID=(--server "$URL" --token-file "$W/tokens/usaid-officer.token")
AUDITOR=(--server "$URL" --token-file "$W/tokens/auditor.token")

say "3. One officer of each institution co-signs the genesis entry, each from their own machine."
jhf approve "${SHCP[@]}" --id genesis --key "$W/keys/demo-shcp-ana.key" --yes
jhf approve "${USAID[@]}" --id genesis --key "$W/keys/demo-usaid-ben.key" --yes

say "4. Three disbursements are proposed; the bank details are sealed, only their digest is public."
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
for n in 1 2 3; do jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d$n.json"; done
echo "(proposing the same file again is harmless: the service answers with the stored proposal)"
jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d1.json"
jhf list "${PROPOSER[@]}" --status pending

say "5. Each officer's tool shows the proposal, checks the sealed record, and signs locally."
for n in 1 2 3; do
  jhf approve "${SHCP[@]}" --id D-2026-000$n --key "$W/keys/demo-shcp-ana.key" --yes | tail -1
  jhf approve "${USAID[@]}" --id D-2026-000$n --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
done

say "6. The water plant contract is cancelled: a reversal (nothing is ever deleted)."
cat > "$W/in/r1.json" <<'J'
{"id": "R-2026-0001", "reverses": "D-2026-0003", "reason": "Contract cancelled by the municipality; funds returned"}
J
jhf propose "${PROPOSER[@]}" --kind reversal --file "$W/in/r1.json"
jhf approve "${SHCP[@]}" --id R-2026-0001 --key "$W/keys/demo-shcp-carlos.key" --yes | tail -1
jhf approve "${USAID[@]}" --id R-2026-0001 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1

say "7. Key rotation: SHCP replaces Ana's key with Elena's (made on Elena's own machine)."
echo '$ jhf keygen --name demo-shcp-elena --role approver --institution SHCP --out keys'
ELENA=$("$JHF" keygen --name demo-shcp-elena --role approver --institution SHCP --out "$W/keys")
echo "$ELENA"
printf '{"id": "K-2026-0001", "add": [%s], "revoke": ["demo-shcp-ana"], "reason": "Officer rotation: Ana moves to another unit"}\n' \
  "$ELENA" > "$W/in/k1.json"
jhf propose "${PROPOSER[@]}" --kind key_update --file "$W/in/k1.json"
jhf approve "${SHCP[@]}" --id K-2026-0001 --key "$W/keys/demo-shcp-ana.key" --yes | tail -1
jhf approve "${USAID[@]}" --id K-2026-0001 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1

say "8. Ana's revoked key can no longer sign; Elena's can."
cat > "$W/in/d4.json" <<'J'
{"id": "D-2026-0004", "amount": 90000000, "currency": "MXN", "category": "humanitarian_stabilization",
 "program": "youth", "municipality": "12001", "payee": {"name": "Casa de la Juventud de Acapulco"},
 "purpose": "After-school programme, first term", "value_date": "2026-12-05",
 "sealed": {"payee_account": {"number": "014028000005555557", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
J
jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d4.json"
if "$JHF" approve "${SHCP[@]}" --id D-2026-0004 --key "$W/keys/demo-shcp-ana.key" --yes > "$W/refused.txt" 2>&1; then
  echo "unexpected: a revoked key signed"; exit 1
else
  echo "refused as expected (exit $?): $(tail -1 "$W/refused.txt")"
fi
jhf approve "${SHCP[@]}" --id D-2026-0004 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id D-2026-0004 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1

say "8b. Format v1.1: a contract is signed and disclosed as a commitment; payments name it."
SIGNED=$(date -u -d '-6 days' +%F)
cat > "$W/in/c1.json" <<J
{"id": "C-2026-0001", "title": "Rehabilitación de la planta potabilizadora de Culiacán",
 "supplier": {"name": "Ingeniería Hidráulica del Pacífico S.A. de C.V."}, "amount": 1800000000, "currency": "MXN",
 "category": "humanitarian_stabilization", "program": "water", "municipality": "25006", "procurement_method": "open",
 "reference": "SHCP-JHF-LP-2026-0042", "date_signed": "$SIGNED"}
J
jhf propose "${PROPOSER[@]}" --kind commitment --file "$W/in/c1.json"
jhf approve "${SHCP[@]}" --id C-2026-0001 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id C-2026-0001 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
for n in 5 6; do
  cat > "$W/in/d$n.json" <<J
{"id": "D-2026-000$n", "amount": 600000000, "currency": "MXN", "category": "humanitarian_stabilization", "commitment": "C-2026-0001",
 "program": "water", "municipality": "25006", "payee": {"name": "Ingeniería Hidráulica del Pacífico S.A. de C.V."},
 "purpose": "Avance de obra $((n - 4)) de 3", "value_date": "2026-12-0$n",
 "sealed": {"payee_account": {"number": "014027000005555558", "scheme": "CLABE"}, "payee_tax_id": "IHP0911045K2", "notes": ""}}
J
  jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d$n.json"
done
echo "(the officer's screen shows the contract, what is paid so far and what remains after this payment)"
jhf approve "${SHCP[@]}" --id D-2026-0005 --key "$W/keys/demo-shcp-elena.key" --yes | sed -n '/^commitment/,/remaining after/p'
jhf approve "${USAID[@]}" --id D-2026-0005 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
jhf approve "${SHCP[@]}" --id D-2026-0006 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id D-2026-0006 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1

say "8c. The contract grows by an amendment (co-signed like everything else)."
cat > "$W/in/a1.json" <<'J'
{"id": "A-2026-0001", "commitment": "C-2026-0001", "amount": 2100000000, "reason": "Additional filtration unit (convenio modificatorio 1)"}
J
jhf propose "${PROPOSER[@]}" --kind amendment --file "$W/in/a1.json"
jhf approve "${SHCP[@]}" --id A-2026-0001 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id A-2026-0001 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1
echo "\$ curl $URL/v1/commitments/C-2026-0001"
curl -s "$URL/v1/commitments/C-2026-0001" | python3 -c 'import json,sys; c=json.load(sys.stdin); print({k: c[k] for k in ("value","disbursed","reversed","remaining","status")})'

say "8d. A human-rights finding: both governments suspend payments to Culiacán (municipality 25006)."
cat > "$W/in/s1.json" <<'J'
{"id": "S-2026-0001", "action": "suspend", "scope": {"municipality": "25006"}, "basis": "human_rights",
 "reason": "CNDH recommendation on the conduct of municipal police; suspension clause of the agreement"}
J
jhf propose "${PROPOSER[@]}" --kind suspension --file "$W/in/s1.json"
jhf approve "${SHCP[@]}" --id S-2026-0001 --key "$W/keys/demo-shcp-elena.key" --yes | grep -E '^blocks:'
jhf approve "${USAID[@]}" --id S-2026-0001 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
sed -e 's/D-2026-0006/D-2026-0007/' -e 's/Avance de obra 2 de 3/Avance de obra 3 de 3/' "$W/in/d6.json" > "$W/in/d7.json"
if "$JHF" propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d7.json" > "$W/refused-d7.txt" 2>&1; then
  echo "unexpected: a payment into a suspended municipality was accepted"; exit 1
else
  echo "refused as expected (exit $?): $(cat "$W/refused-d7.txt")"
fi

say "8e. The finding is addressed; the suspension is lifted and the payment goes through."
cat > "$W/in/s2.json" <<'J'
{"id": "S-2026-0002", "action": "resume", "scope": {"municipality": "25006"}, "basis": "human_rights",
 "reason": "Corrective plan verified by the Joint Oversight Board"}
J
jhf propose "${PROPOSER[@]}" --kind suspension --file "$W/in/s2.json"
jhf approve "${SHCP[@]}" --id S-2026-0002 --key "$W/keys/demo-shcp-elena.key" --yes | grep -E '^lifts:'
jhf approve "${USAID[@]}" --id S-2026-0002 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d7.json"
jhf approve "${SHCP[@]}" --id D-2026-0007 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id D-2026-0007 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1

say "9. Exports: a public one (no bank details) and an auditor one (with sealed records)."
jhf export --server "$URL" --out "$W/public"
jhf export "${AUDITOR[@]}" --out "$W/auditor" --sealed
# entry_hash = SHA-256(0x00 || line without its newline), computed here with coreutils alone.
GENESIS=$({ printf '\0'; head -n 1 "$W/public/entries.jsonl" | tr -d '\n'; } | sha256sum | cut -c1-64)
echo "genesis entry_hash (published out of band): $GENESIS"

say "10. An auditor verifies the export offline, pinned to the published genesis hash."
jhf verify --bundle "$W/auditor" --genesis "$GENESIS"
echo "(anyone can also replay the live chain: jhf verify --server downloads the entries and checks them locally)"
jhf verify --server "$URL" --genesis "$GENESIS" | head -2

say "10b. The quarterly audit report, from the same replay: English and Spanish, Markdown, printable HTML, JSON."
QUARTER="$(date -u +%Y)Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))"
# The MXN disclosure threshold is the MXN equivalent of USD 25,000 that the agreement fixes; 430,000.00 is the demo's.
for f in html json md; do
  # Markdown in Spanish only, to show it; HTML has both languages, JSON neither.
  if [ $f = md ]; then lang=(--lang es); else lang=(); fi
  echo "\$ jhf report --quarter $QUARTER --bundle auditor --genesis \$GENESIS --threshold MXN=430000 --format $f ${lang[*]} > report-$QUARTER.$f"
  "$JHF" report --quarter "$QUARTER" --bundle "$W/auditor" --genesis "$GENESIS" --threshold MXN=430000 --format $f "${lang[@]}" > "$W/report-$QUARTER.$f"
done
echo "wrote report-$QUARTER.html, .json and .md (Spanish); its disclosure table:"
sed -n '/^## Desembolsos iguales/,/^## Reloj/p' "$W/report-$QUARTER.md" | grep -E '^\| (Sec|[0-9])'
echo "and its disclosure clock (contracts entered within 30 days of signing, or LATE):"
sed -n '/^## Reloj de divulgación/,/^Todas las cifras/p' "$W/report-$QUARTER.md" | grep -E '^(\| (Sec|[0-9])|Un compromiso)' 

# Copies the public export, applies a sed edit to entries.jsonl, and shows that verification fails.
tamper() {
  cp -r "$W/public" "$W/$1"
  sed -i "$2" "$W/$1/entries.jsonl"
  if "$JHF" verify --bundle "$W/$1" --genesis "$GENESIS" > "$W/$1.txt"; then
    echo "unexpected: the edit was not detected"; exit 1
  else
    echo "exit $?: $(head -1 "$W/$1.txt")"; grep -E '^  seq' "$W/$1.txt"
  fi
}

say "11. Someone edits one amount in a copy of the export: verification catches it."
tamper tampered 's/"amount":4800000000/"amount":4900000000/'

say "11b. Someone moves the last entry's committed_at (no approver signs it): the signed checkpoint catches it."
tamper retimed '$ s/"committed_at":"[^"]*"/"committed_at":"2026-12-31T23:59:59Z"/'

say "12. The service stops cleanly on SIGTERM: in-flight requests finish, the store is closed."
kill -TERM $SERVICE; wait $SERVICE && echo "service exited 0"
trap - EXIT
echo "service.log has one line per request (request id, method, route, status, time):"; tail -2 "$W/service.log"

say "13. Treasury orders the payments from the bank: an ISO 20022 pain.001 file (the reversed one is left out)."
jhf payments export --db "$DB" --since 0 --debtor-name "Fondo Conjunto Humanitario (JHF)" \
  --debtor-account 012180001234567899 --execution-date 2026-12-01 --out "$W/payments-1.xml"
echo "(exporting again orders nothing twice; --force would, with a warning)"
jhf payments export --db "$DB" --since 0 --debtor-name "Fondo Conjunto Humanitario (JHF)" \
  --debtor-account 012180001234567899 --execution-date 2026-12-01 --out "$W/payments-2.xml" 2>&1

say "14. The bank's statement comes back (camt.053); the nightly job reconciles it against the ledger."
# What the bank reports: the three ordered payments booked, and a debit nobody approved.
cat > "$W/statement-2026-12-02.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>BANK-STMT-20261202</MsgId><CreDtTm>2026-12-02T06:00:00Z</CreDtTm></GrpHdr>
  <Stmt>
   <Id>STMT-20261202</Id><CreDtTm>2026-12-02T06:00:00Z</CreDtTm>
   <Acct><Id><Othr><Id>012180001234567899</Id></Othr></Id></Acct>
   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="MXN">90000000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>
   <Ntry><Amt Ccy="MXN">2500000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>
    <AcctSvcrRef>BNK-77001</AcctSvcrRef><BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
    <NtryDtls><TxDtls><Refs><EndToEndId>D-2026-0001</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
   <Ntry><Amt Ccy="USD">48000000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>
    <AcctSvcrRef>BNK-77002</AcctSvcrRef><BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
    <NtryDtls><TxDtls><Refs><EndToEndId>D-2026-0002</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
   <Ntry><Amt Ccy="MXN">900000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>
    <AcctSvcrRef>BNK-77004</AcctSvcrRef><BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
    <NtryDtls><TxDtls><Refs><EndToEndId>D-2026-0004</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
   <Ntry><Amt Ccy="MXN">18500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>
    <AcctSvcrRef>BNK-77003</AcctSvcrRef><BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
    <NtryDtls><TxDtls><RmtInf><Ustrd>Consultoria externa</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
X
jhf reconcile --db "$DB" --statement "$W/statement-2026-12-02.xml" --report "$W/reconciliation" || echo "exit $?: discrepancies (an unknown debit is an alarm)"
echo "(the job runs again on the same file: the recorded result, nothing counted twice)"
jhf reconcile --db "$DB" --statement "$W/statement-2026-12-02.xml" | sed -n 1,2p || true

say "15. The public log: two witnesses (ASF and GAO), the log published as tiles, a monitor anyone can run."
echo "(each witness operator makes its own key; both governments add the keys to the ledger by a key_update)"
WITNESS_KEYS=()
for inst in asf gao; do
  INST=$(echo "$inst" | tr a-z A-Z)
  KEY=$("$JHF" keygen --name "$inst.demo/witness" --role witness --institution "$INST" --out "$W/keys")
  echo "\$ jhf keygen --name $inst.demo/witness --role witness --institution $INST --out keys"; echo "$KEY"
  WITNESS_KEYS+=("$KEY")
done
printf '{"id": "K-2026-0002", "add": [%s, %s], "revoke": [], "reason": "Witnesses of the Auditoría Superior and GAO"}\n' \
  "${WITNESS_KEYS[0]}" "${WITNESS_KEYS[1]}" > "$W/in/k2.json"
jhf propose --db "$DB" --kind key_update --file "$W/in/k2.json"
jhf approve --db "$DB" --id K-2026-0002 --key "$W/keys/demo-shcp-carlos.key" --yes | tail -1
jhf approve --db "$DB" --id K-2026-0002 --key "$W/keys/demo-usaid-dana.key" --yes | tail -1
LOG_PUBLIC=$(python3 -c 'import json,sys; print([k["public_key"] for k in json.load(open(sys.argv[1])) if k["role"] == "log"][0])' Keys.example/registry.json)
WITNESSES=()
for i in 1 2; do
  inst=$([ $i = 1 ] && echo asf || echo gao)
  printf '{"state": "%s-witness.db", "logs": [{"origin": "jhf-ledger/jhf.smhp.demo", "keys": [{"name": "demo-job-log", "public_key": "%s"}]}]}\n' \
    "$inst" "$LOG_PUBLIC" > "$W/$inst-witness.json"
  echo "\$ jhf witness serve --key keys/${inst}.demo_witness.key --config $inst-witness.json --listen 127.0.0.1:$((PORT + i)) &"
  "$JHF" witness serve --key "$W/keys/${inst}.demo_witness.key" --config "$W/$inst-witness.json" --listen "127.0.0.1:$((PORT + i))" \
    > "$W/$inst-witness.log" 2>&1 &
  WITNESSES+=($!)
done
trap 'kill -TERM ${WITNESSES[*]} 2>/dev/null || true' EXIT
for i in 1 2; do
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$((PORT + i))/healthz" > /dev/null && break; sleep 0.1; done
done
python3 - "$W" "$PORT" "${WITNESS_KEYS[@]}" > "$W/service-witnessed.json" <<'P'
import json, sys
w, port, keys = sys.argv[1], int(sys.argv[2]), [json.loads(k) for k in sys.argv[3:]]
config = json.load(open("Keys.example/service.json"))
config["witnesses"] = [{"url": f"http://127.0.0.1:{port + i + 1}", "name": k["name"], "public_key": k["public_key"]} for i, k in enumerate(keys)]
config["witness_policy"] = "2 of ASF,GAO,JOB"
config["site"] = {"base_url": f"http://127.0.0.1:{port}", "ocid_prefix": "ocds-d3m000", "thresholds": {"USD": "25000.00", "MXN": "430000.00"}}
print(json.dumps(config, indent=2))
P
cp "$DB" "$W/fork.sqlite"   # a copy, for the forked log below
echo "\$ jhf serve --db ledger.sqlite --config service-witnessed.json --log-key keys/demo-job-log.key --publish tlog --site site &"
"$JHF" serve --db "$DB" --listen "127.0.0.1:$PORT" --config "$W/service-witnessed.json" --log-key "$W/keys/demo-job-log.key" \
  --publish "$W/tlog" --site "$W/site" --log-level warning > "$W/service-2.log" 2>&1 &
SERVICE=$!
trap 'kill -TERM $SERVICE ${WITNESSES[*]} 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$URL/healthz" > /dev/null && break; sleep 0.1; done
cat > "$W/in/d9.json" <<'J'
{"id": "D-2026-0009", "amount": 35000000, "currency": "MXN", "category": "humanitarian_stabilization",
 "program": "schools", "municipality": "07101", "payee": {"name": "Escuela Primaria Benito Juárez"},
 "purpose": "Roof repair after the storm", "value_date": "2026-12-10",
 "sealed": {"payee_account": {"number": "002010077777777771", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
J
jhf propose "${PROPOSER[@]}" --kind disbursement --file "$W/in/d9.json"
jhf approve "${SHCP[@]}" --id D-2026-0009 --key "$W/keys/demo-shcp-elena.key" --yes | tail -1
jhf approve "${USAID[@]}" --id D-2026-0009 --key "$W/keys/demo-usaid-ben.key" --yes | tail -1
SIZE=$("$JHF" verify --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"])')
for _ in $(seq 1 300); do
  NOTE=$(curl -sf "$URL/tlog/checkpoint" || true)
  [ "$(echo "$NOTE" | sed -n 2p)" = "$SIZE" ] && [ "$(echo "$NOTE" | grep -c '^— [ag][sa][fo].demo/witness ')" = 2 ] && break; sleep 0.1
done
echo "\$ curl $URL/tlog/checkpoint   (the log's signature and both witnesses' cosignatures)"
curl -s "$URL/tlog/checkpoint"
echo "\$ curl -D - $URL/tlog/tile/0/000.p/$SIZE   (tiles are immutable: any web server or CDN can cache them)"
curl -s -D - -o /dev/null "$URL/tlog/tile/0/000.p/$SIZE" | grep -i "^cache-control"
GENESIS=$("$JHF" verify --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["genesis_hash"])')
mkdir -p "$W/monitor"
jhf monitor --tiles "$URL/tlog" --state "$W/monitor/state" --genesis "$GENESIS" --witness-policy "2 of ASF,GAO,JOB"
jhf verify --tiles "$URL/tlog" --genesis "$GENESIS" --witness-policy "2 of ASF,GAO,JOB" | sed -n '/^VALID/p;/^INVALID/p;/^checkpoint/p;/^cosigned/p'

say "15b. The public portal, in Spanish and English, verifies all this in the visitor's browser; open data beside it."
for _ in $(seq 1 300); do grep -q "\"size\":$SIZE," "$W/site/data/site/ledger.json" 2>/dev/null && break; sleep 0.1; done
echo "The service keeps site/ current and serves it at $URL/ (Spanish) and $URL/#/en/overview (English) while it runs."
echo "\$ curl -sI $URL/ | grep -i content-security-policy"
curl -sI "$URL/" | grep -i content-security-policy
echo "\$ ls site/data/*"
(cd "$W/site/data" && ls -d */* datapackage.json | sed 's/^/  /')
echo "\$ head -3 site/data/csv/disbursements.csv"
head -3 "$W/site/data/csv/disbursements.csv"
echo "(the same site from any copy of the tiles, written offline:)"
jhf publish site --tiles "$W/tlog" --out "$W/site-offline" --genesis "$GENESIS" --base-url "$URL" --witness-policy "2 of ASF,GAO,JOB" \
  --ocid-prefix ocds-d3m000 --threshold USD=25000.00 --threshold MXN=430000.00

say "16. A forked log: a second service signs another history with the same log key. The witnesses refuse it; the monitor catches it."
"$JHF" serve --db "$W/fork.sqlite" --listen "127.0.0.1:$((PORT + 3))" --config "$W/service-witnessed.json" --log-key "$W/keys/demo-job-log.key" \
  --publish "$W/fork-public" --log-level warning > "$W/fork-service.log" 2>&1 &
FORK=$!
trap 'kill -TERM $SERVICE $FORK ${WITNESSES[*]} 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$((PORT + 3))/healthz" > /dev/null && break; sleep 0.1; done
FORKED=(--server "http://127.0.0.1:$((PORT + 3))" --token-file "$W/tokens/proposer.token")
for n in 10 11; do
  sed "s/D-2026-0009/D-2026-00$n/; s/Roof repair after the storm/Paid twice, elsewhere/" "$W/in/d9.json" > "$W/in/fork-$n.json"
  "$JHF" propose "${FORKED[@]}" --kind disbursement --file "$W/in/fork-$n.json" > /dev/null
  "$JHF" approve --server "http://127.0.0.1:$((PORT + 3))" --token-file "$W/tokens/shcp-officer.token" --id "D-2026-00$n" --key "$W/keys/demo-shcp-elena.key" --yes > /dev/null
  "$JHF" approve --server "http://127.0.0.1:$((PORT + 3))" --token-file "$W/tokens/usaid-officer.token" --id "D-2026-00$n" --key "$W/keys/demo-usaid-ben.key" --yes > /dev/null
done
sleep 2
echo "The fork's checkpoint carries only the log's signature: no witness cosigned it."
curl -s "http://127.0.0.1:$((PORT + 3))/tlog/checkpoint"
echo "What the ASF witness kept as evidence:"; sqlite3 "$W/asf-witness.db" "SELECT reason FROM evidence" | head -3
echo "The fork service's log:"; grep -m1 -o 'a witness[^"]*' "$W/fork-service.log" || true
jhf monitor --tiles "http://127.0.0.1:$((PORT + 3))/tlog" --state "$W/monitor/state" --witness-policy "2 of ASF,GAO,JOB" \
  || echo "exit $?: the monitor caught the fork and kept the evidence"
kill -TERM $SERVICE $FORK ${WITNESSES[*]}; wait $SERVICE $FORK ${WITNESSES[*]} 2>/dev/null || true
trap - EXIT

say "Done. Everything above is in $W."
