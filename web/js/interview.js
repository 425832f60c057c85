// The interview screen: one question at a time, the answer form, and the
// feedback panel after each answer.
import { api, ApiError } from "./api.js";
import { announce, focusElement, h, prewrap, setTitle } from "./dom.js";
import { feedbackBody, scoreSentence } from "./feedback.js";
import { capitalize, countWords, familyTitle, formatDuration, modeLabel } from "./format.js";
import * as store from "./storage.js";

const MAX_ANSWER = 10000;

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
  const questions = session.questions;
  const total = questions.length;
  const prefs = store.getPrefs();
  const drafts = new Map();
  const state = {
    index: 0,
    phase: "answer",           // answer | feedback | end
    busy: false,
    timerOn: Boolean(prefs.timer),
    startedAt: Date.now(),
    elapsed: 0,
    hintOpen: false,
  };
  let tick = 0;

  const start = resumeIndex(session, position);
  if (start < 0) {
    state.phase = "end";
    state.index = total - 1;
  } else {
    state.index = start;
  }

  const answeredCount = () => questions.filter((q) => session.answers.has(q.id)).length;
  const firstUnanswered = () => questions.findIndex((q) => !session.answers.has(q.id));
  const isLast = () => state.index === total - 1;

  function savePosition() {
    store.updateCurrent(session.id, { position: state.index });
  }

  function stopTimer() {
    clearInterval(tick);
    tick = 0;
  }

  function startTimer(display) {
    stopTimer();
    const update = () => { display.textContent = formatDuration(Date.now() - state.startedAt); };
    update();
    tick = setInterval(update, 1000);
  }

  // ---- pieces ----
  function badges(q) {
    return h("div", { class: "badges" },
      h("span", { class: `badge type-${q.type}` }, h("span", { class: "visually-hidden" }, "Type: "), capitalize(q.type)),
      h("span", { class: `badge diff-${q.difficulty}` }, h("span", { class: "visually-hidden" }, "Difficulty: "), capitalize(q.difficulty)));
  }

  function hintBlock(q) {
    if (!q.hint) return null;
    const hintId = `hint-${q.id}`;
    const text = h("p", { class: "hint-text", id: hintId, hidden: !state.hintOpen }, q.hint);
    const button = h("button", { type: "button", class: "btn-link hint-toggle", "aria-expanded": state.hintOpen ? "true" : "false", "aria-controls": hintId },
      state.hintOpen ? "Hide hint" : "Show hint");
    button.addEventListener("click", () => {
      state.hintOpen = !state.hintOpen;
      text.hidden = !state.hintOpen;
      button.setAttribute("aria-expanded", state.hintOpen ? "true" : "false");
      button.textContent = state.hintOpen ? "Hide hint" : "Show hint";
    });
    return h("div", { class: "hint-block" }, button, text);
  }

  function timerBlock() {
    const display = h("span", { class: "timer-display", role: "timer", "aria-label": "Time on this question", hidden: !state.timerOn }, "00:00");
    const toggle = h("input", { type: "checkbox", id: "timer-toggle", checked: state.timerOn });
    toggle.addEventListener("change", () => {
      state.timerOn = toggle.checked;
      store.setPrefs({ timer: state.timerOn });
      display.hidden = !state.timerOn;
      announce(state.timerOn ? "Timer shown." : "Timer hidden.");
    });
    startTimer(display);
    return h("div", { class: "timer" },
      h("div", { class: "switch" }, toggle, h("label", { for: "timer-toggle" }, "Show timer")),
      display);
  }

  function header() {
    const answered = answeredCount();
    const position = state.phase === "end" ? total : state.index + 1;
    const role = session.meta.role || familyTitle(session.meta.role_family);
    const showFinishNow = answered > 0 && state.phase !== "end" && !(state.phase === "feedback" && isLast());
    const finishNow = showFinishNow
      ? h("button", { type: "button", class: "btn btn-secondary", id: "finish-now" }, "Finish now")
      : null;
    if (finishNow) finishNow.addEventListener("click", () => finish(finishNow));
    return h("div", { class: "interview-head" },
      h("h1", { id: "interview-heading", tabindex: "-1" }, `${role} interview`),
      h("p", { class: "meta muted" }, [modeLabel(session.meta.mode), session.meta.experience, session.meta.domain].filter(Boolean).join(" · ")),
      session.roleNote ? h("p", { class: "notice info role-note" }, session.roleNote) : null,
      h("div", { class: "progress-row" },
        h("div", { class: "progress-wrap" },
          h("p", { class: "progress-label", id: "progress-label" },
            h("strong", null, state.phase === "end" ? `All ${total} questions seen` : `Question ${position} of ${total}`),
            h("span", { class: "muted" }, ` · ${answered} answered`)),
          h("progress", { max: total, value: answered, "aria-label": `${answered} of ${total} questions answered` })),
        finishNow));
  }

  const errorBox = () => h("div", { class: "form-error", role: "alert", id: "interview-error" });

  function showError(box, err) {
    const message = err instanceof ApiError ? err.message : "Something went wrong. Try again.";
    box.textContent = message;
  }

  // ---- phases ----
  function answerPhase(q) {
    const draft = drafts.get(q.id) ?? "";
    const textarea = h("textarea", {
      id: "answer", name: "answer", rows: 9, maxlength: MAX_ANSWER, value: draft,
      "aria-describedby": "answer-help answer-count answer-error", spellcheck: "true",
    });
    textarea.value = draft;
    const count = h("p", { class: "word-count muted", id: "answer-count" }, "");
    const updateCount = () => {
      const words = countWords(textarea.value);
      count.textContent = `${words} ${words === 1 ? "word" : "words"}` + (words > 0 && words < 50 ? " — aim for 120 to 250" : "");
      drafts.set(q.id, textarea.value);
    };
    updateCount();
    const fieldError = h("p", { class: "field-error", id: "answer-error", hidden: true });
    const submit = h("button", { type: "submit", class: "btn", id: "submit-answer" }, "Submit answer");
    const skip = h("button", { type: "button", class: "btn btn-secondary", id: "skip" }, isLast() ? "Skip" : "Skip question");
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

    textarea.addEventListener("input", () => {
      updateCount();
      if (!fieldError.hidden) { fieldError.hidden = true; textarea.removeAttribute("aria-invalid"); }
    });
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    skip.addEventListener("click", () => {
      if (state.busy) return;
      announce(`Question ${state.index + 1} skipped.`);
      goNext();
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (state.busy) return;
      box.textContent = "";
      const text = textarea.value.trim();
      if (!text) {
        fieldError.textContent = "Write an answer before submitting, or choose Skip.";
        fieldError.hidden = false;
        textarea.setAttribute("aria-invalid", "true");
        textarea.focus();
        return;
      }
      state.busy = true;
      submit.disabled = true;
      skip.disabled = true;
      submit.textContent = "Grading…";
      form.setAttribute("aria-busy", "true");
      announce("Grading your answer…");
      try {
        const result = await api.answer(session.id, q.id, text);
        state.elapsed = Date.now() - state.startedAt;
        session.answers.set(q.id, {
          question_id: q.id,
          answer: text,
          attempts: result.attempts || 1,
          evaluation: {
            scores: result.scores,
            feedback: result.feedback,
            examples_or_corrections: result.examples_or_corrections,
            resources: result.resources,
            source: result.source,
            evidence: result.evidence,
          },
        });
        drafts.delete(q.id);
        state.busy = false;
        state.phase = "feedback";
        render({ focusId: "feedback-heading" });
        announce(`Feedback ready. ${scoreSentence(result.scores)}.`);
      } catch (err) {
        state.busy = false;
        submit.disabled = false;
        skip.disabled = false;
        submit.textContent = "Submit answer";
        form.removeAttribute("aria-busy");
        if (err instanceof ApiError && err.fields && err.fields.answer) {
          fieldError.textContent = err.fields.answer;
          fieldError.hidden = false;
          textarea.setAttribute("aria-invalid", "true");
          textarea.focus();
        }
        showError(box, err);
      }
    });
    return form;
  }

  function feedbackPhase(q) {
    const entry = session.answers.get(q.id);
    const box = errorBox();
    const retry = h("button", { type: "button", class: "btn btn-secondary", id: "try-again" }, "Try again");
    retry.addEventListener("click", () => {
      drafts.set(q.id, entry.answer);
      state.phase = "answer";
      state.startedAt = Date.now();
      render({ focusId: "answer", caretEnd: true });
      announce("Answer this question again. Your new answer replaces the old one.");
    });
    const unanswered = questions.filter((x) => !session.answers.has(x.id)).length;
    const next = isLast()
      ? h("button", { type: "button", class: "btn", id: "finish" }, "Finish and see report")
      : h("button", { type: "button", class: "btn", id: "next-question" }, "Next question");
    next.addEventListener("click", () => (isLast() ? finish(next, box) : goNext()));
    const backToSkipped = isLast() && unanswered > 0
      ? h("button", { type: "button", class: "btn btn-secondary", id: "answer-skipped" }, `Answer skipped questions (${unanswered})`)
      : null;
    if (backToSkipped) backToSkipped.addEventListener("click", () => goTo(firstUnanswered()));

    return [
      h("div", { class: "your-answer" },
        h("p", { class: "label-text" }, "Your answer",
          state.timerOn && state.elapsed ? h("span", { class: "muted" }, ` · answered in ${formatDuration(state.elapsed)}`) : null),
        h("blockquote", { class: "answer-text" }, prewrap(entry.answer))),
      h("section", { class: "card feedback", "aria-labelledby": "feedback-heading", id: "feedback" },
        h("h2", { id: "feedback-heading", tabindex: "-1" }, "Feedback on your answer"),
        feedbackBody(entry.evaluation, { questionType: q.type, level: 3, attempts: entry.attempts }),
        box,
        h("div", { class: "actions feedback-actions" }, next, retry, backToSkipped)),
    ];
  }

  function endPhase() {
    const answered = answeredCount();
    const unanswered = total - answered;
    const box = errorBox();
    const section = h("section", { class: "card end", "aria-labelledby": "end-heading" },
      h("h2", { id: "end-heading", tabindex: "-1" }, answered === total ? "You answered every question" : "That was the last question"));
    if (answered === 0) {
      section.append(h("p", null, "You skipped every question. Answer at least one to get a report."));
      const back = h("button", { type: "button", class: "btn", id: "back-to-first" }, "Back to the first question");
      back.addEventListener("click", () => goTo(0));
      section.append(h("div", { class: "actions" }, back));
      return section;
    }
    section.append(h("p", null, `You answered ${answered} of ${total} questions.` +
      (unanswered ? " The report covers the questions you answered." : " Your report is ready to be made.")));
    const fin = h("button", { type: "button", class: "btn", id: "finish" }, "Finish and see report");
    fin.addEventListener("click", () => finish(fin, box));
    const actions = h("div", { class: "actions" }, fin);
    if (unanswered) {
      const back = h("button", { type: "button", class: "btn btn-secondary", id: "answer-skipped" }, `Answer skipped questions (${unanswered})`);
      back.addEventListener("click", () => goTo(firstUnanswered()));
      actions.append(back);
    }
    section.append(box, actions);
    return section;
  }

  // ---- navigation ----
  function goTo(index) {
    state.index = Math.max(0, index);
    state.phase = "answer";
    state.startedAt = Date.now();
    state.hintOpen = false;
    savePosition();
    render({ focusId: "question-text" });
  }

  function goNext() {
    if (state.index + 1 < total) {
      goTo(state.index + 1);
    } else {
      state.phase = "end";
      store.updateCurrent(session.id, { position: total });
      render({ focusId: "end-heading" });
    }
  }

  async function finish(button, box) {
    if (state.busy) return;
    const errorTarget = box || main.querySelector("#interview-error");
    state.busy = true;
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "Making your report…";
    announce("Making your report…");
    try {
      const report = await api.finalize(session.id);
      state.busy = false;
      stopTimer();
      onFinished(report);
    } catch (err) {
      state.busy = false;
      button.disabled = false;
      button.textContent = label;
      if (errorTarget) showError(errorTarget, err);
      else announce(err.message);
      button.focus();
    }
  }

  // ---- render ----
  function render({ focusId, caretEnd } = {}) {
    stopTimer();
    const q = questions[state.index];
    const children = [header()];
    if (state.phase === "end") {
      setTitle("Finish");
      children.push(endPhase());
    } else {
      setTitle(`Question ${state.index + 1} of ${total}`);
      const card = h("section", { class: "card question-card", "aria-labelledby": "question-text" },
        h("div", { class: "q-meta" }, h("span", { class: "q-number" }, `Question ${state.index + 1}`), badges(q)),
        h("h2", { class: "question-text", id: "question-text", tabindex: "-1" }, q.question),
        hintBlock(q),
        state.phase === "answer" ? [timerBlock(), answerPhase(q)] : null);
      children.push(card);
      if (state.phase === "feedback") children.push(...feedbackPhase(q));
    }
    main.replaceChildren(h("div", { class: "interview" }, children));
    if (focusId) {
      const target = main.querySelector(`#${focusId}`);
      if (target) {
        focusElement(target);
        if (caretEnd && "value" in target) target.setSelectionRange(target.value.length, target.value.length);
      }
    }
  }

  savePosition();
  render({ focusId: focus ? (state.phase === "end" ? "end-heading" : "question-text") : null });
  return { dispose: stopTimer };
}
