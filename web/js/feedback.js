// Rendering of one evaluation: scores, feedback, a stronger example, evidence
// and resources. Used right after an answer and in the final report.
import { deliveryBlock, spokenDelivery } from "./delivery.js";
import { h, prewrap } from "./dom.js";
import { SCORE_DIMENSIONS, formatScore, parseResource, scoreLevel, widthClass } from "./format.js";

/** One labelled bar: "Technical content  7/10". */
export function scoreBar(label, value, { max = 10 } = {}) {
  const shown = formatScore(value);
  return h("div", { class: "score" },
    h("div", { class: "score-head" },
      h("span", { class: "score-label" }, label),
      h("span", { class: "score-value" }, shown, h("span", { class: "score-max" }, `/${max}`),
        h("span", { class: "visually-hidden" }, ` out of ${max}`))),
    h("div", { class: "bar", "aria-hidden": "true" },
      h("div", { class: ["bar-fill", widthClass(value), `level-${scoreLevel(value)}`] })));
}

export function scoreBars(scores) {
  return h("div", { class: "scores" },
    SCORE_DIMENSIONS.map(([key, label]) => scoreBar(label, scores ? scores[key] : 0)));
}

export function scoreSentence(scores) {
  return SCORE_DIMENSIONS.map(([key, label]) => `${label} ${formatScore(scores && scores[key])} out of 10`).join(", ");
}

export function resourceList(resources) {
  const items = (resources || []).map(parseResource).filter((r) => r.title);
  if (!items.length) return null;
  return h("ul", { class: "resources" }, items.map(({ title, url }) => h("li", null,
    url
      ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title,
        h("span", { class: "visually-hidden" }, " (opens in a new tab)"),
        h("span", { class: "external", "aria-hidden": "true" }, " ↗"))
      : title)));
}

function quote(text) {
  return h("q", { class: "quote" }, String(text || "").trim());
}

/** The evidence block: covered points with quotes, missed points, misconceptions, delivery. */
export function evidenceBlock(evidence, { questionType, level = 3, contentOnly = false } = {}) {
  const e = evidence || {};
  const hx = `h${level + 1}`;
  const parts = [];

  const covered = Array.isArray(e.key_points_covered) ? e.key_points_covered : [];
  const missed = Array.isArray(e.key_points_missed) ? e.key_points_missed : [];
  const wrong = Array.isArray(e.misconceptions) ? e.misconceptions : [];

  if (covered.length) {
    parts.push(h("div", { class: "evidence-group covered" },
      h(hx, null, "Key points you covered"),
      h("ul", { class: "points" }, covered.map((c) => h("li", null,
        h("span", { class: "mark ok", "aria-hidden": "true" }, "✓ "),
        h("strong", null, c.point || ""),
        c.quote ? [h("br"), h("span", { class: "muted" }, "You said: "), quote(c.quote)] : null)))));
  }
  if (missed.length) {
    parts.push(h("div", { class: "evidence-group missed" },
      h(hx, null, "Key points you missed"),
      h("ul", { class: "points" }, missed.map((m) => h("li", null,
        h("span", { class: "mark miss", "aria-hidden": "true" }, "✗ "),
        typeof m === "string" ? m : (m && m.point) || "")))));
  }
  if (wrong.length) {
    parts.push(h("div", { class: "evidence-group wrong" },
      h(hx, null, "Claims to correct"),
      h("ul", { class: "points" }, wrong.map((w) => h("li", null,
        w.quote ? [h("span", { class: "muted" }, "You said: "), quote(w.quote), h("br")] : null,
        w.claim ? [h("span", { class: "muted" }, "The problem: "), w.claim, h("br")] : null,
        h("span", { class: "muted" }, "Correction: "), h("strong", null, w.correction || ""))))));
  }

  const star = e.star;
  if (star && typeof star === "object" && questionType === "behavioral") {
    const names = [["situation", "Situation"], ["task", "Task"], ["action", "Action"], ["result", "Result"]];
    parts.push(h("div", { class: "evidence-group star" },
      h(hx, null, "Your story (STAR)"),
      h("ul", { class: "star-list" }, names.map(([key, label]) => h("li", { class: star[key] ? "found" : "absent" },
        h("span", { "aria-hidden": "true" }, star[key] ? "✓ " : "✗ "),
        `${label}: ${star[key] ? "found" : "not found"}`)))));
  }

  const delivery = [];
  if (Number.isFinite(e.word_count)) delivery.push(["Words", String(e.word_count)]);
  // Fair scoring (content only) neither scores nor mentions fillers, hedges or spelling.
  if (Number.isFinite(e.filler_count) && !contentOnly) delivery.push(["Filler words", String(e.filler_count)]);
  if (Number.isFinite(e.hedge_count) && !contentOnly) delivery.push(["Hedging phrases", String(e.hedge_count)]);
  if (Array.isArray(e.misspelled) && !contentOnly) delivery.push(["Spelling to check", e.misspelled.length ? e.misspelled.join(", ") : "none"]);
  if (delivery.length) {
    parts.push(h("div", { class: "evidence-group delivery" },
      h(hx, null, "Delivery"),
      h("dl", { class: "facts" }, delivery.map(([k, v]) => h("div", null, h("dt", null, k), h("dd", null, v))))));
  }
  if (!parts.length) return null;
  return h("div", { class: "evidence" }, parts);
}

const SOURCE_NAMES = { offline: "the offline coach", gemini: "Gemini", openai: "an AI model (OpenAI-compatible)" };

/** Who graded, and what has left this computer (GET /privacy), when known. */
function sourceLine(source, privacy) {
  if (!source) return null;
  const who = `Graded by ${SOURCE_NAMES[source] || source}.`;
  if (!privacy || typeof privacy.offline !== "boolean") return h("p", { class: "muted source-line" }, who);
  if (privacy.offline) {
    return h("p", { class: "muted source-line" }, `${who} `,
      h("strong", { class: "offline-badge" }, "Offline: nothing has left this computer."));
  }
  const hosts = (privacy.outbound || []).map((e) => e.host).filter(Boolean);
  return h("p", { class: "muted source-line" }, `${who} Sent to ${[...new Set(hosts)].join(", ") || "another host"} — `,
    h("a", { href: "/privacy", target: "_blank", rel: "noopener" }, "see everything that left this computer"), ".");
}

/**
 * The full feedback panel content for one evaluation.
 * level: heading level of the section titles inside (3 → h3, with h4 below).
 */
export function feedbackBody(evaluation, { questionType, level = 3, attempts, contentOnly = false, privacy } = {}) {
  const ev = evaluation || {};
  const hx = `h${level}`;
  const evidence = ev.evidence || {};
  const guard = typeof evidence.guard === "string" && evidence.guard ? evidence.guard : null;
  return [
    scoreBars(ev.scores),
    sourceLine(ev.source, privacy),
    attempts > 1 ? h("p", { class: "muted attempts" }, `Attempt ${attempts}: these scores replace your earlier ones.`) : null,
    guard ? h("p", { class: "notice warn" }, h("strong", null, "Why the lowest scores: "), guard) : null,
    guard && String(ev.feedback || "").trim() === guard
      ? null
      : h("section", { class: "fb-section" }, h(hx, null, "What the coach says"), prewrap(ev.feedback || "No feedback was given.")),
    deliveryBlock(spokenDelivery(ev), { level, contentOnly }),
    ev.examples_or_corrections
      ? h("section", { class: "fb-section" }, h(hx, null, "A stronger answer"), prewrap(ev.examples_or_corrections, "div"))
      : null,
    (() => {
      const block = evidenceBlock(evidence, { questionType, level, contentOnly });
      return block ? h("section", { class: "fb-section" }, h(hx, null, "Evidence from your answer"), block) : null;
    })(),
    (() => {
      const list = resourceList(ev.resources);
      return list ? h("section", { class: "fb-section" }, h(hx, null, "Resources"), list) : null;
    })(),
  ];
}
