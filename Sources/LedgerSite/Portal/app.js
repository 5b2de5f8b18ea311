// The portal: routes (#/<lang>/<page>?<filters>), the shell (header, navigation, language
// switch, the verification badge) and the pages.
import { CONFIG } from "./config.js";
import { h, append, replace } from "./dom.js";
import * as F from "./format.js";
import * as D from "./data.js";
import * as V from "./verify.js";
import { PAGES, policyWords } from "./pages.js";

const NAV = [
  ["overview", "nav_overview"], ["places", "nav_places"], ["programs", "nav_programs"], ["payments", "nav_payments"],
  ["contracts", "nav_contracts"], ["changes", "nav_changes"], ["downloads", "nav_downloads"],
];

/** The current route from the address: language, page and parameters. */
export function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [lang, page] = path.split("/");
  return { lang: lang === "en" ? "en" : "es", page: page || "overview", params: new URLSearchParams(query) };
}

/** A link to a page of the site, in the current language unless told. */
export function link(page, params = {}, lang = F.language()) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined)).toString();
  return `#/${lang}/${page}` + (q ? `?${q}` : "");
}

const log = new V.Log(CONFIG.tiles);
let checkpoint = null;

/** The checkpoint and key history, verified once per page load (shared by every page). */
export function verifiedCheckpoint() {
  if (!checkpoint) {
    checkpoint = (async () => {
      const [ledger, changes] = await Promise.all([D.ledger(), D.changes()]);
      return V.verifyCheckpoint(log, CONFIG, changes.key_changes.map((k) => k.seq), ledger.size);
    })();
  }
  return checkpoint;
}

export function verifyEntry(seq) {
  return verifiedCheckpoint().then((v) => V.verifyEntry(log, CONFIG, v, seq));
}

/** A failure in the visitor's words. */
export function failureText(f) {
  if (f && f.code && F.t(`f_${f.code}`) !== `f_${f.code}`) return F.t(`f_${f.code}`, f.params);
  return F.t("f_unknown", { message: String(f?.message ?? f) });
}

function header(r) {
  const other = F.otherLanguage();
  const here = location.hash.replace(/^#\/(es|en)/, "") || "/" + r.page;
  return h("header", { class: "site" },
    h("a", { class: "skip", href: "#main", onclick: (e) => { e.preventDefault(); document.getElementById("main").focus(); } }, F.t("skip")),
    h("div", { class: "brand" },
      h("p", { class: "title" }, F.t("site_title")),
      h("a", { class: "lang", href: `#/${other}${here.startsWith("/") ? here : "/" + here}`, hreflang: other, lang: other, "aria-label": F.t("switch_label") }, F.t("switch_to"))),
    h("nav", { "aria-label": F.t("nav_label") },
      h("ul", {}, NAV.map(([page, key]) => h("li", {},
        h("a", { href: link(page), "aria-current": page === r.page ? "page" : null }, F.t(key)))))));
}

/** The badge: what the browser verified about the log, or the failures, in plain words. */
function badge() {
  const el = h("section", { id: "badge", class: "badge pending", role: "status", "aria-live": "polite" }, F.t("verifying"));
  verifiedCheckpoint().then((v) => {
    el.replaceChildren();
    const ok = v.failures.length === 0;
    el.className = "badge " + (ok ? "ok" : "fail");
    el.dataset.state = ok ? "verified" : "failed";
    performance.mark("jhf-checkpoint-checked");
    append(el, [h("h2", {}, ok ? "✓ " + F.t("badge_ok_title") : "✗ " + F.t("badge_fail_title"))]);
    if (!ok) append(el, [h("ul", { class: "failures" }, v.failures.map((f) => h("li", {}, failureText(f))))]);
    const items = [];
    if (v.logKeys.length) items.push(F.t("badge_ok_checkpoint", { logkeys: v.logKeys.join(", "), size: F.number(v.checkpoint.size) }));
    items.push(v.cosigned.length ? F.t("badge_cosigned", { list: v.cosigned.map((c) => `${c.institution} (${c.name})`).join(", ") }) : F.t("badge_no_cosign"));
    if (CONFIG.witness_policy) {
      if (!v.failures.some((f) => f.code === "policy")) items.push(F.t("badge_policy_ok", { policy: policyWords() }));
    } else items.push(F.t("badge_no_policy"));
    items.push(F.t(v.historyChecked ? "badge_history" : "badge_history_failed", { n: v.history.length }));
    items.push(F.t("badge_not_checked"));
    append(el, [h("ul", { class: "facts" }, items.map((i) => h("li", {}, i)))]);
  }, (e) => {
    el.className = "badge fail";
    el.dataset.state = "failed";
    replace(el, h("h2", {}, "✗ " + F.t("badge_fail_title")), h("ul", { class: "failures" }, h("li", {}, failureText(e))));
  });
  return el;
}

async function render() {
  const r = route();
  F.setLanguage(r.lang);
  document.documentElement.lang = r.lang;
  const page = PAGES[r.page];
  document.title = `${F.t(NAV.find(([p]) => p === r.page)?.[1] ?? "site_title")} — ${F.t("site_title")}`;
  const main = h("main", { id: "main", tabindex: "-1" });
  const foot = h("footer", { class: "site" });
  document.body.replaceChildren(header(r), badge(), main, foot);
  main.append(h("p", { class: "loading" }, F.t("loading")));
  try {
    const ledger = await D.ledger();
    foot.append(F.t("footer", { ledger: ledger.ledger_id, size: F.number(ledger.size) }));
    const content = page ? await page(r.params, ledger) : h("p", {}, F.t("not_found"));
    main.replaceChildren(content);
  } catch (e) {
    main.replaceChildren(h("p", { class: "error" }, F.t("error_data")));
    console.warn(e);
  }
  document.body.dataset.ready = r.page;
  performance.mark("jhf-rendered");
}

await F.loadStrings();
if (!location.hash) history.replaceState(null, "", "#/es/overview");
addEventListener("hashchange", render);
await render();
