// The setup screen: the start form, a session in progress, what the practice
// profile has due today (or an invitation to create one), and this browser's history.
import { api, ApiError } from "./api.js";
import { scoreLineChart } from "./chart.js";
import { announce, focusElement, h, setTitle } from "./dom.js";
import { dueCard } from "./due.js";
import { DIFFICULTIES, EXPERIENCE_LEVELS, MODES, ROLE_FAMILIES, formatDate, formatScore, modeLabel } from "./format.js";
import * as store from "./storage.js";

const LIMIT = 100;

function fieldError(id) {
  return h("p", { class: "field-error", id: `${id}-error`, hidden: true });
}

function textField({ id, name, label, hint, value, required, autocomplete, list }) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  return h("div", { class: "field", "data-field": name },
    h("label", { for: id }, label, required ? null : h("span", { class: "optional" }, " (optional)")),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    h("input", {
      id, name, type: "text", value: value || "", maxlength: LIMIT, autocomplete: autocomplete || "off",
      list, required, "aria-required": required ? "true" : null, "aria-describedby": describedBy, spellcheck: "false",
    }),
    fieldError(id));
}

function selectField({ id, name, label, options, value, hint }) {
  return h("div", { class: "field", "data-field": name },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    h("select", { id, name, "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ") },
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))),
    fieldError(id));
}

function showFieldError(form, name, message) {
  const wrap = form.querySelector(`[data-field="${name}"]`);
  if (!wrap) return null;
  const err = wrap.querySelector(".field-error");
  const control = wrap.querySelector("input, select, textarea");
  err.textContent = message;
  err.hidden = false;
  wrap.classList.add("invalid");
  wrap.querySelectorAll("input, select").forEach((c) => c.setAttribute("aria-invalid", "true"));
  return control;
}

function clearErrors(form) {
  form.querySelectorAll(".field-error").forEach((e) => { e.textContent = ""; e.hidden = true; });
  form.querySelectorAll(".invalid").forEach((e) => e.classList.remove("invalid"));
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
}

function readForm(form) {
  const data = new FormData(form);
  const get = (k) => String(data.get(k) ?? "").trim();
  return {
    name: get("name"),
    role: get("role"),
    domain: get("domain"),
    experience: get("experience"),
    mode: get("mode") || "mixed",
    num_questions: get("num_questions"),
    difficulty: get("difficulty") || "mixed",
    coach: get("coach"),
    scoring: data.get("scoring") ? "content" : "standard",
    job_description: String(data.get("job_description") ?? "").trim(),
    resume: String(data.get("resume") ?? "").trim(),
    follow_ups: Boolean(data.get("follow_ups")),
    adaptive: Boolean(data.get("adaptive")),
  };
}

const COACH_LABELS = {
  offline: "Offline coach: instant, nothing leaves this server",
  gemini: "Gemini (AI)",
  openai: "AI model (OpenAI-compatible)",
};

// Offers a choice of coach when the server has more than one (an LLM coach besides the offline one).
async function offerCoaches(slot, preferred) {
  const coaches = await api.coaches().catch(() => null);  // on failure the default coach will do
  if (!coaches || !Array.isArray(coaches.available) || coaches.available.length < 2) return;
  const value = coaches.available.includes(preferred) ? preferred : coaches.default;
  slot.append(selectField({ id: "f-coach", name: "coach", label: "Coach", value,
    hint: "Who asks the questions and grades your answers. Any AI failure falls back to the offline coach.",
    options: coaches.available.map((name) => [name, COACH_LABELS[name] || name]) }));
}

function validate(values) {
  const errors = {};
  if (!values.name) errors.name = "Enter your name. It appears on your report.";
  else if (values.name.length > LIMIT) errors.name = `Use at most ${LIMIT} characters.`;
  if (!values.role && !values.job_description) errors.role = "Enter the role you are practising for, for example “Backend engineer”, or paste a job posting below.";
  else if (values.role.length > LIMIT) errors.role = `Use at most ${LIMIT} characters.`;
  if (values.domain.length > LIMIT) errors.domain = `Use at most ${LIMIT} characters.`;
  const n = Number(values.num_questions);
  if (!values.num_questions || !Number.isInteger(n) || n < 1 || n > 20) errors.num_questions = "Choose a whole number from 1 to 20.";
  return errors;
}

function historySection() {
  const history = store.getHistory();
  const section = h("section", { class: "card history", "aria-labelledby": "history-heading" },
    h("h2", { id: "history-heading" }, "Your past sessions"));
  if (!history.length) {
    section.append(h("p", { class: "muted" }, "No sessions yet. Sessions you start in this browser will be listed here, with a chart of your scores."));
    return section;
  }
  const scored = history.filter((e) => Number.isFinite(e.overall)).slice().reverse();
  if (scored.length) {
    section.append(h("figure", { class: "history-chart" },
      scoreLineChart(scored.map((e) => ({ date: e.date, score: e.overall })), { titleId: "hist-chart-title", descId: "hist-chart-desc" }),
      h("figcaption", { class: "muted" }, scored.length === 1
        ? "Your overall score. Finish more sessions to see a trend."
        : `Overall scores of your last ${scored.length} finished sessions.`)));
  }
  const SHOWN = 8;
  const list = h("ul", { class: "history-list", id: "history-list" }, history.map((e, i) => {
    const done = Number.isFinite(e.overall);
    return h("li", { hidden: i >= SHOWN },
      h("a", { href: `#/session/${encodeURIComponent(e.id)}` }, `${e.role || "Interview"} · ${modeLabel(e.mode)}`),
      h("span", { class: "history-meta" },
        h("span", { class: "muted" }, formatDate(e.date)),
        done
          ? h("span", { class: "pill" }, h("span", { class: "visually-hidden" }, "Overall score "), `${formatScore(e.overall)}/10`)
          : h("span", { class: "pill pill-muted" }, "In progress")));
  }));
  section.append(list);
  if (history.length > SHOWN) {
    const more = h("button", { type: "button", class: "btn-link", id: "history-more" },
      `Show all ${history.length} sessions`);
    more.addEventListener("click", () => {
      list.querySelectorAll("li[hidden]").forEach((li) => { li.hidden = false; });
      more.remove();
      const next = list.children[SHOWN];
      if (next) next.querySelector("a").focus();
    });
    section.append(more);
  }
  return section;
}

function resumeCard() {
  const current = store.getCurrent();
  if (!current) return null;
  return h("section", { class: "card resume", "aria-labelledby": "resume-heading" },
    h("h2", { id: "resume-heading" }, "Interview in progress"),
    h("p", null, `You have an unfinished ${current.role ? `“${current.role}” ` : ""}interview in this browser.`),
    h("div", { class: "actions" },
      h("a", { class: "btn", href: `#/session/${encodeURIComponent(current.id)}` }, "Resume interview")));
}

/** Without a profile: what one offers, and the way to the profile page. */
function profileInvite() {
  return h("section", { class: "card profile-invite", "aria-labelledby": "invite-heading" },
    h("h2", { id: "invite-heading" }, "Practice profile"),
    h("p", null, "Keep your sessions together on this server, see how you improve, and get the questions you found hard again for review. " +
      "No account needed: a private link opens it on any device."),
    h("p", null, h("a", { href: "#/profile", id: "profile-invite-link" }, "Create a practice profile")));
}

/** With a profile: what is due today, started with the form's choices. */
function profileDue(parts, { onStarted, onForget }) {
  return dueCard({ getValues: () => readForm(parts.form), onStarted, onForget, link: true,
    hint: "The review session uses your name, role and the other choices in the form below." });
}

/** A 401 on start: the kept profile no longer exists; offer to forget it. */
function profileRefused(formError, message, onForget) {
  const forget = h("button", { type: "button", class: "btn btn-secondary", id: "start-forget-profile" }, "Forget this profile on this device");
  forget.addEventListener("click", () => {
    store.forgetProfile();
    onForget("This browser no longer uses the practice profile. Start the interview again to practise without one.");
  });
  formError.replaceChildren(h("p", null, message), forget);
  forget.focus();
}

function modeField(prefs) {
  const checked = prefs.mode || "mixed";
  return h("fieldset", { class: "field modes", "data-field": "mode", "aria-describedby": "f-mode-error" },
    h("legend", null, "Mode"),
    h("div", { class: "choice-row" }, MODES.map(([value, label, desc]) => h("div", { class: "choice" },
      h("input", { type: "radio", name: "mode", id: `f-mode-${value}`, value, checked: checked === value,
        "aria-describedby": `f-mode-${value}-desc` }),
      h("label", { for: `f-mode-${value}` }, h("span", { class: "choice-title" }, label),
        h("span", { class: "choice-desc", id: `f-mode-${value}-desc` }, desc))))),
    fieldError("f-mode"));
}

function questionCountField(prefs) {
  return h("div", { class: "field", "data-field": "num_questions" },
    h("label", { for: "f-num" }, "Number of questions"),
    h("p", { class: "hint", id: "f-num-hint" }, "From 1 to 20."),
    h("input", { id: "f-num", name: "num_questions", type: "number", min: 1, max: 20, step: 1, inputmode: "numeric",
      value: String(prefs.num_questions || 5), required: true, "aria-describedby": "f-num-hint f-num-error" }),
    fieldError("f-num"));
}

const POSTING_LIMIT = 20000;

/** A job posting to tailor the questions to; it can stand in for the role. */
/** A pasted document (the job posting, the résumé) that a PDF can fill; neither is remembered. */
function documentField({ id, name, label, hint }) {
  const textarea = h("textarea", { id, name, rows: 4, maxlength: POSTING_LIMIT,
    "aria-describedby": `${id}-hint ${id}-error ${id}-status`, spellcheck: "false" });
  const status = h("p", { class: "hint", id: `${id}-status`, role: "status" });
  const file = h("input", { type: "file", id: `${id}-file`, accept: "application/pdf,.pdf", class: "file-input" });
  file.addEventListener("change", () => fillFromPdf(file, textarea, status));
  return h("div", { class: "field", "data-field": name },
    h("label", { for: id }, label, h("span", { class: "optional" }, " (optional)")),
    h("p", { class: "hint", id: `${id}-hint` }, hint),
    textarea,
    h("div", { class: "file-row" }, h("label", { for: `${id}-file` }, "Or read it from a PDF: "), file),
    status,
    fieldError(id));
}

const postingField = () => documentField({ id: "f-posting", name: "job_description", label: "Job posting",
  hint: "Paste the posting and the questions target the skills it names. It is not stored. With a posting, the role may stay empty." });

const resumeField = () => documentField({ id: "f-resume", name: "resume", label: "Your résumé",
  hint: "Questions open with your own lines: a project that names the question's subject, or a story to tell. It is not stored." });

// Reads a chosen PDF's text on the server into the posting box; the file itself is not kept.
async function fillFromPdf(file, textarea, status) {
  const chosen = file.files && file.files[0];
  if (!chosen) return;
  status.textContent = `Reading ${chosen.name}…`;
  try {
    const out = await api.extractText(chosen);
    textarea.value = out.text;
    status.textContent = `Read ${out.pages_read} of ${out.pages} page${out.pages === 1 ? "" : "s"} from ${chosen.name}` +
      (out.truncated ? `; only the first ${out.characters.toLocaleString()} characters are kept.` : ".");
  } catch (err) {
    status.textContent = err instanceof ApiError ? err.message : "That file could not be read. Paste the text instead.";
  }
  file.value = "";
}

/** The fair scoring switch: grade what the answer says, not how it is written. */
function scoringField(prefs) {
  return h("div", { class: "field", "data-field": "scoring" },
    h("div", { class: "switch" },
      h("input", { type: "checkbox", id: "f-scoring", name: "scoring", value: "content", checked: prefs.scoring === "content",
        "aria-describedby": "f-scoring-hint" }),
      h("label", { for: "f-scoring" }, "Fair scoring: grade what I say, not how I say it")),
    h("p", { class: "hint", id: "f-scoring-hint" },
      "Spelling, filler words (“um”, “you know”), hedges (“I think”) and sentence length will not count for or against you. The timer starts off."),
    fieldError("f-scoring"));
}

/** A switch with its hint: follow-up questions (on unless turned off before) and adaptive difficulty. */
function switchField({ id, name, label, hint, checked }) {
  return h("div", { class: "field", "data-field": name },
    h("div", { class: "switch" },
      h("input", { type: "checkbox", id, name, value: "on", checked, "aria-describedby": `${id}-hint` }),
      h("label", { for: id }, label)),
    h("p", { class: "hint", id: `${id}-hint` }, hint),
    fieldError(id));
}

function interviewerFields(prefs) {
  return h("div", { class: "grid-2" },
    switchField({ id: "f-follow-ups", name: "follow_ups", label: "Follow-up questions", checked: prefs.follow_ups !== false,
      hint: "When an answer makes a wrong claim or leaves a key point out, the interviewer asks about it next, quoting your words." }),
    switchField({ id: "f-adaptive", name: "adaptive", label: "Adaptive difficulty", checked: prefs.adaptive === true,
      hint: "Each next question is chosen after your answer: harder after a strong one, easier after a weak one." }));
}

/** The start form; `coachSlot` is filled later, when the server offers more than one coach. */
function setupForm(prefs, { coachSlot, formError, startButton }) {
  const roleList = h("datalist", { id: "role-suggestions" }, ROLE_FAMILIES.map(([, title]) => h("option", { value: title })));
  return h("form", { class: "setup-form", novalidate: true, "aria-labelledby": "form-heading" },
    h("div", { class: "grid-2" },
      textField({ id: "f-name", name: "name", label: "Your name", value: prefs.name, required: true, autocomplete: "given-name" }),
      textField({ id: "f-role", name: "role", label: "Target role", value: prefs.role, required: true, list: "role-suggestions",
        hint: "Pick a suggestion or type any role." })),
    roleList,
    h("div", { class: "grid-2" },
      textField({ id: "f-domain", name: "domain", label: "Domain", value: prefs.domain, hint: "For example fintech, healthcare, games." }),
      selectField({ id: "f-experience", name: "experience", label: "Experience",
        options: EXPERIENCE_LEVELS.map((l) => [l, l]), value: prefs.experience || "1-3 years" })),
    modeField(prefs),
    h("div", { class: "grid-2" },
      questionCountField(prefs),
      selectField({ id: "f-difficulty", name: "difficulty", label: "Difficulty", options: DIFFICULTIES, value: prefs.difficulty || "mixed" })),
    postingField(),
    resumeField(),
    scoringField(prefs),
    interviewerFields(prefs),
    coachSlot,
    formError,
    h("div", { class: "actions" }, startButton));
}

/** Marks each field of {field: message}; returns the first control, to focus. */
function showFieldErrors(form, errors) {
  let first = null;
  for (const [field, msg] of Object.entries(errors)) {
    const control = showFieldError(form, field, msg);
    first = first || control;
  }
  return first;
}

function startBody(values) {
  const body = {
    name: values.name,
    role: values.role,
    experience: values.experience,
    mode: values.mode,
    num_questions: Number(values.num_questions),
    difficulty: values.difficulty,
    avoid_questions: store.getRecentQuestions(),
    follow_ups: values.follow_ups,
  };
  if (values.adaptive) body.adaptive = true;
  if (values.domain) body.domain = values.domain;
  if (values.coach) body.coach = values.coach;
  if (values.scoring === "content") body.scoring = "content";
  if (values.job_description) body.job_description = values.job_description;
  if (values.resume) body.resume = values.resume;
  if (!body.role) delete body.role;  // the posting names it
  return body;
}

function setStarting({ form, startButton }, starting) {
  startButton.disabled = starting;
  startButton.textContent = starting ? "Starting…" : "Start interview";
  if (starting) form.setAttribute("aria-busy", "true");
  else form.removeAttribute("aria-busy");
}

async function submitSetup(parts, onStarted, onForget) {
  const { form, formError, startButton } = parts;
  if (startButton.disabled) return;
  clearErrors(form);
  formError.textContent = "";
  const values = readForm(form);
  const errors = validate(values);
  if (Object.keys(errors).length) {
    const first = showFieldErrors(form, errors);
    formError.textContent = "Please fix the fields marked above.";
    if (first) first.focus();
    return;
  }
  // The posting and the résumé are not kept, here or on the server.
  const { job_description: _posting, resume: _resume, ...remembered } = values;
  store.setPrefs({ ...remembered, num_questions: Number(values.num_questions) });
  const body = startBody(values);
  setStarting(parts, true);
  announce("Starting your interview…");
  try {
    const response = await api.start(body);
    onStarted(response, { name: values.name, role: values.role || response.role_family, domain: values.domain || null,
      experience: values.experience, mode: values.mode, role_family: response.role_family, scoring: values.scoring,
      follow_ups: values.follow_ups, adaptive: values.adaptive, planned_questions: response.planned_questions ?? null });
  } catch (err) {
    setStarting(parts, false);
    const e = err instanceof ApiError ? err : new ApiError("Something went wrong while starting. Try again.");
    if (e.status === 401) {
      profileRefused(formError, e.message, onForget);
      return;
    }
    const first = showFieldErrors(form, e.fields || {});
    formError.textContent = e.message;
    if (first) first.focus();
    else startButton.focus();
  }
}

/** Renders the setup screen into main. onStarted(startResponse, meta) is called after a successful start. */
export function renderSetup(main, { onStarted }) {
  setTitle("Start");
  // After the profile is forgotten: the screen again, without it, and a word about it.
  const onForget = (message) => {
    const heading = renderSetup(main, { onStarted });
    focusElement(heading);
    announce(typeof message === "string" ? message : "This browser no longer uses the practice profile.");
  };
  const prefs = store.getPrefs();
  const parts = {
    formError: h("div", { class: "form-error", role: "alert" }),
    coachSlot: h("div", { class: "coach-slot" }),
    startButton: h("button", { type: "submit", class: "btn btn-large", id: "start-button" }, "Start interview"),
  };
  parts.form = setupForm(prefs, parts);
  offerCoaches(parts.coachSlot, prefs.coach);
  parts.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitSetup(parts, onStarted, onForget);
  });

  const heading = h("h1", { id: "setup-heading", tabindex: "-1" }, "Practise for your next interview");
  main.replaceChildren(
    h("div", { class: "setup-layout" },
      h("div", { class: "setup-main" },
        heading,
        h("p", { class: "lead" }, "Tell PrepBot the role you want. It asks questions, grades each answer on technical content, communication and confidence, and shows you how to improve."),
        resumeCard(),
        store.getProfile() ? profileDue(parts, { onStarted, onForget }) : null,
        h("section", { class: "card", "aria-labelledby": "form-heading" }, h("h2", { id: "form-heading" }, "Set up your interview"), parts.form)),
      h("div", { class: "setup-side" }, store.getProfile() ? null : profileInvite(), historySection())));
  return heading;
}
