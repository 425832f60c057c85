// "Share with a mentor" on the report: a private read-only link to this session,
// the list of its links with "Revoke" each, and the notes mentors left, shown
// next to the answers they are about. Loaded after the report is shown.
import { ApiError, shareApi } from "./api.js";
import { copyField } from "./copy.js";
import { announce, h, prewrap } from "./dom.js";
import { formatDate } from "./format.js";

const NOT_YOURS = "This session belongs to a practice profile that this browser does not use. " +
  "Open your profile's link in this browser, then try again.";

function problem(err, fallback) {
  if (err instanceof ApiError && err.status === 401) return NOT_YOURS;
  return err instanceof ApiError ? err.message : fallback;
}

/** The notes of one question, as the candidate and the mentor see them. */
export function notesList(notes, { id } = {}) {
  return h("ul", { class: "mentor-notes-list", id }, notes.map((n) => h("li", { class: "mentor-note" },
    prewrap(n.note),
    h("p", { class: "muted note-date" }, formatDate(n.created_at)))));
}

/** The mentors' notes next to the answers in the report; nothing when there are none. */
async function showNotes(report, sessionId) {
  let notes;
  try {
    notes = (await shareApi.notes(sessionId)).notes || [];
  } catch {
    return;  // the report stands without them
  }
  const byQuestion = new Map();
  for (const n of notes) byQuestion.set(n.question_id, [...(byQuestion.get(n.question_id) || []), n]);
  for (const [questionId, list] of byQuestion) {
    const slot = report.querySelector(`#notes-q-${CSS.escape(String(questionId))}`);
    if (!slot) continue;
    slot.replaceChildren(h("div", { class: "mentor-notes" },
      h("h4", null, list.length === 1 ? "A note from your mentor" : "Notes from your mentors"),
      notesList(list)));
  }
}

function linkItem(share, onRevoke) {
  const when = formatDate(share.created_at);
  const revoke = h("button", { type: "button", class: "btn btn-secondary revoke", "data-share-id": share.share_id },
    "Revoke", h("span", { class: "visually-hidden" }, ` the link created ${when}`));
  revoke.addEventListener("click", () => onRevoke(share, revoke));
  return h("li", { class: "share-item", "data-share-id": share.share_id },
    h("span", null, `Link created ${when}`), revoke);
}

function renderList(panel) {
  const { shares, list, listHeading } = panel;
  listHeading.hidden = shares.length === 0;
  list.replaceChildren(...shares.map((s) => linkItem(s, (share, button) => revokeLink(panel, share, button))));
}

async function revokeLink(panel, share, button) {
  if (button.disabled) return;
  button.disabled = true;
  panel.status.textContent = "";
  try {
    await shareApi.revoke(panel.sessionId, share.share_id);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) {  // a 404: it was revoked already
      button.disabled = false;
      panel.status.textContent = problem(err, "The link could not be revoked. Try again.");
      return;
    }
  }
  const index = panel.shares.findIndex((s) => s.share_id === share.share_id);
  panel.shares = panel.shares.filter((s) => s.share_id !== share.share_id);
  if (panel.newShareId === share.share_id) panel.created.replaceChildren();
  renderList(panel);
  const next = panel.list.querySelectorAll("button.revoke")[Math.max(0, index - 1)];
  (next || panel.create).focus();
  panel.status.textContent = "Link revoked: it no longer opens this interview.";
}

async function createLink(panel) {
  const { create, status, created } = panel;
  if (create.disabled) return;
  create.disabled = true;
  status.textContent = "";
  try {
    const share = await shareApi.create(panel.sessionId);
    const copyStatus = h("p", { class: "hint", role: "status", id: "share-copy-status" });
    panel.newShareId = share.share_id;
    created.replaceChildren(
      copyField({ id: "share-link", label: "Link", value: `${location.origin}${share.app}`, status: copyStatus,
        hint: "Send it to your mentor. It is shown only now: if you lose it, create another one." }),
      copyStatus);
    panel.shares = [{ share_id: share.share_id, created_at: share.created_at },
      ...panel.shares.filter((s) => s.share_id !== share.share_id)];
    renderList(panel);
    created.querySelector("#share-link").focus();
    announce("Your share link is ready. Copy it and send it to your mentor.");
  } catch (err) {
    status.textContent = problem(err, "The link could not be created. Try again.");
  } finally {
    create.disabled = false;
  }
}

async function loadLinks(panel) {
  try {
    panel.shares = (await shareApi.list(panel.sessionId)).shares || [];
    renderList(panel);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) panel.status.textContent = NOT_YOURS;
  }
}

/** The panel's content: what sharing does, "Create a share link", the new link and the list of links. */
function panelParts(sessionId) {
  const panel = {
    sessionId,
    shares: [],
    newShareId: null,
    create: h("button", { type: "button", class: "btn btn-secondary", id: "share-create" }, "Create a share link"),
    created: h("div", { class: "share-created", id: "share-created" }),
    status: h("p", { class: "hint", role: "status", id: "share-status" }),
    listHeading: h("h3", { id: "share-list-heading", hidden: true }, "Links to this interview"),
    list: h("ul", { class: "share-list", id: "share-list", "aria-labelledby": "share-list-heading" }),
  };
  panel.create.addEventListener("click", () => createLink(panel));
  loadLinks(panel);
  return [
    h("p", null, "Create a private link for a mentor, a friend or a coach. With it they can read this interview " +
      "(your answers, scores and feedback), download the report and leave you notes next to your answers. " +
      "They cannot change anything, and you can revoke the link at any time."),
    h("div", { class: "actions share-actions" }, panel.create),
    panel.created,
    panel.status,
    panel.listHeading,
    panel.list,
  ];
}

/** Fills the report's slot with the share panel and puts the mentors' notes next to the answers. */
export function fillShare(slot, session) {
  slot.replaceChildren(h("section", { class: "card share", id: "share-card", "aria-labelledby": "share-heading" },
    h("h2", { id: "share-heading" }, "Share with a mentor"),
    panelParts(session.id)));
  showNotes(slot.closest(".report") || document, session.id);
}

/** The panel without its heading, for the feedback screen's "Share this interview with a mentor". */
export function fillSharePanel(container, sessionId) {
  container.replaceChildren(...panelParts(sessionId));
}
