// The site's data files (data/site/, data/reports/): where to look, not what is verified.

const cache = new Map();

export function json(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(path).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json();
    }));
  }
  return cache.get(path);
}

export const ledger = () => json("data/site/ledger.json");
export const report = (quarter) => json(`data/reports/${quarter}.json`);
export const contracts = () => json("data/site/contracts.json");
export const changes = () => json("data/site/changes.json");

/** Rows of a payments table file as objects. */
export async function paymentRows(path) {
  const t = await json(path);
  return t.rows.map((r) => Object.fromEntries(t.fields.map((f, i) => [f, r[i]])));
}
