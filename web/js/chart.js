// Line charts of scores over time (this browser's finished sessions, a practice profile's sessions), built as SVG with DOM APIs.
import { svg } from "./dom.js";
import { formatDate, formatScore } from "./format.js";

/**
 * The frame both charts draw in: an <svg> of width W and height H with its title,
 * text alternative and grid lines at 0, 5 and 10, and x(i) / y(score) placing
 * the i-th of `count` points.
 */
function scoreFrame({ W, H, pad, count, className, titleId, descId, title, desc }) {
  const innerW = W - pad.left - pad.right;
  const innerH = H - pad.top - pad.bottom;
  const x = (i) => pad.left + (count === 1 ? innerW / 2 : (i * innerW) / (count - 1));
  const y = (v) => pad.top + innerH - (Math.max(0, Math.min(10, v)) / 10) * innerH;
  const root = svg("svg", {
    class: className, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, focusable: "false",
  },
  svg("title", { id: titleId }, title),
  svg("desc", { id: descId }, desc));
  for (const v of [0, 5, 10]) {
    root.append(
      svg("line", { class: "grid", x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v) }),
      svg("text", { class: "axis-label", x: pad.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  return { root, x, y };
}

/**
 * points: [{date, score}] oldest first. Returns an <svg> with role="img" and a
 * text alternative that lists the scores.
 */
export function scoreLineChart(points, { titleId, descId }) {
  const W = 320;
  const H = 150;
  const pad = { left: 30, right: 12, top: 12, bottom: 26 };
  const described = points.map((p) => `${formatDate(p.date, { time: false })}: ${formatScore(p.score)}`).join("; ");
  const { root, x, y } = scoreFrame({
    W, H, pad, count: points.length, className: "line-chart", titleId, descId,
    title: "Overall score of each finished session, oldest to newest", desc: `Scores out of 10: ${described}.`,
  });
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

/** The lines of the progress chart: key, label, and how the line and its points look. */
export const PROGRESS_SERIES = [
  { key: "overall", label: "Overall", shape: "circle" },
  { key: "technical", label: "Technical content", shape: "square" },
  { key: "communication", label: "Communication", shape: "diamond" },
  { key: "confidence", label: "Confidence", shape: "triangle" },
];

/** A point marker: each line has its own shape, so the lines differ by more than colour. */
function marker(shape, cx, cy, props, ...children) {
  const r = 4;
  if (shape === "circle") return svg("circle", { ...props, cx: cx.toFixed(1), cy: cy.toFixed(1), r }, ...children);
  if (shape === "square") {
    return svg("rect", { ...props, x: (cx - r + 0.5).toFixed(1), y: (cy - r + 0.5).toFixed(1), width: 2 * r - 1, height: 2 * r - 1 }, ...children);
  }
  const corners = shape === "diamond"
    ? [[cx, cy - r - 1], [cx + r + 1, cy], [cx, cy + r + 1], [cx - r - 1, cy]]
    : [[cx, cy - r - 1], [cx + r + 1, cy + r], [cx - r - 1, cy + r]];
  return svg("polygon", { ...props, points: corners.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ") }, ...children);
}

/** A small drawing of one series' line and marker, for the legend. */
export function seriesSwatch(series) {
  return svg("svg", { class: `progress-swatch series-${series.key}`, viewBox: "0 0 28 12", width: 28, height: 12, "aria-hidden": "true", focusable: "false" },
    svg("line", { class: "line", x1: 1, x2: 27, y1: 6, y2: 6 }),
    marker(series.shape, 14, 6, { class: "dot" }));
}

/**
 * timeline: [{date, overall, technical, communication, confidence}] oldest first
 * (a profile's sessions). One line per score, 0 to 10. Returns an <svg> with
 * role="img" and a text alternative that lists every session's scores.
 */
export function progressChart(timeline, { titleId, descId }) {
  const W = 480;
  const H = 200;
  const pad = { left: 30, right: 14, top: 12, bottom: 26 };
  const described = timeline.map((p) => `${formatDate(p.date, { time: false })}: ` +
    PROGRESS_SERIES.map((s) => `${s.label.toLowerCase()} ${formatScore(p[s.key])}`).join(", ")).join("; ");
  const { root, x, y } = scoreFrame({
    W, H, pad, count: timeline.length, className: "progress-chart", titleId, descId,
    title: "Your scores in each session of this profile, oldest to newest", desc: `Scores out of 10. ${described}.`,
  });
  // Overall last, so that it is drawn on top.
  for (const series of PROGRESS_SERIES.slice(1).concat(PROGRESS_SERIES[0])) {
    const group = svg("g", { class: `series series-${series.key}` });
    const points = timeline.map((p, i) => [x(i), y(Number(p[series.key]) || 0)]);
    if (points.length > 1) group.append(svg("polyline", { class: "line", points: points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ") }));
    points.forEach(([a, b], i) => group.append(marker(series.shape, a, b, { class: "dot" },
      svg("title", null, `${formatDate(timeline[i].date)}: ${series.label.toLowerCase()} ${formatScore(timeline[i][series.key])} / 10`))));
    root.append(group);
  }
  if (timeline.length) {
    const single = timeline.length === 1;
    root.append(svg("text", { class: "axis-label", x: single ? x(0) : pad.left, y: H - 6, "text-anchor": single ? "middle" : "start" },
      formatDate(timeline[0].date, { time: false })));
    if (!single) {
      root.append(svg("text", { class: "axis-label", x: W - pad.right, y: H - 6, "text-anchor": "end" },
        formatDate(timeline[timeline.length - 1].date, { time: false })));
    }
  }
  return root;
}
