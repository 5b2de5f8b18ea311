// Charts as inline SVG drawn by the site's own code. Each chart is labelled for screen
// readers and followed on the page by a table with the same numbers.
import { s } from "./dom.js";

let chartCount = 0;

/**
 * Horizontal bars: rows [{label, values: [n, …]}] with one bar per series
 * ({name, cls}); `format(n)` writes a value. Scales to its box (viewBox), so it fits a phone.
 */
export function bars(title, series, rows, format) {
  const id = `chart-${++chartCount}`;
  const barH = 14, gap = 4, groupGap = 14, labelH = 16, width = 640;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => Math.max(0, v))));
  let y = 24;
  const parts = [];
  parts.push(s("g", { class: "legend" }, series.map((se, i) => [
    s("rect", { x: i * 200, y: 0, width: 12, height: 12, class: se.cls }),
    s("text", { x: i * 200 + 18, y: 11 }, se.name),
  ])));
  for (const r of rows) {
    parts.push(s("text", { x: 0, y: y + 12, class: "label" }, r.label));
    y += labelH + 2;
    r.values.forEach((v, i) => {
      const w = Math.max(0, v) / max * (width - 200);
      parts.push(s("rect", { x: 0, y, width: Math.max(w, v > 0 ? 1 : 0), height: barH, class: series[i].cls }));
      parts.push(s("text", { x: w + 6, y: y + barH - 3, class: "value" }, format(v)));
      y += barH + gap;
    });
    y += groupGap;
  }
  return s("svg", { viewBox: `0 0 ${width} ${y}`, role: "img", "aria-labelledby": id, class: "chart", preserveAspectRatio: "xMinYMin meet" },
    s("title", { id }, title), parts);
}
