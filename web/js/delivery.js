// How a spoken answer was delivered (evidence.delivery, measured by the PrepBot
// server on the recording): pace, speaking time, pauses and filler words, each
// as readable text with its verdict and a small picture.
import { h, svg } from "./dom.js";
import { widthClass } from "./format.js";

export const PACE_BAND = [120, 160];  // words a minute that are easy to follow

/** The delivery figures of an evaluation, when its answer was spoken; else null. */
export function spokenDelivery(evaluation) {
  const d = evaluation && evaluation.evidence && evaluation.evidence.delivery;
  return d && typeof d === "object" && Number.isFinite(d.words_per_minute) ? d : null;
}

/** 42.4 → "0:42" */
export function formatClock(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** 1.04 → "1.0 s" */
const secondsText = (s) => `${(Number(s) || 0).toFixed(1)} s`;
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where a pace sits against the band, in words. */
export function paceWhere(wpm) {
  if (wpm < PACE_BAND[0]) return "slower than 120 to 160";
  if (wpm > PACE_BAND[1]) return "faster than 120 to 160";
  return "within 120 to 160";
}

/** A scale from 60 to 220 words a minute with the easy band shaded and a mark at `wpm`. */
function paceScale(wpm) {
  const W = 240;
  const lo = 60;
  const hi = 220;
  const x = (v) => 4 + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (W - 8);
  return svg("svg", { class: "pace-scale", viewBox: `0 0 ${W} 30`, "aria-hidden": "true", focusable: "false" },
    svg("rect", { class: "track", x: 4, y: 8, width: W - 8, height: 8, rx: 4 }),
    svg("rect", { class: "band", x: x(PACE_BAND[0]), y: 8, width: x(PACE_BAND[1]) - x(PACE_BAND[0]), height: 8 }),
    svg("line", { class: "mark", x1: x(wpm), x2: x(wpm), y1: 2, y2: 22 }),
    svg("text", { class: "axis-label", x: x(PACE_BAND[0]), y: 29, "text-anchor": "middle" }, String(PACE_BAND[0])),
    svg("text", { class: "axis-label", x: x(PACE_BAND[1]), y: 29, "text-anchor": "middle" }, String(PACE_BAND[1])));
}

function item(title, hx, ...children) {
  return h("div", { class: "delivery-item" }, h(hx, null, title), children);
}

function paceItem(d, hx) {
  const wpm = Math.round(d.words_per_minute);
  return item("Pace", hx,
    h("p", { class: "figure", id: "delivery-wpm" }, String(wpm), h("span", { class: "unit" }, " words a minute")),
    paceScale(wpm),
    h("p", { class: "verdict" }, d.verdicts && d.verdicts.pace ? d.verdicts.pace : `${wpm} words a minute: ${paceWhere(wpm)}.`));
}

function speakingItem(d, hx) {
  const share = d.duration_seconds > 0 ? Math.min(1, d.speaking_seconds / d.duration_seconds) : 0;
  return item("Speaking time", hx,
    h("p", { class: "figure" }, formatClock(d.speaking_seconds), h("span", { class: "unit" }, ` of ${formatClock(d.duration_seconds)}`)),
    h("div", { class: "bar", "aria-hidden": "true" }, h("div", { class: ["bar-fill", widthClass(share * 10)] })),
    h("p", { class: "verdict" }, `You spoke for ${Math.round(share * 100)} % of the recording, ${plural(d.words ?? 0, "word")}.`));
}

function pausesItem(d, hx) {
  const pauses = Array.isArray(d.pauses) ? d.pauses : [];
  const longest = Number.isFinite(d.longest_pause_seconds) ? d.longest_pause_seconds
    : pauses.reduce((m, p) => Math.max(m, p.length_seconds || 0), 0);
  return item("Pauses", hx,
    h("p", { class: "figure", id: "delivery-pauses" }, String(pauses.length),
      h("span", { class: "unit" }, pauses.length ? ` ${pauses.length === 1 ? "pause" : "pauses"}, longest ${secondsText(longest)}` : " pauses")),
    pauses.length
      ? h("ul", { class: "pause-list", "aria-label": "Each pause" }, pauses.map((p) =>
        h("li", null, `at ${formatClock(p.start_seconds)} for ${secondsText(p.length_seconds)}`)))
      : null,
    d.verdicts && d.verdicts.pausing ? h("p", { class: "verdict" }, d.verdicts.pausing) : null);
}

function fillersItem(d, hx) {
  const perMinute = Number(d.fillers_per_minute) || 0;
  return item("Filler words", hx,
    h("p", { class: "figure" }, perMinute.toFixed(1), h("span", { class: "unit" }, " a minute")),
    h("p", { class: "verdict" }, `${plural(d.filler_count ?? 0, "filler word")} in all.`,
      d.verdicts && d.verdicts.fillers ? ` ${d.verdicts.fillers}` : ""));
}

/**
 * The delivery section for a spoken answer. level: its heading level (3 → h3, items h4).
 * Fair scoring (contentOnly) leaves filler words out, as it does for written answers.
 */
export function deliveryBlock(delivery, { level = 3, contentOnly = false } = {}) {
  if (!delivery) return null;
  const hx = `h${level}`;
  const sub = `h${Math.min(6, level + 1)}`;
  const effect = Number(delivery.communication_effect) || 0;
  return h("section", { class: "fb-section spoken-delivery", id: level === 3 ? "spoken-delivery" : null },
    h(hx, null, "How you sounded"),
    h("div", { class: "delivery-grid" },
      paceItem(delivery, sub),
      speakingItem(delivery, sub),
      pausesItem(delivery, sub),
      contentOnly ? null : fillersItem(delivery, sub)),
    effect !== 0
      ? h("p", { class: "notice warn delivery-effect" },
        `Your delivery ${effect < 0 ? "lowered" : "raised"} the communication score by ${plural(Math.abs(effect), "point")}.`)
      : null);
}
