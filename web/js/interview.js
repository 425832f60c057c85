// The interview screen: one question at a time, the answer form, and the
// feedback panel after each answer.
//
// The screen's state is one `view` object (the session, where we are in it,
// the timer) handed to small functions: a change of question or phase renders
// the whole screen again from it, so nothing a render needs lives in the DOM.
import { api, ApiError } from "./api.js";
import { spokenDelivery } from "./delivery.js";
import { announce, focusElement, h, prewrap, setTitle } from "./dom.js";
import { feedbackBody, scoreSentence } from "./feedback.js";
import { capitalize, countWords, familyTitle, formatDuration, modeLabel } from "./format.js";
import { canReadAloud, readAloud, stopReading } from "./speech.js";
import * as store from "./storage.js";
import { voicePanel } from "./voice.js";

const MAX_ANSWER = 10000;

/** The questions in asking order: each follow-up right after the question it follows up on. */
export function askingOrder(questions) {
  const planned = questions.filter((q) => !q.parent_id);
  const ordered = planned.flatMap((q) => [q, ...questions.filter((f) => f.parent_id === q.id)]);
  // A follow-up whose question is missing (it cannot be, but nothing may vanish) goes last.
  return ordered.concat(questions.filter((q) => !ordered.includes(q)));
}

/** How many questions the interview has: an adaptive session knows its length before its questions. */
export function totalQuestions(session) {
  const asked = session.questions.length;
  if (!session.meta.adaptive || !Number.isInteger(session.meta.planned_questions)) return asked;
  const followUps = session.questions.filter((q) => q.parent_id).length;
  return Math.max(asked, session.meta.planned_questions + followUps);
}

/** Where to continue: the first unanswered question at or after `position`, else any unanswered one. */
export function resumeIndex(session, position) {
  const qs = session.questions;
  const start = Number.isInteger(position) && position >= 0 && position < qs.length ? position : 0;
  for (let i = start; i < qs.length; i++) if (!session.answers.has(qs[i].id)) return i;
  for (let i = 0; i < start; i++) if (!session.answers.has(qs[i].id)) return i;
  return -1;  // every question answered
}

/**
 * Renders the interview for `session` into `main`.
 * onFinished(report) is called after a successful finalize.
 * Returns {dispose} to stop the timer when the screen goes away.
 */
export function renderInterview(main, session, { onFinished, position, focus = true }) {
  const view = createView(main, session, onFinished, position);
  savePosition(view);
  render(view, { focusId: focus ? (view.phase === "end" ? "end-heading" : "question-text") : null });
  return { dispose: () => { stopTimer(view); stopVoice(view); } };
}

function createView(main, session, onFinished, position) {
  const total = totalQuestions(session);
  const start = resumeIndex(session, position);
  return {
    main,
    session,
    onFinished,
    questions: session.questions,
    total,
    // Unsent answers by question id: they survive Skip, going back and Try again.
    drafts: new Map(),
    // Unsent recordings by question id ({blob, seconds, transcript}), kept the same way.
    takes: new Map(),
    voice: null,  // the "Answer out loud" panel on screen: {element, dispose}
    index: start < 0 ? total - 1 : start,
    phase: start < 0 ? "end" : "answer",  // answer | feedback | end
    busy: false,
    // The fair scoring mode starts without the timer: pace is not what is graded.
    timerOn: session.meta.scoring === "content" ? false : Boolean(store.getPrefs().timer),
    tick: 0,
    startedAt: Date.now(),
    elapsed: 0,
    hintOpen: false,
  };
}

const answeredCount = (view) => view.questions.filter((q) => view.session.answers.has(q.id)).length;
const firstUnanswered = (view) => view.questions.findIndex((q) => !view.session.answers.has(q.id));
// The last question so far: an adaptive session's next one arrives with the answer to this one.
const isLast = (view) => view.index === view.questions.length - 1 &&
  (view.index === view.total - 1 || !view.session.answers.has(view.questions[view.index].id));

function savePosition(view) {
  store.updateCurrent(view.session.id, { position: view.index });
}

// ---- timer ----
function stopTimer(view) {
  clearInterval(view.tick);
  view.tick = 0;
}

function startTimer(view, display) {
  stopTimer(view);
  const update = () => { display.textContent = formatDuration(Date.now() - view.startedAt); };
  update();
  view.tick = setInterval(update, 1000);
}

// The microphone and the question read aloud stop when the screen changes.
function stopVoice(view) {
  if (view.voice) view.voice.dispose();
  view.voice = null;
  stopReading();
}

// ---- pieces ----
function badges(q) {
  const targets = Array.isArray(q.targets) ? q.targets : [];
  return h("div", { class: "badges" },
    q.parent_id ? h("span", { class: "badge follow-up" }, "Follow-up") : null,
    h("span", { class: `badge type-${q.type}` }, h("span", { class: "visually-hidden" }, "Type: "), capitalize(q.type)),
    h("span", { class: `badge diff-${q.difficulty}` }, h("span", { class: "visually-hidden" }, "Difficulty: "), capitalize(q.difficulty)),
    targets.length ? h("span", { class: "badge targets" }, "From the posting: ", targets.join(", ")) : null);
}

// The hint (and, where the browser can speak, "Read the question aloud" beside its toggle).
function hintBlock(view, q) {
  const speakButton = readAloudButton(q);
  if (!q.hint) return speakButton ? h("div", { class: "hint-block" }, h("div", { class: "q-tools" }, speakButton)) : null;
  const hintId = `hint-${q.id}`;
  const text = h("p", { class: "hint-text", id: hintId, hidden: !view.hintOpen }, q.hint);
  const button = h("button", { type: "button", class: "btn-link hint-toggle", "aria-expanded": view.hintOpen ? "true" : "false", "aria-controls": hintId },
    view.hintOpen ? "Hide hint" : "Show hint");
  button.addEventListener("click", () => {
    view.hintOpen = !view.hintOpen;
    text.hidden = !view.hintOpen;
    button.setAttribute("aria-expanded", view.hintOpen ? "true" : "false");
    button.textContent = view.hintOpen ? "Hide hint" : "Show hint";
  });
  return h("div", { class: "hint-block" }, h("div", { class: "q-tools" }, button, speakButton), text);
}

/** "Read the question aloud" with the browser's speech synthesis, where there is one. */
function readAloudButton(q) {
  if (!canReadAloud()) return null;
  const button = h("button", { type: "button", class: "btn-link read-aloud", id: "read-aloud" }, "Read the question aloud");
  let reading = false;
  const done = () => { reading = false; button.textContent = "Read the question aloud"; };
  button.addEventListener("click", () => {
    if (reading) { stopReading(); done(); return; }
    reading = true;
    button.textContent = "Stop reading";
    readAloud(q.question, done);
  });
  return button;
}

function timerBlock(view) {
  const display = h("span", { class: "timer-display", role: "timer", "aria-label": "Time on this question", hidden: !view.timerOn }, "00:00");
  const toggle = h("input", { type: "checkbox", id: "timer-toggle", checked: view.timerOn });
  toggle.addEventListener("change", () => {
    view.timerOn = toggle.checked;
    store.setPrefs({ timer: view.timerOn });
    display.hidden = !view.timerOn;
    announce(view.timerOn ? "Timer shown." : "Timer hidden.");
  });
  startTimer(view, display);
  return h("div", { class: "timer" },
    h("div", { class: "switch" }, toggle, h("label", { for: "timer-toggle" }, "Show timer")),
    display);
}

function finishNowButton(view, answered) {
  // Not on the last question's feedback: its own "Finish and see report" is there.
  const shown = answered > 0 && view.phase !== "end" && !(view.phase === "feedback" && isLast(view));
  if (!shown) return null;
  const button = h("button", { type: "button", class: "btn btn-secondary", id: "finish-now" }, "Finish now");
  button.addEventListener("click", () => finish(view, button));
  return button;
}

function progressRow(view, answered) {
  const { total } = view;
  const label = view.phase === "end" ? `All ${total} questions seen` : `Question ${view.index + 1} of ${total}`;
  return h("div", { class: "progress-row" },
    h("div", { class: "progress-wrap" },
      h("p", { class: "progress-label", id: "progress-label" },
        h("strong", null, label),
        h("span", { class: "muted" }, ` · ${answered} answered`)),
      h("progress", { max: total, value: answered, "aria-label": `${answered} of ${total} questions answered` })),
    finishNowButton(view, answered));
}

function header(view) {
  const { meta, roleNote } = view.session;
  const answered = answeredCount(view);
  const role = meta.role || familyTitle(meta.role_family);
  return h("div", { class: "interview-head" },
    h("h1", { id: "interview-heading", tabindex: "-1" }, `${role} interview`),
    h("p", { class: "meta muted" }, [modeLabel(meta.mode), meta.experience, meta.domain,
      meta.scoring === "content" ? "fair scoring: content only" : null].filter(Boolean).join(" · ")),
    roleNote ? h("p", { class: "notice info role-note" }, roleNote) : null,
    progressRow(view, answered));
}

const errorBox = () => h("div", { class: "form-error", role: "alert", id: "interview-error" });

function showError(box, err) {
  box.textContent = err instanceof ApiError ? err.message : "Something went wrong. Try again.";
}

function skippedButton(view, unanswered) {
  const button = h("button", { type: "button", class: "btn btn-secondary", id: "answer-skipped" }, `Answer skipped questions (${unanswered})`);
  button.addEventListener("click", () => goTo(view, firstUnanswered(view)));
  return button;
}

// ---- answer phase ----
function wordCountText(words) {
  return `${words} ${words === 1 ? "word" : "words"}` + (words > 0 && words < 50 ? " — aim for 120 to 250" : "");
}

/** The answer form's elements; `updateCount` also keeps the draft. */
function answerForm(view, q) {
  const draft = view.drafts.get(q.id) ?? "";
  const textarea = h("textarea", {
    id: "answer", name: "answer", rows: 9, maxlength: MAX_ANSWER, value: draft,
    "aria-describedby": "answer-help answer-count answer-error", spellcheck: "true",
  });
  textarea.value = draft;
  const count = h("p", { class: "word-count muted", id: "answer-count" }, "");
  const updateCount = () => {
    count.textContent = wordCountText(countWords(textarea.value));
    view.drafts.set(q.id, textarea.value);
  };
  updateCount();
  const fieldError = h("p", { class: "field-error", id: "answer-error", hidden: true });
  const submit = h("button", { type: "submit", class: "btn", id: "submit-answer" }, "Submit answer");
  const skip = h("button", { type: "button", class: "btn btn-secondary", id: "skip" }, isLast(view) ? "Skip" : "Skip question");
  const box = errorBox();
  const form = h("form", { class: "answer-form", novalidate: true },
    h("div", { class: "field" },
      h("label", { for: "answer" }, "Your answer"),
      h("p", { class: "hint", id: "answer-help" }, "Answer as you would out loud. Press Ctrl+Enter (⌘+Enter on a Mac) to submit."),
      textarea,
      h("div", { class: "answer-foot" }, count),
      fieldError),
    box,
    h("div", { class: "actions" }, submit, skip));
  return { form, textarea, fieldError, submit, skip, box, updateCount };
}

function answerPhase(view, q) {
  const parts = answerForm(view, q);
  const { form, textarea, fieldError, skip } = parts;
  textarea.addEventListener("input", () => {
    parts.updateCount();
    if (!fieldError.hidden) { fieldError.hidden = true; textarea.removeAttribute("aria-invalid"); }
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  skip.addEventListener("click", () => {
    if (view.busy) return;
    announce(`Question ${view.index + 1} skipped.`);
    goNext(view);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitAnswer(view, q, parts);
  });
  return [form, voiceBlock(view, q, parts)];
}

/** The "Answer out loud" panel beside the written answer; while it sends, the form waits. */
function voiceBlock(view, q, parts) {
  view.voice = voicePanel({
    sessionId: view.session.id,
    questionId: q.id,
    take: view.takes.get(q.id),
    onTake: (take) => (take ? view.takes.set(q.id, take) : view.takes.delete(q.id)),
    onBusy: (busy) => {
      view.busy = busy;
      parts.submit.disabled = busy;
      parts.skip.disabled = busy;
    },
    onAnswered: (result) => showGraded(view, q, result.transcript || "", result),
  });
  return view.voice.element;
}

function showAnswerError({ textarea, fieldError }, message) {
  fieldError.textContent = message;
  fieldError.hidden = false;
  textarea.setAttribute("aria-invalid", "true");
  textarea.focus();
}

function setGrading({ form, submit, skip }, grading) {
  submit.disabled = grading;
  skip.disabled = grading;
  submit.textContent = grading ? "Grading…" : "Submit answer";
  if (grading) form.setAttribute("aria-busy", "true");
  else form.removeAttribute("aria-busy");
}

// Kept in the page's copy of the session so that feedback, Try again and the
// progress count need no second request.
function recordAnswer(view, q, text, result, privacy) {
  view.session.answers.set(q.id, {
    question_id: q.id,
    answer: text,
    attempts: result.attempts || 1,
    evaluation: {
      scores: result.scores,
      feedback: result.feedback,
      examples_or_corrections: result.examples_or_corrections,
      resources: result.resources,
      source: result.source,
      evidence: result.evidence,  // a spoken answer's delivery is in it, where a reload finds it too
    },
    privacy,
  });
  view.drafts.delete(q.id);
}

async function submitAnswer(view, q, parts) {
  if (view.busy) return;
  parts.box.textContent = "";
  const text = parts.textarea.value.trim();
  if (!text) {
    showAnswerError(parts, "Write an answer before submitting, or choose Skip.");
    return;
  }
  view.busy = true;
  setGrading(parts, true);
  announce("Grading your answer…");
  try {
    const result = await api.answer(view.session.id, q.id, text);
    await showGraded(view, q, text, result);
  } catch (err) {
    view.busy = false;
    setGrading(parts, false);
    if (err instanceof ApiError && err.fields && err.fields.answer) showAnswerError(parts, err.fields.answer);
    showError(parts.box, err);
  }
}

/** After a graded answer, written or spoken: keep it, add what it brought, show its feedback. */
async function showGraded(view, q, text, result) {
  view.elapsed = Date.now() - view.startedAt;
  // What has left this computer so far, shown beside who graded; unknown if the ledger cannot be read.
  const privacy = await api.privacy().catch(() => null);
  recordAnswer(view, q, text, result, privacy);
  addQuestions(view, q, result);
  view.busy = false;
  view.phase = "feedback";
  render(view, { focusId: "feedback-heading" });
  announce(`Feedback ready. ${scoreSentence(result.scores)}.`);
}

// A follow-up comes right after its question; an adaptive session's next question at the end.
function addQuestions(view, q, result) {
  const known = (added) => view.questions.some((x) => x.id === added.id);
  if (result.follow_up && !known(result.follow_up)) view.questions.splice(view.index + 1, 0, result.follow_up);
  if (result.next_question && !known(result.next_question)) view.questions.push(result.next_question);
  view.total = totalQuestions(view.session);
}

// ---- feedback phase ----
function feedbackActions(view, q, entry, box) {
  const retry = h("button", { type: "button", class: "btn btn-secondary", id: "try-again" }, "Try again");
  retry.addEventListener("click", () => {
    view.drafts.set(q.id, entry.answer);
    view.phase = "answer";
    view.startedAt = Date.now();
    render(view, { focusId: "answer", caretEnd: true });
    announce("Answer this question again. Your new answer replaces the old one.");
  });
  const following = view.questions[view.index + 1];
  const followUpNext = following && following.parent_id === q.id;
  const next = isLast(view)
    ? h("button", { type: "button", class: "btn", id: "finish" }, "Finish and see report")
    : h("button", { type: "button", class: "btn", id: "next-question" }, followUpNext ? "Answer the follow-up" : "Next question");
  next.addEventListener("click", () => (isLast(view) ? finish(view, next, box) : goNext(view)));
  const unanswered = view.questions.length - answeredCount(view);
  const backToSkipped = isLast(view) && unanswered > 0 ? skippedButton(view, unanswered) : null;
  return h("div", { class: "actions feedback-actions" }, next, retry, backToSkipped);
}

function feedbackPhase(view, q) {
  const entry = view.session.answers.get(q.id);
  const box = errorBox();
  const took = view.timerOn && view.elapsed ? h("span", { class: "muted" }, ` · answered in ${formatDuration(view.elapsed)}`) : null;
  const spoken = Boolean(spokenDelivery(entry.evaluation));
  return [
    h("div", { class: "your-answer" },
      h("p", { class: "label-text", id: "answer-label" }, spoken ? "What we heard" : "Your answer", took),
      spoken ? h("p", { class: "muted spoken-note" }, "Your spoken answer, as transcribed from your recording.") : null,
      h("blockquote", { class: "answer-text", id: "answer-given" }, prewrap(entry.answer))),
    h("section", { class: "card feedback", "aria-labelledby": "feedback-heading", id: "feedback" },
      h("h2", { id: "feedback-heading", tabindex: "-1" }, "Feedback on your answer"),
      feedbackBody(entry.evaluation, { questionType: q.type, level: 3, attempts: entry.attempts,
        contentOnly: view.session.meta.scoring === "content", privacy: entry.privacy }),
      followUpNotice(view, q),
      box,
      feedbackActions(view, q, entry, box)),
    shareLater(view.session),
  ];
}

// "Share with a mentor" while practising; its module loads when the panel is first opened.
function shareLater(session) {
  const body = h("div", { class: "share-later-body" });
  const details = h("details", { class: "card more share share-later no-print", id: "share-later" },
    h("summary", { id: "share-later-summary" }, "Share this interview with a mentor"), body);
  details.addEventListener("toggle", () => {
    if (!details.open || body.firstChild) return;
    body.append(h("p", { class: "loading" }, "Loading…"));
    import("./share.js")
      .then((share) => share.fillSharePanel(body, session.id))
      .catch(() => body.replaceChildren(h("p", { class: "notice error" },
        "This could not be loaded. Check that the PrepBot server is running, then reload.")));
  });
  return details;
}

function followUpNotice(view, q) {
  const following = view.questions[view.index + 1];
  if (!following || following.parent_id !== q.id) return null;
  return h("p", { class: "notice info follow-up-notice", id: "follow-up-notice" },
    "The interviewer has a follow-up question on this answer. It comes next.");
}

// ---- end phase ----
function endPhase(view) {
  const { total } = view;
  const answered = answeredCount(view);
  const unanswered = total - answered;
  const section = h("section", { class: "card end", "aria-labelledby": "end-heading" },
    h("h2", { id: "end-heading", tabindex: "-1" }, answered === total ? "You answered every question" : "That was the last question"));
  if (answered === 0) {
    const back = h("button", { type: "button", class: "btn", id: "back-to-first" }, "Back to the first question");
    back.addEventListener("click", () => goTo(view, 0));
    section.append(h("p", null, "You skipped every question. Answer at least one to get a report."), h("div", { class: "actions" }, back));
    return section;
  }
  const box = errorBox();
  const fin = h("button", { type: "button", class: "btn", id: "finish" }, "Finish and see report");
  fin.addEventListener("click", () => finish(view, fin, box));
  section.append(
    h("p", null, `You answered ${answered} of ${total} questions.` +
      (unanswered ? " The report covers the questions you answered." : " Your report is ready to be made.")),
    box,
    h("div", { class: "actions" }, fin, unanswered ? skippedButton(view, unanswered) : null));
  return section;
}

// ---- navigation ----
function goTo(view, index) {
  view.index = Math.max(0, index);
  view.phase = "answer";
  view.startedAt = Date.now();
  view.hintOpen = false;
  savePosition(view);
  render(view, { focusId: "question-text" });
}

function goNext(view) {
  if (view.index + 1 < view.questions.length) {
    goTo(view, view.index + 1);
  } else {
    view.phase = "end";
    store.updateCurrent(view.session.id, { position: view.total });
    render(view, { focusId: "end-heading" });
  }
}

// `box` is absent for "Finish now", which shows its error in the phase's own box.
async function finish(view, button, box) {
  if (view.busy) return;
  const errorTarget = box || view.main.querySelector("#interview-error");
  view.busy = true;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "Making your report…";
  announce("Making your report…");
  try {
    const report = await api.finalize(view.session.id);
    view.busy = false;
    stopTimer(view);
    view.onFinished(report);
  } catch (err) {
    view.busy = false;
    button.disabled = false;
    button.textContent = label;
    if (errorTarget) showError(errorTarget, err);
    else announce(err.message);
    button.focus();
  }
}

// ---- render ----
function questionLabel(view, q) {
  if (!q.parent_id) return `Question ${view.index + 1}`;
  const parent = view.questions.findIndex((x) => x.id === q.parent_id);
  return `Follow-up to question ${parent + 1}`;
}

function questionCard(view, q) {
  return h("section", { class: "card question-card", "aria-labelledby": "question-text" },
    h("div", { class: "q-meta" }, h("span", { class: "q-number" }, questionLabel(view, q)), badges(q)),
    h("h2", { class: "question-text", id: "question-text", tabindex: "-1" }, q.question),
    hintBlock(view, q),
    view.phase === "answer" ? [timerBlock(view), answerPhase(view, q)] : null);
}

function moveFocus(main, focusId, caretEnd) {
  const target = focusId && main.querySelector(`#${focusId}`);
  if (!target) return;
  focusElement(target);
  if (caretEnd && "value" in target) target.setSelectionRange(target.value.length, target.value.length);
}

function render(view, { focusId, caretEnd } = {}) {
  stopTimer(view);
  stopVoice(view);
  const children = [header(view)];
  if (view.phase === "end") {
    setTitle("Finish");
    children.push(endPhase(view));
  } else {
    const q = view.questions[view.index];
    setTitle(`Question ${view.index + 1} of ${view.total}`);
    children.push(questionCard(view, q));
    if (view.phase === "feedback") children.push(...feedbackPhase(view, q));
  }
  view.main.replaceChildren(h("div", { class: "interview" }, children));
  moveFocus(view.main, focusId, caretEnd);
}
