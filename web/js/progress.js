// A practice profile's progress: a chart of every session's scores, what
// improved and what did not (in plain words), and each competency, concept and
// role with its verdict and average.
import { PROGRESS_SERIES, progressChart, seriesSwatch } from "./chart.js";
import { h } from "./dom.js";
import { capitalize, familyTitle, formatDate, formatScore, scoreLevel, widthClass } from "./format.js";

const DIMENSION_NAMES = {
  technical: "technical content",
  communication: "communication",
  confidence: "confidence",
  overall: "overall score",
};

const VERDICTS = {
  improved: { mark: "▲", text: "Improved" },
  declined: { mark: "▼", text: "Declined" },
  steady: { mark: "■", text: "Steady" },
  new: { mark: "●", text: "New" },
};

function subjectName(name) {
  return DIMENSION_NAMES[name] || name;
}

/** ["a", "b", "c"] → "a, b and c" */
function joinWords(words) {
  if (words.length < 2) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function summary(progress) {
  const improved = (progress.improved || []).map(subjectName);
  const notImproved = (progress.not_improved || []).map(subjectName);
  return h("div", { class: "progress-summary", id: "progress-summary" },
    h("p", { class: improved.length ? "notice info" : "notice" }, improved.length
      ? `You improved in ${joinWords(improved)}: your later answers score at least half a point higher than your earlier ones.`
      : "Nothing has clearly improved yet. Improvement shows after a few answers on the same subject, so keep practising."),
    notImproved.length
      ? h("p", { class: "notice warn" }, `Not improved yet: ${joinWords(notImproved)}. These are worth another session.`)
      : null);
}

function chartFigure(timeline) {
  if (!timeline.length) {
    return h("p", { class: "muted", id: "progress-empty" },
      "No sessions yet. Start an interview with this profile, and a chart of your scores appears here.");
  }
  return h("figure", { class: "progress-figure" },
    progressChart(timeline, { titleId: "progress-chart-title", descId: "progress-chart-desc" }),
    h("figcaption", null,
      h("ul", { class: "progress-legend" }, PROGRESS_SERIES.map((s) => h("li", null, seriesSwatch(s), s.label))),
      h("p", { class: "muted" }, timeline.length === 1
        ? "Your first session. Practise again to see a trend."
        : `Average scores of your ${timeline.length} sessions, oldest to newest.`)));
}

function verdictPill(verdict) {
  const v = VERDICTS[verdict] || { mark: "", text: capitalize(verdict) };
  return h("span", { class: `verdict verdict-${verdict}` }, h("span", { "aria-hidden": "true" }, `${v.mark} `), v.text);
}

function trendDetail(t) {
  const answers = `${t.answers} ${t.answers === 1 ? "answer" : "answers"}`;
  if (t.verdict === "new" || t.answers < 2) return `average ${formatScore(t.average)}/10 · ${answers}`;
  const change = Number(t.change) || 0;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `average ${formatScore(t.average)}/10 · ${answers} · from ${formatScore(t.earlier)} to ${formatScore(t.later)} ` +
    `(${sign}${formatScore(Math.abs(change))})`;
}

function trendItem(t, label) {
  return h("li", { class: "trend" },
    h("div", { class: "trend-head" },
      h("span", { class: "trend-name" }, label(t.name)),
      verdictPill(t.verdict)),
    h("div", { class: "bar", "aria-hidden": "true" },
      h("div", { class: ["bar-fill", widthClass(t.average), `level-${scoreLevel(t.average)}`] })),
    h("p", { class: "trend-detail muted" }, trendDetail(t),
      t.last_practised ? ` · last practised ${formatDate(t.last_practised, { time: false })}` : ""));
}

const SHOWN = 6;

/** The first few items, and a button that shows the rest. */
function trendList(items, label) {
  const list = h("ul", { class: "trend-list" }, items.map((t, i) => {
    const item = trendItem(t, label);
    item.hidden = i >= SHOWN;
    return item;
  }));
  if (items.length <= SHOWN) return list;
  const more = h("button", { type: "button", class: "btn-link" }, `Show all ${items.length}`);
  more.addEventListener("click", () => {
    list.querySelectorAll("li[hidden]").forEach((li) => { li.hidden = false; });
    more.remove();
  });
  return [list, more];
}

function trendSection({ id, title, items, empty, label = capitalize }) {
  const practised = (Array.isArray(items) ? items : []).filter((t) => t.answers > 0);
  return h("section", { class: "trend-group", "aria-labelledby": `${id}-heading`, id },
    h("h3", { id: `${id}-heading` }, title),
    practised.length ? trendList(practised, label) : h("p", { class: "muted" }, empty));
}

/** The progress section of the profile page, from GET /profiles/me/progress. */
export function progressSection(progress) {
  const timeline = Array.isArray(progress.timeline) ? progress.timeline : [];
  const sessions = `${progress.sessions} ${progress.sessions === 1 ? "session" : "sessions"}`;
  const answers = `${progress.answers} graded ${progress.answers === 1 ? "answer" : "answers"}`;
  return h("section", { class: "card progress", id: "progress", "aria-labelledby": "progress-heading" },
    h("h2", { id: "progress-heading" }, "Your progress"),
    h("p", { id: "progress-totals" }, `${sessions} and ${answers} in this profile.`),
    chartFigure(timeline),
    progress.answers ? summary(progress) : null,
    h("div", { class: "trend-grid" },
      trendSection({ id: "trend-dimensions", title: "Scores", items: progress.dimensions, label: (n) => capitalize(subjectName(n)),
        empty: "No answers yet." }),
      trendSection({ id: "trend-competencies", title: "Competencies", items: progress.competencies,
        empty: "No behavioral answers yet. Stories about your past work are graded on competencies such as ownership." }),
      trendSection({ id: "trend-concepts", title: "Concepts", items: progress.concepts,
        empty: "No concepts yet. Technical answers are matched to the concepts they are about." }),
      trendSection({ id: "trend-roles", title: "Roles", items: progress.roles, label: (n) => familyTitle(n) || n,
        empty: "No roles yet." })));
}
