// The final report screen.
import { chartUrl, exportUrl } from "./api.js";
import { paceChart } from "./chart.js";
import { PACE_BAND, deliveryBlock, paceWhere, spokenDelivery } from "./delivery.js";
import { h, prewrap, setTitle } from "./dom.js";
import { evidenceBlock, resourceList, scoreBar, scoreBars } from "./feedback.js";
import { capitalize, familyTitle, formatDate, formatScore, modeLabel, scoreLevel } from "./format.js";

function listOrNote(items, note) {
  const list = (items || []).filter(Boolean);
  return list.length ? h("ul", { class: "bullets" }, list.map((s) => h("li", null, s))) : h("p", { class: "muted" }, note);
}

/**
 * One question with its answer, scores and feedback. `mentor`: worded for the mentor
 * who reads a shared session (the candidate's notes slot is left out).
 */
export function questionReview(session, q, i, { mentor = false } = {}) {
  const entry = session.answers.get(q.id);
  const headingId = `review-q-${q.id}`;
  const section = h("article", { class: "review-item", "aria-labelledby": headingId, "data-question-id": q.id },
    h("h3", { id: headingId }, h("span", { class: "q-number" }, q.parent_id
      ? `Follow-up to question ${session.questions.findIndex((x) => x.id === q.parent_id) + 1}. `
      : `Question ${i + 1}. `), q.question),
    h("p", { class: "badges" },
      q.parent_id ? h("span", { class: "badge follow-up" }, "Follow-up") : null,
      h("span", { class: `badge type-${q.type}` }, capitalize(q.type)),
      h("span", { class: `badge diff-${q.difficulty}` }, capitalize(q.difficulty)),
      entry && entry.attempts > 1 ? h("span", { class: "badge" }, `${entry.attempts} attempts`) : null));
  if (!entry) {
    section.append(h("p", { class: "muted" }, "Not answered."));
    return section;
  }
  const ev = entry.evaluation || {};
  const delivery = spokenDelivery(ev);
  section.append(
    h("p", { class: "label-text" }, delivery ? "What we heard (a spoken answer)" : mentor ? "The candidate's answer" : "Your answer"),
    h("blockquote", { class: "answer-text" }, prewrap(entry.answer)),
    ...(mentor ? [] : [h("div", { class: "notes-slot", id: `notes-q-${q.id}` })]),
    scoreBars(ev.scores),
    h("p", { class: "label-text" }, "Feedback"),
    prewrap(ev.feedback || ""));
  const extra = [];
  if (ev.examples_or_corrections) extra.push(h("h4", null, "A stronger answer"), prewrap(ev.examples_or_corrections));
  const evidence = evidenceBlock(ev.evidence, { questionType: q.type, level: 4 });
  if (evidence) extra.push(h("h4", null, mentor ? "Evidence from the answer" : "Evidence from your answer"), evidence);
  if (delivery) extra.push(deliveryBlock(delivery, { level: 4, contentOnly: (session.meta || {}).scoring === "content" }));
  if (extra.length) {
    section.append(h("details", { class: "more" },
      h("summary", null, delivery ? "Stronger answer, evidence and delivery" : "Stronger answer and evidence"), extra));
  }
  return section;
}

/** The job posting's skills: how many answered questions practised each, and their technical average. */
function postingCoverage(coverage) {
  if (!Array.isArray(coverage) || !coverage.length) return null;
  return h("section", { class: "card", "aria-labelledby": "posting-heading" },
    h("h2", { id: "posting-heading" }, "The job posting's skills"),
    h("ul", { class: "posting-coverage" }, coverage.map((c) => h("li", null,
      h("strong", null, c.skill), ": ",
      c.questions > 0
        ? `${c.questions} question${c.questions === 1 ? "" : "s"}, technical ${formatScore(c.average)}/10`
        : h("span", { class: "muted" }, "not practised in this session")))));
}

function difficultyPath(path) {
  if (!Array.isArray(path) || !path.length) return null;
  const steps = path.map((step, i) => h("li", null,
    h("strong", null, capitalize(step.difficulty)),
    step.technical > 0 ? ` · technical ${step.technical}/10` : h("span", { class: "muted" }, " · not answered"),
    i < path.length - 1 ? h("span", { class: "visually-hidden" }, ", then") : null));
  return h("section", { class: "card", "aria-labelledby": "path-heading" },
    h("h2", { id: "path-heading" }, "Difficulty path"),
    h("p", { class: "muted" }, "Each question was chosen after the answer before it: harder after a strong answer, easier after a weak one."),
    h("ol", { class: "difficulty-path" }, steps));
}

/** Words a minute of each spoken answer, when any answer was spoken. */
function paceSection(session) {
  const points = session.questions.flatMap((q, i) => {
    const entry = session.answers.get(q.id);
    const delivery = entry && spokenDelivery(entry.evaluation);
    if (!delivery) return [];
    const parent = q.parent_id ? session.questions.findIndex((x) => x.id === q.parent_id) + 1 : 0;
    return [{ label: parent ? `F${parent}` : `Q${i + 1}`, name: parent ? `Follow-up to question ${parent}` : `Question ${i + 1}`,
      wpm: delivery.words_per_minute }];
  });
  if (!points.length) return null;
  const describe = (p) => `${p.name}: ${Math.round(p.wpm)} words a minute, ${paceWhere(p.wpm)}`;
  return h("section", { class: "card", "aria-labelledby": "pace-heading", id: "pace-section" },
    h("h2", { id: "pace-heading" }, "Pace per question"),
    h("figure", { class: "pace-figure" },
      paceChart(points, { titleId: "pace-chart-title", descId: "pace-chart-desc", band: PACE_BAND, describe }),
      h("figcaption", { class: "muted" },
        `Words a minute of each answer you gave out loud; the shaded band, ${PACE_BAND[0]} to ${PACE_BAND[1]}, is easy to follow.` +
        (points.some((p) => p.label.startsWith("F")) ? " F marks a follow-up question." : ""))));
}

/** The final score and the three averages. */
export function overallSection(session) {
  const r = session.final_report || {};
  const answered = r.n_questions ?? session.questions.filter((q) => session.answers.has(q.id)).length;
  return h("section", { class: "card overall", "aria-labelledby": "overall-heading" },
    h("h2", { id: "overall-heading" }, "Overall score"),
    h("div", { class: "overall-row" },
      h("p", { class: `overall-score level-${scoreLevel(r.overall_score)}` },
        h("span", { class: "big" }, formatScore(r.overall_score)), h("span", { class: "of" }, "/10"),
        h("span", { class: "visually-hidden" }, " out of 10")),
      h("div", { class: "averages" },
        scoreBar("Technical content (average)", r.avg_technical),
        scoreBar("Communication (average)", r.avg_communication),
        scoreBar("Confidence (average)", r.avg_confidence))),
    h("p", { class: "muted" }, `Based on ${answered} answered question${answered === 1 ? "" : "s"} of ${session.questions.length}.`));
}

export function strengthsSection(r) {
  return h("div", { class: "two-col" },
    h("section", { class: "card", "aria-labelledby": "strengths-heading" },
      h("h2", { id: "strengths-heading" }, "Strengths"),
      listOrNote(r.strengths, "No clear strengths yet. Keep practising: longer, structured answers with examples score higher.")),
    h("section", { class: "card", "aria-labelledby": "focus-heading" },
      h("h2", { id: "focus-heading" }, "Focus areas"),
      listOrNote(r.focus_areas, "Nothing stands out to work on. Well done.")));
}

/**
 * "Share with a mentor" and the mentors' notes. Their module loads after the report
 * is shown (it is not needed to practise); without it the report is complete anyway.
 */
function shareSlot(session) {
  const slot = h("div", { class: "share-slot no-print", id: "share-slot" });
  import("./share.js")
    .then((share) => { if (slot.isConnected) share.fillShare(slot, session); })
    .catch(() => { /* the server went away: the report is still there */ });
  return slot;
}

/** Renders the report of a completed session. Returns the h1 to focus. */
export function renderReport(main, session, { onStartAgain }) {
  setTitle("Report");
  const r = session.final_report || {};
  const meta = session.meta || {};
  const role = meta.role || familyTitle(meta.role_family);

  const radarAlt = `Radar chart of your average scores out of 10: technical content ${formatScore(r.avg_technical)}, communication ${formatScore(r.avg_communication)}, confidence ${formatScore(r.avg_confidence)}.`;
  const barsAlt = "Bar chart of the technical, communication and confidence scores of each answered question: " +
    session.questions.flatMap((q, i) => {
      const entry = session.answers.get(q.id);
      if (!entry) return [];
      const s = (entry.evaluation && entry.evaluation.scores) || {};
      return [`question ${i + 1}: ${s.technical}, ${s.communication} and ${s.confidence}`];
    }).join("; ") + ".";

  const print = h("button", { type: "button", class: "btn btn-secondary", id: "print-report" }, "Print");
  print.addEventListener("click", () => window.print());
  const again = h("button", { type: "button", class: "btn btn-secondary", id: "start-again" }, "Start again");
  again.addEventListener("click", () => onStartAgain());

  const heading = h("h1", { id: "report-heading", tabindex: "-1" }, "Your interview report");
  main.replaceChildren(h("div", { class: "report" },
    heading,
    h("p", { class: "meta muted" }, [meta.name, role, modeLabel(meta.mode), meta.experience, meta.domain, formatDate(session.created_at)].filter(Boolean).join(" · ")),

    overallSection(session),

    h("div", { class: "actions report-actions no-print" },
      h("a", { class: "btn", href: exportUrl(session.id, "full"), download: "", id: "download-full" }, "Download full report (PDF)"),
      h("a", { class: "btn btn-secondary", href: exportUrl(session.id, "summary"), download: "", id: "download-summary" }, "Download summary (PDF)"),
      print, again),

    shareSlot(session),

    h("section", { class: "card", "aria-labelledby": "charts-heading" },
      h("h2", { id: "charts-heading" }, "Charts"),
      h("div", { class: "charts" },
        h("figure", { class: "chart" },
          h("img", { src: chartUrl(session.id, "radar"), alt: radarAlt, width: 320, height: 320, id: "chart-radar", decoding: "async" }),
          h("figcaption", null, "Your averages on the three dimensions")),
        h("figure", { class: "chart" },
          h("img", { src: chartUrl(session.id, "questions"), alt: barsAlt, id: "chart-questions", decoding: "async" }),
          h("figcaption", null, "Scores for each question")))),

    paceSection(session),

    postingCoverage(r.posting_coverage),
    difficultyPath(r.difficulty_path),

    strengthsSection(r),

    h("section", { class: "card", "aria-labelledby": "review-heading" },
      h("h2", { id: "review-heading" }, "Question by question"),
      session.questions.map((q, i) => questionReview(session, q, i))),

    (() => {
      const list = resourceList(r.resources);
      return list ? h("section", { class: "card", "aria-labelledby": "resources-heading" },
        h("h2", { id: "resources-heading" }, "Resources to study"), list) : null;
    })()));
  return heading;
}
