// The PrepBot JSON API (same origin). Every failure becomes an ApiError with a
// message in plain words; 422 errors also carry a message per field. With a
// practice profile kept in this browser, its calls (and starting an interview)
// send the profile's token as `Authorization: Bearer …`.
import { getProfileToken } from "./storage.js";

const TIMEOUT_MS = 60000;

export class ApiError extends Error {
  constructor(message, { status = 0, fields = {}, network = false, detail = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.fields = fields;  // {fieldName: message} from a 422
    this.network = network;
    this.detail = detail;  // the server's own words, also for a 5xx (whose message stays general)
  }
}

const sessionPath = (id, rest = "") => `/interview/session/${encodeURIComponent(id)}${rest}`;

function fieldLabel(field) {
  return ({ num_questions: "number of questions", question_id: "question", avoid_questions: "recent questions" })[field] || field;
}

function errorFrom(status, body) {
  const error = errorFromDetail(status, body);
  if (body && typeof body.detail === "string") error.detail = body.detail;
  return error;
}

/** What a 401 from a profile call means to the user. */
export const PROFILE_NOT_VALID = "This practice profile link is not valid any more. The profile may have been erased, " +
  "perhaps on another device, or the link was copied incompletely.";

function errorFromDetail(status, body) {
  const detail = body && body.detail;
  if (status === 401) return new ApiError(PROFILE_NOT_VALID, { status });
  if (status === 422 && Array.isArray(detail)) {
    const fields = {};
    const loose = [];
    for (const item of detail) {
      const loc = Array.isArray(item && item.loc) ? item.loc : [];
      const field = loc.length > 1 ? String(loc[1]) : "";
      const msg = (item && item.msg) || "This value is not valid.";
      if (field && !fields[field]) fields[field] = msg;
      else if (!field) loose.push(msg);
    }
    const names = Object.keys(fields).map(fieldLabel);
    const message = names.length
      ? `Please check ${names.length === 1 ? "this field" : "these fields"}: ${names.join(", ")}.`
      : loose.join(" ") || "Some of the information is not valid.";
    return new ApiError(message, { status, fields });
  }
  if (typeof detail === "string" && detail && status < 500) {
    if (status === 404 && /session/i.test(detail)) {
      return new ApiError("This session was not found on the PrepBot server. It may have been deleted, or the server was restarted without keeping its data.", { status });
    }
    return new ApiError(detail, { status });
  }
  if (status === 413) return new ApiError("That is too much text to send at once. Shorten it and try again.", { status });
  if (status === 429) return new ApiError("The PrepBot server is busy. Wait a moment and try again.", { status });
  if (status >= 500) return new ApiError(`The PrepBot server ran into a problem (error ${status}). Try again in a moment.`, { status });
  return new ApiError(`The PrepBot server refused the request (error ${status}).`, { status });
}

function headersFor(body, auth) {
  const headers = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = body instanceof Blob ? body.type : "application/json";
  const token = auth ? getProfileToken() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

// The response of any status; a network failure or a timeout becomes an ApiError.
// `auth`: send the practice profile's token when this browser keeps one.
async function send(method, path, body, { timeoutMs = TIMEOUT_MS, auth = false } = {}) {
  const raw = body instanceof Blob;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(path, {
      method,
      headers: headersFor(body, auth),
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal: controller.signal,
      cache: "no-store",
    });
  } catch (err) {
    const timedOut = err && err.name === "AbortError";
    throw new ApiError(timedOut
      ? "The PrepBot server took too long to answer. Check that it is still running, then try again."
      : "Cannot reach the PrepBot server. Check that it is running and that you are online, then try again.",
    { network: true });
  } finally {
    clearTimeout(timer);
  }
}

// `body` is sent as JSON, or as it is when it is a File or Blob of the given type.
async function request(method, path, body, options = {}) {
  const response = await send(method, path, body, options);
  const data = await response.json().catch(() => null);  // not JSON: handled below
  if (!response.ok) throw errorFrom(response.status, data);
  if (data === null) throw new ApiError("The PrepBot server sent an answer this page could not read. Try again.", { status: response.status });
  return data;
}

export const api = {
  coaches: () => request("GET", "/interview/coaches"),
  // With a practice profile, the session becomes the profile's.
  start: (body) => request("POST", "/interview/start", body, { auth: true }),
  session: (id) => request("GET", sessionPath(id)),
  answer: (id, questionId, answer) => request("POST", sessionPath(id, "/answer"), { question_id: questionId, answer }),
  // A spoken answer: the recording (a WAV blob), with the browser's own transcript when it made one.
  // The reply is the answer's, plus `transcript` and `delivery`. Transcribing takes a while: 3 minutes.
  answerAudio: (id, questionId, recording, transcript) =>
    request("POST", audioAnswerPath(id, questionId, transcript), recording, { timeoutMs: 180000 }),
  finalize: (id) => request("POST", sessionPath(id, "/finalize")),
  privacy: () => request("GET", "/privacy"),
  // A PDF file's text: {text, characters, pages, pages_read, truncated}.
  extractText: (file) => request("POST", "/interview/extract-text", new Blob([file], { type: "application/pdf" })),
};

/** The spoken answer's URL; the transcript is percent-encoded (never "+" for a space). */
export function audioAnswerPath(id, questionId, transcript) {
  const query = `question_id=${encodeURIComponent(questionId)}` +
    (transcript ? `&transcript=${encodeURIComponent(transcript)}` : "");
  return sessionPath(id, `/answer/audio?${query}`);
}

const PROFILE = { auth: true };

/** The practice profile's calls; all but create() send the kept token. */
export const profileApi = {
  create: () => request("POST", "/profiles"),
  erase: () => request("DELETE", "/profiles/me", undefined, PROFILE),
  progress: () => request("GET", "/profiles/me/progress", undefined, PROFILE),
  review: () => request("GET", "/profiles/me/review", undefined, PROFILE),
  // A JSON export (this profile's or another's), merged into the profile.
  importFile: (file) => request("POST", "/profiles/me/import", new Blob([file], { type: "application/json" }), PROFILE),
  exportFile: (kind) => download(kind === "json" ? "/profiles/me/export" : `/profiles/me/export/${kind}`),
};

/** Sharing a session with a mentor, from the candidate's side (with the profile's token when kept). */
export const shareApi = {
  create: (id) => request("POST", sessionPath(id, "/share"), undefined, PROFILE),
  list: (id) => request("GET", sessionPath(id, "/shares"), undefined, PROFILE),
  revoke: (id, shareId) => request("DELETE", sessionPath(id, `/shares/${encodeURIComponent(shareId)}`), undefined, PROFILE),
  notes: (id) => request("GET", sessionPath(id, "/notes"), undefined, PROFILE),
};

const sharedPath = (token, rest = "") => `/shared/${encodeURIComponent(token)}${rest}`;

/** The mentor's side: the share link's token is the only key (no profile token is ever sent). */
export const sharedApi = {
  view: (token) => request("GET", sharedPath(token)),
  addNote: (token, questionId, note) => request("POST", sharedPath(token, "/notes"), { question_id: questionId, note }),
  reportUrl: (token) => sharedPath(token, "/export/full"),
};

// A file the server sends as an attachment: {blob, filename}. Fetched rather than
// linked to, because a link cannot send the profile's token.
async function download(path) {
  const response = await send("GET", path, undefined, PROFILE);
  if (!response.ok) throw errorFrom(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get("content-disposition") || "";
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), filename: match ? match[1] : "prepbot-profile" };
}

export const exportUrl = (id, kind) => sessionPath(id, `/export/${kind}`);
export const chartUrl = (id, kind) => sessionPath(id, `/charts/${kind}.svg`);
