// "Due today": the practice profile's review list (SM-2), shown on the first
// screen and on the profile page, with a button that starts a review session.
import { ApiError, PROFILE_NOT_VALID, api, profileApi } from "./api.js";
import { announce, h } from "./dom.js";
import { EXPERIENCE_LEVELS, familyTitle, formatDate } from "./format.js";
import * as store from "./storage.js";

const SHOWN = 8;

/** The role a review session is for when none is given: the first due question's role. */
function roleOfDue(due) {
  const first = due.find((d) => d.question && typeof d.question.bank_id === "string");
  const family = first ? first.question.bank_id.replace(/-\d+$/, "") : "";
  const title = familyTitle(family);
  return title && title !== family ? title : "Software engineer";
}

// The chosen mode when every due question fits it; else mixed, so that none is left out
// (a session asks only the due questions of its mode).
function reviewMode(chosen, due) {
  const types = new Set(due.map((d) => d.question && d.question.type).filter(Boolean));
  if ((chosen === "technical" || chosen === "behavioral") && [...types].every((type) => type === chosen)) return chosen;
  return "mixed";
}

/**
 * The start request of a review session: the given choices (the setup form's,
 * or the last ones remembered; never adaptive), with sensible defaults for what is missing.
 */
export function reviewRequest(values, due) {
  const wanted = Number(values.num_questions);
  const count = Math.min(20, Math.max(due.length, Number.isInteger(wanted) && wanted >= 1 ? wanted : 5));
  const dueIds = due.map((d) => d.question && d.question.bank_id).filter(Boolean);
  const body = {
    name: String(values.name || "").trim() || "PrepBot learner",
    role: String(values.role || "").trim() || roleOfDue(due),
    experience: EXPERIENCE_LEVELS.includes(values.experience) ? values.experience : "1-3 years",
    mode: reviewMode(values.mode, due),
    num_questions: count,
    difficulty: values.difficulty || "mixed",
    follow_ups: values.follow_ups !== false,
    // The due questions were asked before: they must not be avoided now.
    avoid_questions: store.getRecentQuestions().filter((id) => !dueIds.includes(id)),
    review: true,
  };
  if (values.domain) body.domain = values.domain;
  if (values.coach) body.coach = values.coach;
  if (values.scoring === "content") body.scoring = "content";
  return body;
}

function metaOf(body, response) {
  return { name: body.name, role: body.role, domain: body.domain || null, experience: body.experience, mode: body.mode,
    role_family: response.role_family, scoring: body.scoring || "standard", follow_ups: body.follow_ups,
    adaptive: false, planned_questions: null, review: true };
}

/** A 401: the profile link no longer works; offers to forget it here. */
export function profileGoneNotice(onForget) {
  const forget = h("button", { type: "button", class: "btn btn-secondary profile-forget-invalid" },
    "Forget this profile on this device");
  forget.addEventListener("click", () => {
    store.forgetProfile();
    announce("This browser no longer uses the practice profile.");
    onForget();
  });
  return h("div", { class: "profile-gone" },
    h("p", { class: "notice error", role: "alert" }, PROFILE_NOT_VALID),
    h("div", { class: "actions" }, forget));
}

function errorText(err) {
  return err instanceof ApiError ? err.message : "Something went wrong. Try again.";
}

function dueList(review) {
  const list = h("ul", { class: "due-list", id: "due-list" }, review.due.map((item, i) =>
    h("li", { hidden: i >= SHOWN }, h("span", { class: "due-kind" }, item.kind === "concept" ? "Concept: " : "Question: "), item.label)));
  if (review.due.length <= SHOWN) return list;
  const more = h("button", { type: "button", class: "btn-link" }, `Show all ${review.due.length}`);
  more.addEventListener("click", () => {
    list.querySelectorAll("li[hidden]").forEach((li) => { li.hidden = false; });
    more.remove();
  });
  return [list, more];
}

function nothingDue(review) {
  const next = review.next_due
    ? `Nothing due today — next review on ${formatDate(`${review.next_due}T12:00:00`, { time: false })}.`
    : "Nothing due today. Questions you find hard come back here for review, a day or more later.";
  return h("p", { id: "due-none" }, next);
}

async function startReview(button, status, { getValues, review, onStarted, onForget }) {
  if (button.disabled) return;
  const body = reviewRequest(getValues(), review.due);
  button.disabled = true;
  button.textContent = "Starting…";
  status.textContent = "";
  announce("Starting your review session…");
  try {
    const response = await api.start(body);
    onStarted(response, metaOf(body, response));
  } catch (err) {
    button.disabled = false;
    button.textContent = "Start a review session";
    if (err instanceof ApiError && err.status === 401) status.replaceChildren(profileGoneNotice(onForget));
    else status.replaceChildren(h("p", { class: "notice error", role: "alert" }, errorText(err)));
    button.focus();
  }
}

function filledDue(review, options) {
  if (!review.due.length) return [nothingDue(review)];
  const n = review.due.length;
  const button = h("button", { type: "button", class: "btn", id: "review-start" }, "Start a review session");
  const status = h("div", { class: "due-status" });
  button.addEventListener("click", () => startReview(button, status, { ...options, review }));
  return [
    h("p", { id: "due-count" }, h("strong", null, `${n} ${n === 1 ? "item" : "items"} to review today`),
      " — questions you found hard, asked again first:"),
    dueList(review),
    h("div", { class: "actions" }, button),
    options.hint ? h("p", { class: "hint" }, options.hint) : null,
    status,
  ];
}

/**
 * The "Due today" card. options: {getValues() → the start choices, onStarted(response, meta),
 * onForget() after the profile is forgotten, hint, headingLevel, link: also link to the profile page}.
 */
export function dueCard(options) {
  const body = h("div", { class: "due-body", "aria-live": "polite" }, h("p", { class: "loading" }, "Checking your review list…"));
  const heading = h(options.headingLevel || "h2", { id: "due-heading" }, "Due today");
  const card = h("section", { class: "card due", id: "due-today", "aria-labelledby": "due-heading" }, heading, body,
    options.link ? h("p", { class: "due-link" }, h("a", { href: "#/profile" }, "Your progress and profile")) : null);
  const load = async () => {
    try {
      const review = await profileApi.review();
      body.replaceChildren(...filledDue(review, options));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        body.replaceChildren(profileGoneNotice(options.onForget));
        return;
      }
      const retry = h("button", { type: "button", class: "btn btn-secondary" }, "Try again");
      retry.addEventListener("click", load);
      body.replaceChildren(h("p", { class: "notice error" }, `Could not check your review list. ${errorText(err)}`),
        h("div", { class: "actions" }, retry));
    }
  };
  load();
  return card;
}
