// A small line chart of overall scores over time, built as SVG with DOM APIs.
import { svg } from "./dom.js";
import { formatDate, formatScore } from "./format.js";

/**
 * points: [{date, score}] oldest first. Returns an <svg> with role="img" and a
 * text alternative that lists the scores.
 */
export function scoreLineChart(points, { titleId, descId }) {
  const W = 320;
  const H = 150;
  const pad = { left: 30, right: 12, top: 12, bottom: 26 };
  const innerW = W - pad.left - pad.right;
  const innerH = H - pad.top - pad.bottom;
  const x = (i) => pad.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v) => pad.top + innerH - (Math.max(0, Math.min(10, v)) / 10) * innerH;

  const described = points.map((p) => `${formatDate(p.date, { time: false })}: ${formatScore(p.score)}`).join("; ");
  const root = svg("svg", {
    class: "line-chart",
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    focusable: "false",
  },
  svg("title", { id: titleId }, "Overall score of each finished session, oldest to newest"),
  svg("desc", { id: descId }, `Scores out of 10: ${described}.`));

  for (const v of [0, 5, 10]) {
    root.append(
      svg("line", { class: "grid", x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v) }),
      svg("text", { class: "axis-label", x: pad.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  if (points.length > 1) {
    root.append(svg("polyline", {
      class: "line",
      points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" "),
    }));
  }
  points.forEach((p, i) => {
    root.append(svg("circle", { class: "dot", cx: x(i).toFixed(1), cy: y(p.score).toFixed(1), r: 4 },
      svg("title", null, `${formatDate(p.date)}: ${formatScore(p.score)} / 10`)));
  });
  if (points.length) {
    const first = points[0];
    const last = points[points.length - 1];
    const single = points.length === 1;
    root.append(svg("text", { class: "axis-label", x: single ? x(0) : pad.left, y: H - 6, "text-anchor": single ? "middle" : "start" },
      formatDate(first.date, { time: false })));
    if (points.length > 1) {
      root.append(svg("text", { class: "axis-label", x: W - pad.right, y: H - 6, "text-anchor": "end" }, formatDate(last.date, { time: false })));
    }
  }
  return root;
}
