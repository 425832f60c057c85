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

/**
 * points: [{label, wpm}] in asking order. A bar per spoken answer, with the
 * easy-to-follow band (`band`, words a minute) shaded across all of them.
 * Returns an <svg> with role="img" and a text alternative that lists the paces.
 */
export function paceChart(points, { titleId, descId, band = [120, 160], describe }) {
  const W = 320;
  const row = 26;
  const pad = { left: 40, right: 36, top: 18, bottom: 22 };
  const H = pad.top + row * points.length + pad.bottom;
  const top = Math.max(220, Math.ceil(Math.max(...points.map((p) => p.wpm)) / 20) * 20);
  const x = (v) => pad.left + (Math.max(0, Math.min(top, v)) / top) * (W - pad.left - pad.right);
  const bottom = H - pad.bottom;
  const root = svg("svg", {
    class: "pace-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, focusable: "false",
  },
  svg("title", { id: titleId }, `Words a minute of each spoken answer, with ${band[0]} to ${band[1]} marked as easy to follow`),
  svg("desc", { id: descId }, `${points.map(describe).join("; ")}.`),
  svg("rect", { class: "band", x: x(band[0]), y: pad.top - 4, width: x(band[1]) - x(band[0]), height: bottom - pad.top + 4 }),
  svg("text", { class: "axis-label", x: (x(band[0]) + x(band[1])) / 2, y: pad.top - 7, "text-anchor": "middle" }, "easy to follow"));
  for (const v of [0, band[0], band[1], top]) {
    root.append(
      svg("line", { class: "grid", x1: x(v), x2: x(v), y1: pad.top - 4, y2: bottom }),
      svg("text", { class: "axis-label", x: x(v), y: H - 8, "text-anchor": "middle" }, String(v)));
  }
  points.forEach((p, i) => {
    const y = pad.top + i * row;
    const inside = p.wpm >= band[0] && p.wpm <= band[1];
    root.append(
      svg("text", { class: "row-label", x: pad.left - 6, y: y + row / 2 + 4, "text-anchor": "end" }, p.label),
      svg("rect", { class: inside ? "pace-bar in-band" : "pace-bar", x: pad.left, y: y + 5, width: Math.max(1, x(p.wpm) - pad.left), height: row - 10, rx: 3 }),
      svg("text", { class: "value-label", x: x(p.wpm) + 4, y: y + row / 2 + 4 }, String(Math.round(p.wpm))));
  });
  // The band's edges over the bars, so that a long bar does not hide where the band is.
  for (const v of band) root.append(svg("line", { class: "band-edge", x1: x(v), x2: x(v), y1: pad.top - 4, y2: bottom }));
  return root;
}
