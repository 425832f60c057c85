// The mentor's view of a shared session (#shared=<token>): read only, with the
// candidate's answers, scores and feedback, the final report when there is one,
// and a form per answered question to leave the candidate a note. The token is
// the link's own key: it stays in this page's address and is never stored.
import { ApiError, sharedApi } from "./api.js";
import { announce, h, setTitle } from "./dom.js";
import { familyTitle, formatDate, modeLabel } from "./format.js";
import { askingOrder } from "./interview.js";
import { overallSection, questionReview, strengthsSection } from "./report.js";
import { notesList } from "./share.js";

export const NO_LONGER_VALID = "This link is no longer valid. Ask the candidate for a new one.";
const MAX_NOTE = 2000;

/** The token of a "#shared=…" address; null when it cannot be one. */
export function sharedToken(hash) {
  let token;
  try {
    token = decodeURIComponent(String(hash || "").replace(/^#shared=/, ""));
  } catch {
    return null;
  }
  return /^[A-Za-z0-9._~-]{16,256}$/.test(token) ? token : null;
}

function normalize(raw) {
  const answers = new Map();
  for (const a of raw.answers || []) answers.set(a.question_id, a);
  return {
    meta: raw.meta || {},
    questions: askingOrder(raw.questions || []),
    answers,
    final_report: raw.final_report || null,
    status: raw.status || "ongoing",
    created_at: raw.created_at,
  };
}

function showInvalid(view) {
  setTitle("Link not valid");
  view.heading.textContent = "This link does not work";
  view.body.replaceChildren(h("p", { class: "notice warn", id: "shared-invalid" }, NO_LONGER_VALID));
}

function fillNotes(box, notes, questionId) {
  box.replaceChildren(...(notes.length
    ? [h("h4", null, "Notes for the candidate"), notesList(notes, { id: `shared-notes-list-${questionId}` })]
    : []));
}

function showNoteError(parts, message) {
  parts.error.textContent = message;
  parts.error.hidden = false;
  parts.textarea.setAttribute("aria-invalid", "true");
  parts.textarea.focus();
}

async function sendNote(view, q, parts) {
  const { textarea, error, submit, status, box } = parts;
  if (submit.disabled) return;
  const note = textarea.value.trim();
  if (!note) return showNoteError(parts, "Write a note first.");
  if (note.length > MAX_NOTE) return showNoteError(parts, `A note can be up to 2,000 characters; this one has ${note.length}.`);
  error.hidden = true;
  textarea.removeAttribute("aria-invalid");
  submit.disabled = true;
  status.textContent = "Sending your note…";
  try {
    const saved = await sharedApi.addNote(view.token, q.id, note);
    view.notes.push(saved);
    fillNotes(box, view.notes.filter((n) => n.question_id === q.id), q.id);
    textarea.value = "";
    status.textContent = "Your note was added. The candidate sees it next to this answer.";
    announce("Your note was added.");
  } catch (err) {
    status.textContent = "";
    if (err instanceof ApiError && err.status === 404) return showInvalid(view);
    const message = err instanceof ApiError ? (err.fields.note || err.message) : "The note could not be sent. Try again.";
    showNoteError(parts, message);
  } finally {
    submit.disabled = false;
  }
}

/** The notes already left on one answered question, and the form to add one. */
function noteBlock(view, q, label) {
  const id = `note-q-${q.id}`;
  const parts = {
    textarea: h("textarea", { id, name: "note", rows: 3, maxlength: MAX_NOTE, class: "note-input",
      "aria-describedby": `${id}-hint ${id}-error` }),
    error: h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    submit: h("button", { type: "submit", class: "btn btn-secondary", id: `${id}-submit` },
      "Add note", h("span", { class: "visually-hidden" }, ` on ${label}`)),
    status: h("p", { class: "hint", role: "status", id: `${id}-status` }),
    box: h("div", { class: "mentor-notes", id: `shared-notes-q-${q.id}` }),
  };
  fillNotes(parts.box, view.notes.filter((n) => n.question_id === q.id), q.id);
  const form = h("form", { class: "note-form", novalidate: true },
    h("div", { class: "field" },
      h("label", { for: id }, "Leave a note for the candidate"),
      h("p", { class: "hint", id: `${id}-hint` }, "They see it next to this answer in their report. Up to 2,000 characters."),
      parts.textarea, parts.error),
    h("div", { class: "actions" }, parts.submit),
    parts.status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendNote(view, q, parts);
  });
  return h("div", { class: "mentor-review" }, parts.box, form);
}

function questionsCard(view) {
  const { session } = view;
  return h("section", { class: "card", "aria-labelledby": "review-heading" },
    h("h2", { id: "review-heading" }, "Question by question"),
    session.questions.map((q, i) => {
      const item = questionReview(session, q, i, { mentor: true });
      if (session.answers.has(q.id)) item.append(noteBlock(view, q, item.querySelector("h3 .q-number").textContent.trim().replace(/\.$/, "")));
      return item;
    }));
}

function fillView(view, data) {
  const session = normalize(data.session || {});
  view.session = session;
  view.notes = Array.isArray(data.notes) ? data.notes : [];
  const meta = session.meta;
  const name = meta.name || "The candidate";
  const finished = session.status === "completed" && session.final_report;
  setTitle(`${name}'s interview`);
  view.meta.textContent = [meta.name, meta.role || familyTitle(meta.role_family), modeLabel(meta.mode), meta.experience,
    formatDate(session.created_at)].filter(Boolean).join(" · ");
  view.body.replaceChildren(...[
    h("p", { class: "notice info", id: "shared-intro" }, `${name} shared this practice interview with you. ` +
      "You can read it and leave notes next to the answers; nothing here changes the answers or the scores."),
    finished ? [
      overallSection(session),
      h("div", { class: "actions report-actions" },
        h("a", { class: "btn", href: sharedApi.reportUrl(view.token), download: "", id: "shared-download" }, "Download PDF report")),
      strengthsSection(session.final_report),
    ] : h("p", { class: "notice warn", id: "shared-unfinished" },
      `${name} has not finished this interview yet: the final report appears here once they do.`),
    questionsCard(view)].flat());
}

async function load(view) {
  try {
    const data = await sharedApi.view(view.token);
    if (view.heading.isConnected) fillView(view, data);
  } catch (err) {
    if (!view.heading.isConnected) return;
    if (err instanceof ApiError && err.status === 404) return showInvalid(view);
    const retry = h("button", { type: "button", class: "btn btn-secondary", id: "shared-retry" }, "Try again");
    retry.addEventListener("click", () => {
      view.body.replaceChildren(h("p", { class: "loading", "aria-busy": "true" }, "Loading…"));
      load(view);
    });
    view.body.replaceChildren(h("p", { class: "notice error", role: "alert" },
      err instanceof ApiError ? err.message : "This interview could not be loaded."), h("div", { class: "actions" }, retry));
  }
}

/** Renders the shared session for `hash` ("#shared=<token>") into main; returns its h1. */
export function renderShared(main, hash) {
  setTitle("Shared interview");
  const view = {
    token: sharedToken(hash),
    heading: h("h1", { id: "shared-heading", tabindex: "-1" }, "A shared practice interview"),
    meta: h("p", { class: "meta muted", id: "shared-meta" }),
    body: h("div", { class: "shared-body" }, h("p", { class: "loading", "aria-busy": "true" }, "Loading the interview…")),
  };
  main.replaceChildren(h("div", { class: "report shared-view" }, view.heading, view.meta, view.body));
  if (view.token) load(view);
  else showInvalid(view);
  return view.heading;
}
