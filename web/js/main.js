// PrepBot web app: routing between the setup, interview and report screens.
//   #/                  the setup screen
//   #/session/<id>      a session: the interview while it is ongoing, the report once completed
//   #/profile           the practice profile: progress, review, export, import
//   #profile=<token>    a profile's link: kept in this browser, then #/profile
//   #shared=<token>     a session shared with a mentor: read only, notes only (the token stays in the page)
import { api, ApiError } from "./api.js";
import { announce, focusElement, h, setTitle } from "./dom.js";
import { askingOrder, renderInterview } from "./interview.js";
import { renderReport } from "./report.js";
import { renderSetup } from "./setup.js";
import * as store from "./storage.js";

const main = document.getElementById("main");
let current = null;      // the loaded session, normalised (answers as a Map)
let screen = null;       // {dispose} of the screen on show
let firstRender = true;  // do not move focus on the first page load
let routeToken = 0;

function normalize(raw, roleNote) {
  const answers = new Map();
  for (const a of raw.answers || []) answers.set(a.question_id, a);
  return {
    id: raw.session_id,
    meta: raw.meta || {},
    questions: askingOrder(raw.questions || []),
    answers,
    final_report: raw.final_report || null,
    status: raw.status || "ongoing",
    created_at: raw.created_at || new Date().toISOString(),
    roleNote: roleNote || null,
  };
}

function sessionHash(id) {
  return `#/session/${encodeURIComponent(id)}`;
}

function dispose() {
  if (screen && screen.dispose) screen.dispose();
  screen = null;
}

function focusAfterRender(el) {
  if (!firstRender && el) focusElement(el);
  firstRender = false;
}

function syncHistory(session) {
  const report = session.final_report;
  store.upsertHistory({
    id: session.id,
    date: session.created_at,
    role: session.meta.role,
    mode: session.meta.mode,
    overall: report && Number.isFinite(report.overall_score) ? report.overall_score : null,
    status: session.status,
  });
}

// A session just started (from the setup form, or a review session): open it.
function startedSession(response, meta) {
  const session = normalize({
    session_id: response.session_id,
    meta,
    questions: response.questions,
    answers: [],
    final_report: null,
    status: "ongoing",
    created_at: new Date().toISOString(),
  }, response.role_note);
  store.addRecentQuestions(session.questions.map((q) => q.bank_id));
  store.setCurrent({ id: session.id, position: 0, roleNote: session.roleNote, role: meta.role, total: session.questions.length });
  syncHistory(session);
  current = session;
  location.hash = sessionHash(session.id);
  const review = response.review_questions > 0 ? `, ${response.review_questions} of them to review` : "";
  announce(`Interview started: ${session.questions.length} questions${review}.`);
}

function showSetup() {
  dispose();
  current = null;
  const heading = renderSetup(main, { onStarted: startedSession });
  focusAfterRender(heading);
}

// A page whose module loads when it is first opened (it is not needed to practise):
// the module, or null when it could not load (said on the page) or another route
// was opened meanwhile.
async function loadPage(path, title) {
  const token = routeToken;
  let module;
  try {
    module = await import(path);
  } catch {
    if (token !== routeToken) return null;
    dispose();
    main.replaceChildren(h("h1", null, title),
      h("p", { class: "notice error", role: "alert" }, "This page could not be loaded. Check that the PrepBot server is running, then reload."));
    return null;
  }
  if (token !== routeToken) return null;
  dispose();
  current = null;
  return module;
}

// The profile page. `link`: the "#profile=…" address it was opened with, whose token this browser keeps.
async function showProfile({ link = null } = {}) {
  const profile = await loadPage("./profile.js", "Practice profile");
  if (!profile) return;
  const state = {};
  if (link !== null) {
    state.notice = profile.adoptProfileLink(link)
      ? "This browser now uses your practice profile."
      : "That profile link is not complete. Copy the whole link, then open it again.";
  }
  const heading = profile.renderProfile(main, { onStarted: startedSession, state });
  focusAfterRender(heading);
}

// A mentor's view of a shared session; its module loads only for such a link.
async function showShared(hash) {
  const mentor = await loadPage("./mentor.js", "A shared practice interview");
  if (mentor) focusAfterRender(mentor.renderShared(main, hash));
}

function showReport(session) {
  dispose();
  const heading = renderReport(main, session, {
    onStartAgain() {
      store.clearCurrent(session.id);
      location.hash = "#/";
    },
  });
  focusAfterRender(heading);
}

function showInterview(session) {
  dispose();
  const saved = store.getCurrent();
  const position = saved && saved.id === session.id ? saved.position : 0;
  if (!saved || saved.id !== session.id) {
    store.setCurrent({ id: session.id, position: position || 0, roleNote: session.roleNote, role: session.meta.role, total: session.questions.length });
  }
  screen = renderInterview(main, session, {
    position,
    focus: !firstRender,
    onFinished(report) {
      session.final_report = report;
      session.status = "completed";
      syncHistory(session);
      store.clearCurrent(session.id);
      showReport(session);
      announce(`Your report is ready. Overall score ${report.overall_score} out of 10.`);
    },
  });
  firstRender = false;
}

function showLoadError(id, err) {
  dispose();
  setTitle("Session not available");
  const notFound = err instanceof ApiError && err.status === 404;
  const heading = h("h1", { tabindex: "-1" }, notFound ? "This session is not available" : "Could not open this session");
  const retry = h("button", { type: "button", class: "btn" }, "Try again");
  retry.addEventListener("click", () => route());
  const forget = h("button", { type: "button", class: "btn btn-secondary" }, "Remove it from my history");
  forget.addEventListener("click", () => {
    store.removeHistory(id);
    store.clearCurrent(id);
    location.hash = "#/";
  });
  main.replaceChildren(h("div", { class: "card load-error" },
    heading,
    h("p", { class: "notice error", role: "alert" }, err.message),
    h("div", { class: "actions" },
      notFound ? forget : retry,
      h("a", { class: "btn btn-secondary", href: "#/" }, "Back to the start"))));
  if (notFound) store.clearCurrent(id);
  focusAfterRender(heading);
}

async function openSession(id) {
  const token = ++routeToken;
  let session = current && current.id === id ? current : null;
  if (!session) {
    dispose();
    setTitle("Loading");
    main.replaceChildren(h("h1", null, "Opening your session"), h("p", { class: "loading", "aria-busy": "true" }, "Loading…"));
    try {
      const raw = await api.session(id);
      if (token !== routeToken) return;
      const saved = store.getCurrent();
      session = normalize(raw, saved && saved.id === id ? saved.roleNote : null);
      current = session;
      syncHistory(session);
    } catch (err) {
      if (token !== routeToken) return;
      showLoadError(id, err);
      return;
    }
  }
  if (session.status === "completed" && session.final_report) {
    store.clearCurrent(session.id);
    showReport(session);
  } else {
    showInterview(session);
  }
}

function route() {
  const hash = location.hash;
  const match = /^#\/session\/([^/?#]+)$/.exec(hash);
  if (match) {
    openSession(decodeURIComponent(match[1]));
    return;
  }
  routeToken++;
  if (hash.startsWith("#profile=")) {
    // The token leaves the address bar (and this tab's history) at once.
    history.replaceState(null, "", "#/profile");
    showProfile({ link: hash });
    return;
  }
  if (hash.startsWith("#shared=")) {
    showShared(hash);
    return;
  }
  if (hash === "#/profile") {
    showProfile();
    return;
  }
  if ((hash === "" || hash === "#") && firstRender) {
    const saved = store.getCurrent();
    if (saved) {
      history.replaceState(null, "", sessionHash(saved.id));
      openSession(saved.id);
      return;
    }
  }
  if (hash === "" || hash === "#" || hash === "#/") showSetup();
  else {
    history.replaceState(null, "", "#/");
    showSetup();
  }
}

// The skip link moves focus without touching the hash (the hash is the route).
document.getElementById("skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  const heading = main.querySelector("h1");
  focusElement(heading || main);
});

// Printing opens the collapsed parts of the report, and closes them again after.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll("details:not([open])")];
  openedForPrint.forEach((d) => { d.open = true; });
});
window.addEventListener("afterprint", () => {
  openedForPrint.forEach((d) => { d.open = false; });
  openedForPrint = [];
});

window.addEventListener("hashchange", () => {
  firstRender = false;
  route();
});
route();
