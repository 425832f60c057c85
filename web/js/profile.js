// The practice profile page (#/profile): create a profile or open one from its
// link; then what is due today, progress, export and import, and the link for
// another device, forgetting the profile here or erasing it on the server.
import { ApiError, profileApi } from "./api.js";
import { copyField } from "./copy.js";
import { announce, focusElement, h, setTitle } from "./dom.js";
import { dueCard, profileGoneNotice } from "./due.js";
import { progressSection } from "./progress.js";
import * as store from "./storage.js";

/** The address that opens the profile in another browser. */
export function profileLink(token) {
  return `${location.origin}/#profile=${encodeURIComponent(token)}`;
}

/** The token in a profile link ("…#profile=<token>") or a bare token; null when it is neither. */
export function tokenFrom(text) {
  const s = String(text || "").trim();
  const match = /#profile=([^&\s]+)/.exec(s);
  let token;
  try {
    token = match ? decodeURIComponent(match[1]) : s;
  } catch {
    return null;
  }
  return /^[A-Za-z0-9._~-]{16,256}$/.test(token) ? token : null;
}

/** Keeps the token of a "#profile=…" link in this browser; true when it was one. */
export function adoptProfileLink(hash) {
  const token = tokenFrom(hash);
  if (!token) return false;
  const kept = store.getProfile();
  if (!kept || kept.token !== token) store.setProfile({ token, profile_id: null, created_at: null });
  return true;
}

function linkFields(token, prefix) {
  const link = profileLink(token);
  const status = h("p", { class: "hint", role: "status", id: `${prefix}-copy-status` });
  return [
    copyField({ id: `${prefix}-link`, label: "Link", value: link, status,
      hint: "Open it in another browser or on another device to use this profile there." }),
    h("p", null, h("a", { href: link, id: `${prefix}-link-anchor`, class: "profile-link" }, "Open this profile link")),
    copyField({ id: `${prefix}-token`, label: "Code", value: token, status,
      hint: "The profile's secret code, the part of the link after “#profile=”." }),
    status,
  ];
}

function createdCard(profile) {
  return h("section", { class: "card profile-created", id: "profile-created", "aria-labelledby": "created-heading" },
    h("h2", { id: "created-heading", tabindex: "-1" }, "Your profile is ready: save its link"),
    h("p", { class: "notice warn" },
      "Keep this link somewhere safe, such as a password manager or a note to yourself. It is the only way into your profile: " +
      "the server keeps no copy of it, only this browser does. There is no account and no password, so anyone with the link can see and erase your practice."),
    linkFields(profile.token, "new-profile"));
}

function createCard(rerender) {
  const status = h("p", { class: "form-error", role: "alert" });
  const button = h("button", { type: "button", class: "btn btn-large", id: "profile-create" }, "Create a practice profile");
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    status.textContent = "";
    try {
      const created = await profileApi.create();
      store.setProfile({ token: created.token, profile_id: created.profile_id, created_at: created.created_at });
      announce("Your practice profile is ready. Save its link.");
      rerender({ created: true });
    } catch (err) {
      button.disabled = false;
      status.textContent = err instanceof ApiError ? err.message : "The profile could not be created. Try again.";
      button.focus();
    }
  });
  return h("section", { class: "card", "aria-labelledby": "create-heading" },
    h("h2", { id: "create-heading" }, "Create a practice profile"),
    h("ul", { class: "bullets" },
      h("li", null, "Your sessions are kept together on this PrepBot server, so you can see how you improve over time."),
      h("li", null, "Questions you found hard come back for review on a schedule: a day later, then less and less often."),
      h("li", null, "No account, no email: a private link opens the profile, here or on another device.")),
    h("div", { class: "actions" }, button),
    status);
}

function useLinkCard(rerender) {
  const input = h("input", { id: "profile-use", name: "profile", type: "text", autocomplete: "off", spellcheck: "false",
    "aria-describedby": "profile-use-hint profile-use-error" });
  const error = h("p", { class: "field-error", id: "profile-use-error", hidden: true });
  const form = h("form", { class: "use-profile", novalidate: true },
    h("div", { class: "field" },
      h("label", { for: "profile-use" }, "Profile link or code"),
      h("p", { class: "hint", id: "profile-use-hint" }, "Paste the link you saved when you created the profile."),
      input, error),
    h("button", { type: "submit", class: "btn btn-secondary", id: "profile-use-button" }, "Use this profile"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = tokenFrom(input.value);
    if (!token) {
      error.textContent = "That is not a PrepBot profile link. It looks like …/#profile= followed by a long code.";
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    store.setProfile({ token, profile_id: null, created_at: null });
    rerender({ notice: "This browser now uses your practice profile." });
  });
  return h("section", { class: "card", "aria-labelledby": "use-heading" },
    h("h2", { id: "use-heading" }, "Already have a profile?"), form);
}

async function saveExport(kind, button, status, onGone) {
  if (button.disabled) return;
  button.disabled = true;
  status.textContent = "Preparing your file…";
  try {
    const { blob, filename } = await profileApi.exportFile(kind);
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status.textContent = `Downloaded ${filename}.`;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onGone();
    else status.textContent = err instanceof ApiError ? err.message : "The file could not be downloaded. Try again.";
  } finally {
    button.disabled = false;
  }
}

function importedText(out) {
  const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  const parts = [`Imported ${n(out.sessions_imported, "session", "sessions")} and ${n(out.review_cards_imported, "review item", "review items")}.`];
  if (out.sessions_already_present) {
    parts.push(`${n(out.sessions_already_present, "session was", "sessions were")} already in this profile.`);
  }
  return parts.join(" ");
}

async function importFile(file, status, { onGone, refresh }) {
  const chosen = file.files && file.files[0];
  if (!chosen) return;
  status.textContent = `Importing ${chosen.name}…`;
  try {
    const out = await profileApi.importFile(chosen);
    status.textContent = importedText(out);
    refresh();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onGone();
    else status.textContent = err instanceof ApiError ? `${chosen.name} was not imported: ${err.message}` : "The file could not be imported.";
  }
  file.value = "";
}

function dataCard(actions) {
  const status = h("p", { class: "hint", role: "status", id: "export-status" });
  const buttons = [["json", "JSON (all of it)"], ["csv", "CSV (a spreadsheet)"], ["anki", "Anki cards"]].map(([kind, label]) => {
    const button = h("button", { type: "button", class: "btn btn-secondary", id: `export-${kind}` }, h("span", { class: "visually-hidden" }, "Export as "), label);
    button.addEventListener("click", () => saveExport(kind, button, status, actions.onGone));
    return button;
  });
  const importStatus = h("p", { class: "hint", role: "status", id: "import-status" });
  const file = h("input", { type: "file", id: "import-file", accept: "application/json,.json", class: "file-input",
    "aria-describedby": "import-hint import-status" });
  file.addEventListener("change", () => importFile(file, importStatus, actions));
  return h("section", { class: "card", id: "profile-data", "aria-labelledby": "data-heading" },
    h("h2", { id: "data-heading" }, "Export and import"),
    h("p", null, "Download your sessions, scores and review schedule. The Anki file has a card for each question to review."),
    h("div", { class: "actions export-actions" }, buttons),
    status,
    h("div", { class: "field import-field" },
      h("label", { for: "import-file" }, "Import a profile export (JSON)"),
      h("p", { class: "hint", id: "import-hint" }, "Importing the same file twice adds nothing the second time."),
      file),
    importStatus);
}

function eraseDialog(onConfirm) {
  const cancel = h("button", { type: "button", class: "btn btn-secondary", id: "erase-cancel", autofocus: true }, "Keep my profile");
  const confirm = h("button", { type: "button", class: "btn btn-danger", id: "erase-confirm" }, "Erase everything");
  const dialog = h("dialog", { class: "confirm-dialog", id: "erase-dialog", "aria-labelledby": "erase-title", "aria-describedby": "erase-desc" },
    h("h2", { id: "erase-title" }, "Erase this practice profile?"),
    h("p", { id: "erase-desc" }, "The profile and all its sessions, scores and review questions are deleted from the PrepBot server, " +
      "for every device that uses its link. This cannot be undone: export your data first if you want to keep it."),
    h("div", { class: "actions" }, cancel, confirm));
  cancel.addEventListener("click", () => dialog.close());
  confirm.addEventListener("click", () => { dialog.close("erase"); });
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (dialog.returnValue === "erase") onConfirm();
  });
  document.body.append(dialog);
  dialog.showModal();
}

async function eraseProfile(button, status, { sessionIds, rerender, onGone }) {
  button.disabled = true;
  status.textContent = "Erasing…";
  try {
    await profileApi.erase();
    store.forgetProfile();
    sessionIds.forEach((id) => { store.removeHistory(id); store.clearCurrent(id); });
    rerender({ notice: "Your practice profile and all its sessions were erased." });
  } catch (err) {
    button.disabled = false;
    if (err instanceof ApiError && err.status === 401) onGone();
    else status.textContent = err instanceof ApiError ? err.message : "The profile could not be erased. Try again.";
  }
}

function manageCard(profile, actions) {
  const status = h("p", { class: "hint", role: "status", id: "manage-status" });
  const forget = h("button", { type: "button", class: "btn btn-secondary", id: "profile-forget" }, "Forget this profile on this device");
  forget.addEventListener("click", () => {
    store.forgetProfile();
    actions.rerender({ notice: "This browser no longer uses the practice profile. It is still on the server: open its link to use it again." });
  });
  const erase = h("button", { type: "button", class: "btn btn-danger", id: "profile-erase" }, "Erase profile and all its sessions");
  erase.addEventListener("click", () => eraseDialog(() => eraseProfile(erase, status, actions)));
  return h("section", { class: "card", id: "profile-manage", "aria-labelledby": "manage-heading" },
    h("h2", { id: "manage-heading" }, "This profile"),
    h("details", { class: "more" }, h("summary", { id: "show-link" }, "Open this profile on another device"), linkFields(profile.token, "profile")),
    h("p", null, "Forgetting only removes the profile from this browser. Erasing deletes it from the server, for every device."),
    h("div", { class: "actions" }, forget, erase),
    status);
}

const FORGOTTEN = "This browser no longer uses the practice profile.";

function goneCard(rerender) {
  return h("section", { class: "card", id: "profile-gone", "aria-labelledby": "gone-heading" },
    h("h2", { id: "gone-heading" }, "This profile link does not work"),
    profileGoneNotice(() => rerender({ notice: FORGOTTEN })));
}

/** What depends on the profile's data: due today and progress, filled again after an import. */
function fillLive(slots, progress, { onStarted, rerender }) {
  slots.due.replaceChildren(dueCard({ getValues: () => store.getPrefs(), onStarted, onForget: () => rerender({ notice: FORGOTTEN }),
    hint: "The session uses the choices of your last interview; change them on the start page." }));
  slots.progress.replaceChildren(progressSection(progress));
}

async function loadProfile(body, profile, context) {
  const { rerender } = context;
  let progress;
  try {
    progress = await profileApi.progress();
  } catch (err) {
    if (!body.isConnected) return;
    if (err instanceof ApiError && err.status === 401) {
      body.replaceChildren(goneCard(rerender));
      return;
    }
    const retry = h("button", { type: "button", class: "btn btn-secondary" }, "Try again");
    retry.addEventListener("click", () => loadProfile(body, profile, context));
    body.replaceChildren(h("p", { class: "notice error", role: "alert" },
      `Could not load your profile. ${err instanceof ApiError ? err.message : ""}`), h("div", { class: "actions" }, retry));
    return;
  }
  if (!body.isConnected) return;
  if (progress.profile_id && profile.profile_id !== progress.profile_id) store.setProfile({ ...profile, profile_id: progress.profile_id });
  const slots = { due: h("div", { class: "due-slot" }), progress: h("div", { class: "progress-slot" }) };
  const actions = {
    rerender,
    onGone: () => body.replaceChildren(goneCard(rerender)),
    sessionIds: (progress.timeline || []).map((p) => p.session_id),
    refresh: async () => {
      const fresh = await profileApi.progress().catch(() => null);
      if (fresh && body.isConnected) {
        actions.sessionIds = (fresh.timeline || []).map((p) => p.session_id);
        fillLive(slots, fresh, context);
      }
    },
  };
  fillLive(slots, progress, context);
  body.replaceChildren(slots.due, slots.progress, dataCard(actions), manageCard(profile, actions));
}

/**
 * Renders the profile page into main; returns its heading. state: {created: a profile
 * was just created (its link is shown), notice: a message to show first}.
 */
export function renderProfile(main, { onStarted, state = {} }) {
  setTitle("Practice profile");
  const heading = h("h1", { id: "profile-heading", tabindex: "-1" }, "Your practice profile");
  const rerender = (next) => {
    const top = renderProfile(main, { onStarted, state: next });
    focusElement(next.created ? main.querySelector("#created-heading") : top);
    if (next.notice) announce(next.notice);
  };
  const profile = store.getProfile();
  const intro = h("p", { class: "lead" }, profile
    ? "This browser uses a practice profile: your sessions are kept together, with your progress and the questions to review."
    : "Keep your practice together: see how you improve over time, and get the questions you found hard again when they are due.");
  const notice = state.notice ? h("p", { class: "notice info", id: "profile-notice" }, state.notice) : null;
  if (!profile) {
    main.replaceChildren(h("div", { class: "profile-page" }, heading, intro, notice, createCard(rerender), useLinkCard(rerender)));
    return heading;
  }
  const body = h("div", { class: "profile-body" }, h("p", { class: "loading", "aria-busy": "true" }, "Loading your progress…"));
  main.replaceChildren(h("div", { class: "profile-page" }, heading, intro, notice, state.created ? createdCard(profile) : null, body));
  loadProfile(body, profile, { onStarted, rerender });
  return heading;
}
