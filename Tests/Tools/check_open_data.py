#!/usr/bin/env python3
"""Checks that every figure of a site's open data agrees with the quarterly reports.

Usage: check_open_data.py SITE REPORTS_DIR BASE_URL

REPORTS_DIR holds `<quarter>.json`, each the output of `jhf report --format json` for the same
ledger and checkpoint. Checked, per quarter and overall:
- data/reports/<q>.json is the report (everything but `verification`, which names the policy);
- CSV disbursements: count and sum by municipality, programme and category per currency and
  quarter; reversed amounts by the quarter the reversal was recorded;
- CSV commitments: value, paid and remaining of every commitment the reports list as paid,
  and the disclosure clock (days, late) of every commitment the reports' clock lists;
- CSV suspensions: the reports' suspensions;
- IATI: per programme and currency, the type-3 sum is the reports' net disbursed, and per
  commitment the type-2 sum is its value after its last event;
- OCDS: one release per commitment event and payment; every payment transaction is the CSV
  row (amount, date, uri); each record's compiled contract value and transaction sum are the
  reports' value and net paid.
Prints each disagreement; exit 1 if any.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

site, reports_dir, base = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def quarter(ts):
    return f"{ts[0:4]}Q{(int(ts[5:7]) - 1) // 3 + 1}"


def minor(decimal_text, currency):
    digits = 0 if currency in ("JPY", "KRW", "CLP") else 2
    return int(Decimal(decimal_text) * (10 ** digits))


reports = {p.stem: json.loads(p.read_text()) for p in sorted(reports_dir.glob("*.json"))}
check(reports, "no reports given")
for q, r in reports.items():
    published = json.loads((site / "data" / "reports" / f"{q}.json").read_text())
    for key in r:
        if key != "verification":
            check(published.get(key) == r[key], f"report {q}: member {key} differs from jhf report")

rows = list(csv.DictReader(open(site / "data/csv/disbursements.csv", newline="", encoding="utf-8")))
by = defaultdict(lambda: [0, 0])
reversed_by = defaultdict(int)
for row in rows:
    q = quarter(row["committed_at"])
    check(minor(row["amount"], row["currency"]) == int(row["amount_minor"]), f"{row['id']}: amount and amount_minor differ")
    check(row["entry_url"] == f"{base}/entry.html?seq={row['seq']}", f"{row['id']}: entry_url {row['entry_url']}")
    for dim in ("municipality", "program", "category"):
        k = (q, dim, row[dim], row["currency"])
        by[k][0] += 1
        by[k][1] += int(row["amount_minor"])
    if row["reversed_by"]:
        for dim in ("municipality", "program", "category"):
            reversed_by[(quarter(row["reversed_at"]), dim, row[dim], row["currency"])] += int(row["amount_minor"])

for q, r in reports.items():
    for dim, member in (("municipality", "totals_by_municipality"), ("program", "totals_by_program"), ("category", "totals_by_category")):
        seen = set()
        for t in r[member]:
            k = (q, dim, t[dim], t["currency"])
            seen.add(k)
            check(by[k] == [t["disbursements"], t["disbursed"]], f"{q} {dim} {t[dim]} {t['currency']}: CSV {by[k]} report {[t['disbursements'], t['disbursed']]}")
            check(reversed_by[k] == t["reversed"], f"{q} {dim} {t[dim]} {t['currency']}: CSV reversed {reversed_by[k]} report {t['reversed']}")
        extra = [k for k in by if k[0] == q and k[1] == dim and k not in seen]
        check(not extra, f"{q}: CSV rows the report does not total: {extra}")
check(len(rows) == sum(t["disbursements"] for r in reports.values() for t in r["totals_by_currency"]), "CSV disbursement count differs from the reports")

commitments = {c["id"]: c for c in csv.DictReader(open(site / "data/csv/commitments.csv", newline="", encoding="utf-8"))}
final_value = {}
for q in sorted(reports):
    for e in reports[q]["commitments"]["events"]:
        final_value[e["commitment"]] = e["value"]
last_paid = {}
for q in sorted(reports):
    for p in reports[q]["commitments"]["paid"]:
        last_paid[p["commitment"]] = p
    for c in reports[q]["disclosure_clock"]["commitments"]:
        row = commitments.get(c["id"])
        check(row is not None, f"clock: {c['id']} missing from commitments.csv")
        if row:
            check(int(row["disclosure_days"]) == c["days"] and row["disclosure_late"] == ("true" if c["late"] else "false"),
                  f"clock {c['id']}: CSV {row['disclosure_days']}/{row['disclosure_late']} report {c['days']}/{c['late']}")
check(set(commitments) == set(final_value), f"commitments.csv {sorted(commitments)} vs report events {sorted(final_value)}")
for cid, row in commitments.items():
    cur = row["currency"]
    check(minor(row["value"], cur) == final_value.get(cid), f"{cid}: CSV value {row['value']} report {final_value.get(cid)}")
    if cid in last_paid:
        p = last_paid[cid]
        check(minor(row["paid"], cur) == p["net_at_end"] and minor(row["remaining"], cur) == p["remaining_at_end"],
              f"{cid}: CSV paid/remaining {row['paid']}/{row['remaining']} report {p['net_at_end']}/{p['remaining_at_end']}")

suspensions = [s["id"] for s in csv.DictReader(open(site / "data/csv/suspensions.csv", newline="", encoding="utf-8")) if s["action"] == "suspend"]
reported = sorted({s["id"] for r in reports.values() for s in r["suspensions"]})
check(sorted(suspensions) == reported, f"suspensions.csv {suspensions} vs reports {reported}")

ns = {"xml": "http://www.w3.org/XML/1998/namespace"}
tree = ET.parse(site / "data/iati/activities.xml")
net = defaultdict(int)
for r in reports.values():
    for t in r["totals_by_program"]:
        net[(t["program"], t["currency"])] += t["net"]
iati_net = defaultdict(int)
iati_committed = defaultdict(int)
for activity in tree.getroot().findall("iati-activity"):
    program = activity.findtext("iati-identifier").rsplit("-", 1)[-1]
    for t in activity.findall("transaction"):
        v = t.find("value")
        amount = minor(v.text, v.get("currency"))
        code = t.find("transaction-type").get("code")
        if code == "3":
            iati_net[(program, v.get("currency"))] += amount
        elif code == "2":
            ref = t.get("ref")
            iati_committed[ref if ref in commitments else next((c for c in commitments if f"({c})" in t.findtext("description/narrative")), ref)] += amount
        else:
            problems.append(f"IATI transaction type {code}")
check(dict(iati_net) == {k: v for k, v in net.items()}, f"IATI net by programme {dict(iati_net)} vs reports {dict(net)}")
check(dict(iati_committed) == final_value, f"IATI commitments {dict(iati_committed)} vs report values {final_value}")

ocds_dir = site / "data" / "ocds"
if ocds_dir.exists():
    releases = [rel for p in sorted(ocds_dir.glob("releases-*.json")) for rel in json.loads(p.read_text())["releases"]]
    by_id = {r["id"]: r for r in releases}
    check(len(by_id) == len(releases), "OCDS release ids repeat")
    under = [row for row in rows if row["commitment"]]
    for row in under:
        rel = by_id.get(row["id"])
        check(rel is not None, f"OCDS: no release for payment {row['id']}")
        if rel:
            t = rel["contracts"][0]["implementation"]["transactions"][0]
            check(minor(str(t["value"]["amount"]), t["value"]["currency"]) == int(row["amount_minor"]), f"OCDS {row['id']}: amount")
            check(t["date"] == row["value_date"] + "T00:00:00Z", f"OCDS {row['id']}: date {t['date']}")
            check(t["uri"] == row["entry_url"], f"OCDS {row['id']}: uri {t['uri']}")
            check(rel["ocid"].endswith("-" + row["commitment"]), f"OCDS {row['id']}: ocid {rel['ocid']}")
    records = json.loads((ocds_dir / "records.json").read_text())["records"]
    check(len(records) == len(commitments), "OCDS: one record per commitment")
    for rec in records:
        contract = rec["compiledRelease"]["contracts"][0]
        cid = contract["id"]
        cur = contract["value"]["currency"]
        check(minor(str(contract["value"]["amount"]), cur) == final_value.get(cid), f"OCDS record {cid}: value")
        paid = sum(minor(str(t["value"]["amount"]), cur) for t in contract.get("implementation", {}).get("transactions", []))
        check(paid == minor(commitments[cid]["paid"], cur), f"OCDS record {cid}: transactions sum {paid} vs paid {commitments[cid]['paid']}")
        check(rec["ocid"].endswith("-" + cid), f"OCDS record {cid}: ocid {rec['ocid']}")
        check(len(rec["releases"]) == len([x for x in releases if x["ocid"] == rec["ocid"]]), f"OCDS record {cid}: linked releases")

for p in problems:
    print(p)
print(f"{len(problems)} disagreement(s)")
sys.exit(1 if problems else 0)
