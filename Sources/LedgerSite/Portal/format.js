// Words and formats of the visitor's language: strings.json holds every text of the site in
// Spanish and English; money and dates use each language's conventions.

let strings = null;
let lang = "es";

export async function loadStrings() {
  const r = await fetch("strings.json");
  strings = await r.json();
}

export function setLanguage(l) { lang = l === "en" ? "en" : "es"; }
export function language() { return lang; }
export function otherLanguage() { return lang === "es" ? "en" : "es"; }
const locale = () => (lang === "es" ? "es-MX" : "en-US");

/** The text for `key`, with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = strings[lang][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

const digitsCache = new Map();
export function currencyDigits(currency) {
  if (!digitsCache.has(currency)) {
    digitsCache.set(currency, new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits);
  }
  return digitsCache.get(currency);
}

/** Minor units (centavos, cents) as money in this language: "MXN 2,500,000.00". */
export function money(minor, currency) {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale(), { style: "currency", currency, currencyDisplay: "code", minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits);
}

export function number(n) { return new Intl.NumberFormat(locale()).format(n); }

/** A YYYY-MM-DD date or an RFC 3339 UTC timestamp, in this language (UTC). */
export function date(text) {
  const d = new Date(text.length === 10 ? text + "T00:00:00Z" : text);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

export function dateTime(text) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(text)) + " UTC";
}

export function percent(basisPoints) {
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(basisPoints / 10000);
}

/** "2026Q4" as "4.º trim. 2026" / "Q4 2026". */
export function quarter(q) {
  return lang === "es" ? `${q.slice(5)}.º trim. ${q.slice(0, 4)}` : `Q${q.slice(5)} ${q.slice(0, 4)}`;
}

const CATEGORIES = {
  es: { humanitarian_stabilization: "Estabilización humanitaria", institutional_strengthening: "Fortalecimiento institucional",
        financial_technical_intel: "Inteligencia financiera y técnica", oversight_governance: "Supervisión y gobernanza" },
  en: { humanitarian_stabilization: "Humanitarian stabilization", institutional_strengthening: "Institutional strengthening",
        financial_technical_intel: "Financial and technical intelligence", oversight_governance: "Oversight and governance" },
};
export function category(c) { return CATEGORIES[lang][c] ?? c; }
