// The pages. Figures come from the quarterly reports the publisher verified (data/reports/);
// entries a visitor opens are verified here, in the browser (entry page).
import { CONFIG } from "./config.js";
import { h, replace, table } from "./dom.js";
import * as F from "./format.js";
import * as D from "./data.js";
import { bars } from "./charts.js";
import { link, verifyEntry, failureText } from "./app.js";

const PAGE_ROWS = 50;

function latestQuarter(ledger) { return ledger.quarters[ledger.quarters.length - 1]; }

function quarterPicker(ledger, current, page, params) {
  return h("form", { class: "filters inline", onsubmit: (e) => e.preventDefault() },
    h("label", { for: "quarter" }, F.t("quarter_label")),
    h("select", { id: "quarter", name: "quarter", onchange: (e) => { location.hash = link(page, { ...Object.fromEntries(params), quarter: e.target.value }); } },
      ledger.quarters.slice().reverse().map((q) => h("option", { value: q, selected: q === current }, F.quarter(q)))));
}

function place(code, state, name) { return name ? `${name}, ${state}` : code; }

async function overview(params, ledger) {
  const q = latestQuarter(ledger);
  const reports = await Promise.all(ledger.quarters.map((x) => D.report(x)));
  const report = reports[reports.length - 1] ?? null;
  const budget = report ? report.budget_use.rows : [];
  const stats = [
    [F.t("ov_entries"), F.number(ledger.size)], [F.t("ov_payments"), F.number(ledger.payments)],
    [F.t("ov_contracts"), F.number(ledger.contracts)], [F.t("ov_suspensions_active"), F.number(ledger.active_suspensions.length)],
  ];
  const trendRows = [];
  for (const r of reports) for (const c of r.totals_by_currency) trendRows.push({ quarter: r.quarter, ...c });
  const currencies = [...new Set(trendRows.map((r) => r.currency))];
  return h("div", {},
    h("h1", {}, F.t("ov_title")),
    h("p", { class: "lead" }, F.t("ov_intro")),
    h("ul", { class: "stats" }, stats.map(([k, v]) => h("li", {}, h("span", { class: "stat-value" }, v), h("span", { class: "stat-label" }, k)))),
    anchors(),
    h("section", {},
      h("h2", {}, F.t("ov_budget")),
      q ? h("p", {}, F.t("ov_budget_asof", { quarter: F.quarter(q) })) : null,
      bars(F.t("ov_chart_budget"), [{ name: F.t("col_envelope"), cls: "s1" }, { name: F.t("col_net"), cls: "s2" }],
        budget.map((b) => ({ label: `${F.category(b.category)} (${b.currency})`, values: [b.envelope ?? 0, b.net], currency: b.currency })),
        (v) => F.number(Math.round(v / 100))),
      table(F.t("ov_budget"), [F.t("col_category"), F.t("col_currency"), F.t("col_envelope"), F.t("col_net"), F.t("col_remaining"), F.t("col_used")],
        budget.map((b) => [F.category(b.category), b.currency, b.envelope === null ? "—" : F.money(b.envelope, b.currency), F.money(b.net, b.currency),
          b.remaining === null ? "—" : F.money(b.remaining, b.currency), b.used_basis_points === null ? "—" : F.percent(b.used_basis_points)]),
        { numeric: [2, 3, 4, 5] })),
    h("section", {},
      h("h2", {}, F.t("ov_trend")),
      currencies.map((cur) => bars(`${F.t("ov_chart_trend")} (${cur})`, [{ name: `${F.t("col_net")} (${cur})`, cls: "s2" }],
        trendRows.filter((r) => r.currency === cur).map((r) => ({ label: F.quarter(r.quarter), values: [r.net] })),
        (v) => F.money(v, cur))),
      table(F.t("ov_trend"), [F.t("col_quarter"), F.t("col_currency"), F.t("col_payments"), F.t("col_disbursed"), F.t("col_reversed"), F.t("col_net")],
        trendRows.map((r) => [F.quarter(r.quarter), r.currency, F.number(r.disbursements), F.money(r.disbursed, r.currency), F.money(r.reversed, r.currency), F.money(r.net, r.currency)]),
        { numeric: [2, 3, 4, 5] })),
    h("section", {},
      h("h2", {}, F.t("ov_suspensions_active")),
      ledger.active_suspensions.length === 0 ? h("p", {}, F.t("ov_none_active"))
        : table(null, [F.t("col_id"), F.t("col_scope"), F.t("col_basis")],
          ledger.active_suspensions.map((s) => [h("a", { href: link("entry", { seq: s.seq }) }, s.id), scopeText(s.scope), s.basis]))));
}

function anchors() {
  return h("section", { class: "anchors" },
    h("h2", {}, F.t("anchors_title")),
    h("p", {}, F.t("anchors_text")),
    h("dl", {},
      h("dt", {}, F.t("anchor_genesis")), h("dd", {}, h("code", { class: "hash" }, CONFIG.genesis_hash)),
      h("dt", {}, F.t("anchor_policy")),
      h("dd", {}, CONFIG.witness_policy ? [policyWords(), " (", h("code", {}, CONFIG.witness_policy.text), ")"] : F.t("anchor_policy_none"))));
}

/** The witness policy in words: "at least 2 of: ASF, GAO, JOB". */
export function policyWords() {
  const p = CONFIG.witness_policy;
  return F.t("policy_words", { k: p.quorum, list: p.institutions.join(", ") });
}

function scopeText(scope) {
  const [field, value] = Object.entries(scope)[0];
  return `${F.t("field_" + (field === "program" ? "program" : field))}: ${value}`;
}

async function places(params, ledger) {
  const q = params.get("quarter") || latestQuarter(ledger);
  const report = await D.report(q);
  const rows = report.totals_by_municipality.slice().sort((a, b) =>
    (a.state_name ?? "").localeCompare(b.state_name ?? "", "es") || (a.municipality_name ?? "").localeCompare(b.municipality_name ?? "", "es"));
  return h("div", {},
    h("h1", {}, F.t("places_title")),
    h("p", {}, F.t("places_intro")),
    quarterPicker(ledger, q, "places", params),
    table(`${F.t("places_title")} — ${F.quarter(q)}`,
      [F.t("col_state"), F.t("col_municipality"), F.t("col_currency"), F.t("col_payments"), F.t("col_disbursed"), F.t("col_reversed"), F.t("col_net")],
      rows.map((r) => [r.state_name ?? "—", h("a", { href: link("payments", { municipality: r.municipality, quarter: q }) }, `${r.municipality_name ?? r.municipality} (${r.municipality})`),
        r.currency, F.number(r.disbursements), F.money(r.disbursed, r.currency), F.money(r.reversed, r.currency), F.money(r.net, r.currency)]),
      { numeric: [3, 4, 5, 6] }));
}

async function programs(params, ledger) {
  const q = params.get("quarter") || latestQuarter(ledger);
  const report = await D.report(q);
  const rows = report.totals_by_program;
  const currencies = [...new Set(rows.map((r) => r.currency))];
  return h("div", {},
    h("h1", {}, F.t("programs_title")),
    quarterPicker(ledger, q, "programs", params),
    currencies.map((cur) => bars(`${F.t("chart_programs")} (${cur}, ${F.quarter(q)})`, [{ name: `${F.t("col_net")} (${cur})`, cls: "s2" }],
      rows.filter((r) => r.currency === cur).map((r) => ({ label: r.program, values: [r.net] })), (v) => F.money(v, cur))),
    table(`${F.t("programs_title")} — ${F.quarter(q)}`,
      [F.t("col_program"), F.t("col_currency"), F.t("col_payments"), F.t("col_disbursed"), F.t("col_reversed"), F.t("col_net")],
      rows.map((r) => [h("a", { href: link("payments", { program: r.program, quarter: q }) }, r.program), r.currency, F.number(r.disbursements),
        F.money(r.disbursed, r.currency), F.money(r.reversed, r.currency), F.money(r.net, r.currency)]),
      { numeric: [2, 3, 4, 5] }));
}

const FILTERS = ["municipality", "program", "payee", "min", "max", "from", "to", "contract", "quarter"];

/** Whether a payment row passes the filters (amounts in the currency's major unit). */
function matches(p, f) {
  if (f.municipality && p.municipality !== f.municipality) return false;
  if (f.program && p.program !== f.program) return false;
  if (f.contract && p.commitment !== f.contract) return false;
  if (f.payee && !p.payee.toLocaleLowerCase().includes(f.payee.toLocaleLowerCase())) return false;
  const major = p.amount / 10 ** F.currencyDigits(p.currency);
  if (f.min !== "" && f.min !== undefined && major < Number(f.min)) return false;
  if (f.max !== "" && f.max !== undefined && major > Number(f.max)) return false;
  if (f.from && p.value_date < f.from) return false;
  if (f.to && p.value_date > f.to) return false;
  if (f.quarter) {
    const [y, n] = [f.quarter.slice(0, 4), Number(f.quarter.slice(5))];
    const month = Number(p.committed_at.slice(5, 7));
    if (p.committed_at.slice(0, 4) !== y || Math.floor((month - 1) / 3) + 1 !== n) return false;
  }
  return true;
}

async function payments(params, ledger) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ""]));
  const page = Math.max(1, Number(params.get("page") || 1));
  const want = page * PAGE_ROWS;
  // The municipality's pages, or all pages, are read in order until this page of results is
  // full; a visitor can keep searching the rest ("scan" pages at a time).
  const municipality = f.municipality ? ledger.municipalities.find((m) => m.code === f.municipality) : null;
  const total = f.municipality ? (municipality?.pages ?? 0) : ledger.payment_pages;
  const path = (n) => (f.municipality ? `data/site/payments/municipality/${f.municipality}/page-${n}.json` : `data/site/payments/page-${n}.json`);
  const found = [];
  let scanned = 0;
  const limit = Number(params.get("scan") || 20);
  let n = 0;
  for (; n < total && (found.length < want || n < 1) && n < limit; n++) {
    const rows = await D.paymentRows(path(n));
    scanned += rows.length;
    found.push(...rows.filter((p) => matches(p, f)));
  }
  const complete = n >= total;
  const pages = Math.max(1, Math.ceil(found.length / PAGE_ROWS));
  const shown = found.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS);
  const go = (p) => link("payments", { ...f, page: p });
  return h("div", {},
    h("h1", {}, F.t("pay_title")),
    filterForm(f, ledger),
    h("p", { id: "result-count", role: "status", "data-count": found.length, "data-complete": complete },
      complete ? (found.length ? F.t("pay_count", { n: F.number(found.length), page, pages }) : F.t("pay_none"))
        : F.t("pay_partial", { scanned: F.number(scanned), total: F.number(municipality ? municipality.payments : ledger.payments), n: F.number(found.length) })),
    shown.length ? table(null, [F.t("col_id"), F.t("col_value_date"), F.t("col_amount"), F.t("col_municipality"), F.t("col_program"), F.t("col_payee"), F.t("col_contract"), F.t("col_status")],
      shown.map((p) => [h("a", { href: link("entry", { seq: p.seq, id: p.id }), "data-seq": p.seq }, p.id), F.date(p.value_date), F.money(p.amount, p.currency),
        p.municipality, p.program, p.payee, p.commitment ?? "—", p.reversed_by ? F.t("reversed_by", { id: p.reversed_by }) : "—"]),
      { numeric: [2] }) : null,
    h("nav", { class: "pager", "aria-label": F.t("pay_title") },
      page > 1 ? h("a", { href: go(page - 1), rel: "prev" }, F.t("prev")) : null,
      page < pages || !complete ? h("a", { href: complete ? go(page + 1) : link("payments", { ...f, page, scan: Number(params.get("scan") || 20) + 20 }), rel: "next" },
        complete ? F.t("next") : F.t("pay_more")) : null));
}

function filterForm(f, ledger) {
  const field = (name, input) => h("div", { class: "field" }, h("label", { for: `f-${name}` }, F.t(`f_${name}`)), input);
  const text = (name, type = "text", extra = {}) => h("input", { id: `f-${name}`, name, type, value: f[name], ...extra });
  const select = (name, options) => h("select", { id: `f-${name}`, name },
    h("option", { value: "" }, F.t("f_any")), options.map(([v, label]) => h("option", { value: v, selected: v === f[name] }, label)));
  const form = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.target).entries());
    location.hash = link("payments", values);
  } },
  h("fieldset", {}, h("legend", {}, F.t("pay_filters")),
    field("municipality", select("municipality", ledger.municipalities.map((m) => [m.code, `${place(m.code, m.state_name, m.municipality_name)} (${m.code})`]))),
    field("program", select("program", ledger.programs.map((p) => [p.program, p.program]))),
    field("payee", text("payee")),
    field("min", text("min", "number", { min: 0, step: "0.01" })),
    field("max", text("max", "number", { min: 0, step: "0.01" })),
    field("from", text("from", "date")),
    field("to", text("to", "date")),
    field("contract", text("contract")),
    field("quarter", select("quarter", ledger.quarters.map((q) => [q, F.quarter(q)]))),
    h("div", { class: "actions" }, h("button", { type: "submit" }, F.t("f_apply")), h("a", { href: link("payments") }, F.t("f_clear")))));
  return form;
}

async function contracts(params, ledger) {
  const list = await D.contracts();
  const clocked = list.filter((c) => c.at_or_above_threshold);
  const late = clocked.filter((c) => c.late).length;
  return h("div", {},
    h("h1", {}, F.t("contracts_title")),
    h("p", {}, F.t("contracts_intro")),
    h("p", { id: "clock-totals" }, F.t("contracts_clock", { ontime: F.number(clocked.length - late), late: F.number(late) })),
    table(null, [F.t("col_id"), F.t("col_title"), F.t("col_supplier"), F.t("col_value"), F.t("col_amendments"), F.t("col_paid"), F.t("col_to_pay"),
      F.t("col_status"), F.t("col_signed"), F.t("col_entered"), F.t("col_days"), F.t("col_clock")],
    list.map((c) => [h("a", { href: link("entry", { seq: c.seq, id: c.id }) }, c.id), c.title, c.supplier, F.money(c.value, c.currency), F.number(c.amendments.length),
      F.money(c.paid, c.currency), F.money(c.remaining, c.currency), F.t(c.terminated ? "terminated" : "open"), F.date(c.date_signed), F.date(c.committed_at),
      F.number(c.disclosure_days), c.late ? h("strong", { class: "late" }, F.t("late")) : F.t("on_time")]),
    { numeric: [3, 4, 5, 6, 10] }));
}

async function changes(params, ledger) {
  const c = await D.changes();
  const active = new Set(ledger.active_suspensions.map((s) => s.id));
  const entry = (seq, id) => h("a", { href: link("entry", { seq, id }) }, id ?? String(seq));
  return h("div", {},
    h("h1", {}, F.t("changes_title")),
    h("section", {}, h("h2", {}, F.t("susp_title")),
      c.suspensions.length === 0 ? h("p", {}, F.t("none")) : table(null,
        [F.t("col_id"), F.t("col_date"), F.t("col_action"), F.t("col_scope"), F.t("col_basis"), F.t("col_reason"), F.t("col_in_force")],
        c.suspensions.map((s) => [entry(s.seq, s.id), F.date(s.committed_at), F.t(s.action === "suspend" ? "susp_suspend" : "susp_resume"), scopeText(s.scope),
          s.basis, s.reason, active.has(s.id) ? F.t("yes") : F.t("no")]))),
    h("section", {}, h("h2", {}, F.t("rev_title")),
      c.reversals.length === 0 ? h("p", {}, F.t("none")) : table(null,
        [F.t("col_id"), F.t("col_date"), F.t("col_reverses"), F.t("col_amount"), F.t("col_reason")],
        c.reversals.map((r) => [entry(r.seq, r.id), F.date(r.committed_at), entry(r.reverses_seq, r.reverses), F.money(r.amount, r.currency), r.reason]),
        { numeric: [3] })),
    h("section", {}, h("h2", {}, F.t("keys_title")),
      table(null, [F.t("col_seq"), F.t("col_date"), F.t("col_added"), F.t("col_revoked"), F.t("col_reason")],
        c.key_changes.map((k) => [entry(k.seq, k.id ?? F.t("kind_genesis")), F.date(k.committed_at),
          k.added.map((a) => `${a.name} (${a.institution}, ${a.role})`).join("; ") || "—", k.revoked.join(", ") || "—", k.reason ?? "—"]))));
}

async function downloads(params, ledger) {
  const file = (href, label) => h("li", {}, h("a", { href, download: "" }, label), " ", h("code", {}, href));
  const policy = CONFIG.witness_policy ? ` --witness-policy "${CONFIG.witness_policy.text}"` : "";
  return h("div", {},
    h("h1", {}, F.t("dl_title")),
    h("section", {}, h("h2", {}, F.t("dl_reports")),
      h("ul", {}, ledger.quarters.slice().reverse().map((q) => h("li", {}, F.quarter(q), ": ",
        h("a", { href: `data/reports/${q}.html` }, F.t("dl_report_html")), " · ",
        h("a", { href: `data/reports/${q}.md`, download: "" }, F.t("dl_report_md")), " · ",
        h("a", { href: `data/reports/${q}.json`, download: "" }, F.t("dl_report_json")))))),
    h("section", {}, h("h2", {}, F.t("dl_open")),
      h("ul", {},
        ledger.ocds ? ledger.quarters.map((q) => file(`data/ocds/releases-${q}.json`, F.t("dl_ocds", { quarter: F.quarter(q) }))) : h("li", {}, F.t("dl_ocds_none")),
        ledger.ocds ? file("data/ocds/records.json", F.t("dl_ocds_records")) : null,
        file("data/iati/activities.xml", F.t("dl_iati")),
        file("data/csv/disbursements.csv", F.t("dl_csv_disbursements")),
        file("data/csv/commitments.csv", F.t("dl_csv_commitments")),
        file("data/csv/suspensions.csv", F.t("dl_csv_suspensions")),
        file("data/csv/dictionary.csv", F.t("dl_csv_dictionary")),
        file("data/datapackage.json", F.t("dl_package")))),
    h("section", {}, h("h2", {}, F.t("dl_export")),
      h("ul", {}, file("data/export/entries.jsonl", "entries.jsonl"), file("data/export/checkpoint", F.t("dl_export_checkpoint"))),
      h("p", {}, F.t("dl_export_text")),
      h("pre", {}, h("code", {}, `jhf verify --bundle DIR --genesis ${CONFIG.genesis_hash}${policy}`))),
    h("section", {}, h("h2", {}, F.t("dl_log")),
      h("p", {}, F.t("dl_log_text")),
      h("ul", {}, file(`${CONFIG.tiles}checkpoint`, "checkpoint"))),
    h("section", {}, h("h2", {}, F.t("dl_offline")),
      h("p", {}, F.t("dl_offline_text")),
      h("pre", {}, h("code", {}, `jhf verify --tiles ${CONFIG.base_url}/${CONFIG.tiles} --genesis ${CONFIG.genesis_hash}${policy}`))));
}

const BODY_FIELDS = {
  disbursement: ["amount", "payee", "purpose", "value_date", "program", "municipality", "category", "commitment", "sealed"],
  reversal: ["reverses", "reason"],
  commitment: ["title", "supplier", "amount", "date_signed", "procurement_method", "reference", "program", "municipality", "category"],
  amendment: ["commitment", "amount", "reason"],
  suspension: ["action", "scope", "basis", "reason"],
  key_update: ["added", "revoked", "reason"],
  genesis: ["added"],
  budget_update: ["reason"],
};

function bodyValue(field, body) {
  switch (field) {
    case "amount": return F.money(body.amount, body.currency ?? "USD");
    case "payee": return body.payee?.name;
    case "supplier": return body.supplier?.name;
    case "value_date": case "date_signed": return body[field] ? F.date(body[field]) : null;
    case "category": return F.category(body.category);
    case "scope": return scopeText(body.scope);
    case "action": return F.t(body.action === "suspend" ? "susp_suspend" : "susp_resume");
    case "added": return (body.add ?? body.keys ?? []).map((k) => `${k.name} (${k.institution}, ${k.role})`).join("; ");
    case "revoked": return (body.revoke ?? []).join(", ");
    case "sealed": return body.sealed_digest ? h("code", { class: "hash" }, body.sealed_digest) : null;
    case "municipality": return body.municipality;
    default: return body[field];
  }
}

async function entry(params, ledger) {
  const seq = Number(params.get("seq"));
  const expectedID = params.get("id");
  const status = h("section", { id: "entry-badge", class: "badge pending", role: "status", "aria-live": "polite" }, F.t("verifying"));
  const details = h("div", {});
  const started = performance.now();
  verifyEntry(seq).then((r) => {
    const ok = r.failures.length === 0;
    status.className = "badge " + (ok ? "ok" : "fail");
    status.dataset.state = ok ? "verified" : "failed";
    status.dataset.ms = String(Math.round(performance.now() - started));
    replace(status,
      h("h2", {}, ok ? "✓ " + F.t("entry_ok_title") : "✗ " + F.t("entry_fail_title")),
      ok ? null : h("ul", { class: "failures" }, r.failures.map((f) => h("li", {}, failureText(f)))),
      r.included ? h("p", {}, F.t("entry_ok_inclusion", { seq, size: F.number(r.size) })) : null,
      r.approvals.SHCP && r.approvals.USAID ? h("p", {}, F.t("entry_ok_approvals", { shcp: r.approvals.SHCP, usaid: r.approvals.USAID, seq })) : null);
    const e = r.entry;
    const body = e.body ?? {};
    const differs = expectedID !== null && body.id !== expectedID;
    replace(details,
      differs ? h("p", { class: "warning" }, F.t("entry_index_differs")) : null,
      h("dl", { class: "entry" },
        h("dt", {}, F.t("col_id")), h("dd", {}, body.id ?? F.t("kind_genesis")),
        h("dt", {}, F.t("entry_kind")), h("dd", {}, F.t("kind_" + e.kind)),
        h("dt", {}, F.t("entry_committed")), h("dd", {}, e.committed_at ? F.dateTime(e.committed_at) : "—"),
        h("dt", {}, F.t("entry_hash")), h("dd", {}, h("code", { class: "hash" }, r.hash)),
        (BODY_FIELDS[e.kind] ?? []).map((field) => {
          const v = bodyValue(field, body);
          return v === null || v === undefined || v === "" ? null : [h("dt", {}, F.t("field_" + field)), h("dd", {}, v)];
        })));
  }, (e) => {
    status.className = "badge fail";
    status.dataset.state = "failed";
    replace(status, h("h2", {}, "✗ " + F.t("entry_fail_title")), h("ul", { class: "failures" }, h("li", {}, failureText(e))));
  });
  return h("div", {}, h("h1", {}, F.t("entry_title", { seq })), status, details);
}

export const PAGES = { overview, places, programs, payments, contracts, changes, downloads, entry };
