// "Answer out loud" on the interview screen: Record → Stop → listen → Re-record
// or Send. The recording is made in the browser (recorder.js) and sent as a
// 16 kHz WAV to POST /interview/session/{id}/answer/audio. The PrepBot server
// transcribes it when it has a transcription service (GET /interview/coaches →
// transcriber); otherwise the browser's own speech recognition, when it has
// one, makes the transcript while recording and it is sent along.
import { api, ApiError, audioAnswerPath } from "./api.js";
import { formatClock } from "./delivery.js";
import { announce, h } from "./dom.js";
import { MAX_SECONDS, Recorder, microphoneError, recordingUnsupported } from "./recorder.js";
import { BrowserTranscript, recognitionConstructor, stopReading } from "./speech.js";

const NEITHER = "Spoken answers need a transcription server or a browser with speech recognition. " +
  "This PrepBot server has no transcription service and this browser has no speech recognition, so type your answer instead.";
export const VENDOR_NOTICE = "Your browser's speech recognition may send the audio to the browser vendor.";

let support = null;
/** How spoken answers are transcribed here: {mode: "server" | "browser" | null, reason, transcriber}. */
export function voiceSupport() {
  support = support || api.coaches().catch(() => { support = null; return null; }).then((coaches) => {  // asked again next time
    const transcriber = (coaches && typeof coaches.transcriber === "string" && coaches.transcriber) || null;
    const unsupported = recordingUnsupported();
    if (unsupported) return { mode: null, reason: unsupported };
    if (transcriber) return { mode: "server", transcriber };
    if (recognitionConstructor()) return { mode: "browser" };
    return { mode: null, reason: NEITHER };
  });
  return support;
}

// ---- play-back ----

/** An <audio controls> of the recording (the page's policy allows blob: media). */
function playback(take) {
  const url = URL.createObjectURL(take.blob);
  const element = h("audio", { controls: true, preload: "metadata", src: url, id: "voice-playback", "aria-label": "Your recording" });
  return { element, dispose: () => { element.removeAttribute("src"); URL.revokeObjectURL(url); } };
}

// ---- the panel ----

function panelElements() {
  const button = (id, text, secondary) => h("button", { type: "button", class: secondary ? "btn btn-secondary" : "btn", id }, text);
  const els = {
    note: h("p", { class: "hint voice-note", id: "voice-note" }, "Checking whether spoken answers can be transcribed…"),
    problem: h("p", { class: "notice warn voice-problem", id: "voice-problem", hidden: true }),
    clock: h("span", { class: "timer-display", id: "voice-clock", role: "timer", "aria-label": "Recording time" }, "0:00"),
    meter: h("meter", { id: "voice-level", min: 0, max: 1, low: 0.3, high: 0.9, optimum: 0.6, value: 0 }),
    quiet: h("p", { class: "hint voice-quiet", hidden: true }, "PrepBot hears almost nothing: check that the right microphone is on and not muted."),
    slot: h("div", { class: "voice-playback-slot" }),
    length: h("p", { class: "muted voice-length", id: "voice-length" }),
    heard: h("details", { class: "voice-heard", hidden: true }, h("summary", null, "What your browser heard"), h("p", { class: "prewrap" })),
    error: h("div", { class: "form-error", role: "alert", id: "voice-error" }),
    record: button("voice-record", "Record", false),
    stop: button("voice-stop", "Stop", false),
    rerecord: button("voice-rerecord", "Re-record", true),
    send: button("voice-send", "Send spoken answer", false),
  };
  els.live = h("div", { class: "voice-live", hidden: true },
    h("span", { class: "rec-dot" }, "Recording"), els.clock, h("span", { class: "muted" }, `of ${formatClock(MAX_SECONDS)}`),
    h("span", { class: "level" }, h("label", { for: "voice-level" }, "Input level"), els.meter));
  els.take = h("div", { class: "voice-take", hidden: true }, els.slot, els.length, els.heard);
  els.section = h("section", { class: "voice", id: "voice", "aria-labelledby": "voice-heading", "aria-describedby": "voice-note" },
    h("h3", { id: "voice-heading" }, "Answer out loud"),
    h("p", { class: "hint" }, `Record your answer, listen to it, then send it. At most ${MAX_SECONDS / 60} minutes.`),
    els.note, els.problem, els.live, els.quiet, els.take, els.error,
    h("div", { class: "actions voice-actions" }, els.record, els.stop, els.rerecord, els.send));
  return els;
}

/** Shows the controls of the panel's phase: idle | starting | recording | stopping | recorded | sending. */
function show(v) {
  const { els, phase } = v;
  const available = Boolean(v.support && v.support.mode);
  const recorded = phase === "recorded" || phase === "sending";
  els.record.hidden = recorded || phase === "recording" || phase === "stopping";
  els.record.disabled = !available || phase === "starting";
  els.record.textContent = phase === "starting" ? "Starting…" : "Record";
  els.stop.hidden = !(phase === "recording" || phase === "stopping");
  els.stop.disabled = phase === "stopping";
  els.rerecord.hidden = !recorded;
  els.rerecord.disabled = phase === "sending";
  els.send.hidden = !recorded;
  els.send.disabled = phase === "sending" || !sendable(v);
  els.send.textContent = phase === "sending" ? "Sending…" : v.retry ? "Try again" : "Send spoken answer";
  els.live.hidden = !(phase === "recording" || phase === "stopping");
  if (els.live.hidden) els.quiet.hidden = true;
  els.take.hidden = !recorded;
  if (phase === "sending") els.section.setAttribute("aria-busy", "true");
  else els.section.removeAttribute("aria-busy");
}

const MIN_SECONDS = 1;
// A recording the server refused (unreadable, too long, no speech) waits for Re-record.
const sendable = (v) => Boolean(v.take) && !v.refused && v.take.seconds >= MIN_SECONDS &&
  (v.support.mode === "server" || Boolean(v.take.transcript));

function showSupport(v) {
  const { els, support: s } = v;
  if (!s.mode) {
    els.note.textContent = s.reason;
    els.note.classList.add("voice-unavailable");
    els.record.setAttribute("aria-describedby", "voice-note");
  } else if (s.mode === "server") {
    els.note.textContent = "Your recording goes to this PrepBot server, which has it transcribed by its speech-to-text service" +
      (s.transcriber === "openai" ? " (OpenAI-compatible)" : "") + ", then measures your pace and pauses.";
  } else {
    els.note.textContent = `${VENDOR_NOTICE} The recording itself goes to this PrepBot server, which measures your pace and pauses.`;
  }
  show(v);
}

function setProblem(v, message) {
  v.els.problem.textContent = message || "";
  v.els.problem.hidden = !message;
}

// ---- recording ----

async function startRecording(v) {
  if (v.phase !== "idle" && v.phase !== "recorded") return;
  stopReading();  // the question read aloud would be recorded
  dropTake(v);
  v.els.error.textContent = "";
  setProblem(v, "");
  v.phase = "starting";
  show(v);
  v.recorder = new Recorder({ onLimit: () => stopRecording(v, { limit: true }) });
  try {
    await v.recorder.start();
  } catch (err) {
    v.recorder = null;
    v.phase = "idle";
    show(v);
    v.els.error.textContent = microphoneError(err);
    v.els.record.focus();
    return;
  }
  if (v.disposed) { v.recorder.release(); return; }
  if (v.support.mode === "browser") {
    v.transcript = new BrowserTranscript({ onProblem: (message) => setProblem(v, `${message} Without it this recording cannot be sent: type your answer instead.`) });
    v.transcript.start();
  }
  v.phase = "recording";
  v.warned = false;
  v.loudest = 0;
  v.startedAt = performance.now();
  show(v);
  v.els.stop.focus();
  announce("Recording…");
  v.tick = setInterval(() => tick(v), 250);
  meterLoop(v);
}

function tick(v) {
  if (!v.recorder) return;
  const seconds = v.recorder.seconds;
  v.els.clock.textContent = formatClock(Math.floor(seconds));
  if (!v.warned && seconds >= MAX_SECONDS - 30) {
    v.warned = true;
    announce("30 seconds of recording left.");
  }
  const quiet = performance.now() - v.startedAt > 4000 && v.loudest < 0.15;
  if (quiet && v.els.quiet.hidden) announce(v.els.quiet.textContent);
  v.els.quiet.hidden = !quiet;
}

function meterLoop(v) {
  const frame = () => {
    if (!v.recorder || v.phase !== "recording") return;
    const level = v.recorder.level();
    v.loudest = Math.max(v.loudest, level);
    v.els.meter.value = level;
    v.raf = requestAnimationFrame(frame);
  };
  v.raf = requestAnimationFrame(frame);
}

function stopLoops(v) {
  clearInterval(v.tick);
  cancelAnimationFrame(v.raf);
  v.tick = 0;
  v.raf = 0;
}

async function stopRecording(v, { limit = false } = {}) {
  if (v.phase !== "recording") return;
  v.phase = "stopping";
  show(v);
  stopLoops(v);
  const recorder = v.recorder;
  const transcript = v.transcript;
  v.recorder = null;
  v.transcript = null;
  const [result, heard] = await Promise.all([recorder.stop(), transcript ? transcript.stop() : null]);
  if (v.disposed) return;
  v.els.meter.value = 0;
  const take = { blob: result.blob, seconds: result.seconds, transcript: heard ? heard.text : null, problem: heard ? heard.problem : null };
  v.onTake(take);
  await showTake(v, take);
  const clock = formatClock(take.seconds);
  announce(limit ? `Recording stopped at the ${MAX_SECONDS / 60}-minute limit, ${clock}.` : `Recording stopped, ${clock}.`);
  (v.els.send.disabled ? v.els.rerecord : v.els.send).focus();
}

/** The recorded state for `take`: play-back, its length, and what the browser heard. */
async function showTake(v, take) {
  v.take = take;
  v.player = playback(take);
  if (v.disposed) { v.player.dispose(); return; }
  v.els.slot.replaceChildren(v.player.element);
  v.els.length.textContent = `Recording: ${formatClock(take.seconds)}`;
  if (take.seconds < MIN_SECONDS) {
    setProblem(v, "That recording is less than a second long. Record your answer again.");
  } else if (v.support.mode === "browser") {
    v.els.heard.hidden = !take.transcript;
    v.els.heard.querySelector("p").textContent = take.transcript || "";
    if (!take.transcript) {
      setProblem(v, take.problem ? `${take.problem} Without it this recording cannot be sent: type your answer instead.`
        : "Your browser's speech recognition heard no words, so this recording cannot be sent. Record again, or type your answer.");
    }
  }
  v.phase = "recorded";
  show(v);
}

function dropTake(v) {
  if (v.player) v.player.dispose();
  v.player = null;
  v.take = null;
  v.retry = false;
  v.refused = false;
  v.els.slot.replaceChildren();
  v.els.heard.hidden = true;
  v.onTake(null);
}

// ---- sending ----

const sentence = (text) => { const t = String(text || "").trim(); return /[.!?…]$/.test(t) ? t : `${t}.`; };

/** A failed send in plain words, and whether the same recording may simply be sent again. */
export function sendError(err) {
  if (!(err instanceof ApiError)) return { message: "Something went wrong while sending. Your recording is kept: try again.", retry: true };
  if (err.network) return { message: `${err.message} Your recording is kept.`, retry: true };
  switch (err.status) {
    case 503:
      return { message: `Your answer was not recorded. ${sentence(err.detail || "The transcription service is not available")} ` +
        "Your recording is kept: try again in a moment.", retry: true };
    case 413:
      return { message: `${sentence(err.detail || `The recording is too long: at most ${MAX_SECONDS / 60} minutes`)} Record a shorter answer.`, retry: false };
    case 415:
    case 422:
      return { message: `${sentence(err.detail || "The recording could not be read")} Record your answer again.`, retry: false };
    default:
      return { message: err.message, retry: err.status === 429 || err.status >= 500 };
  }
}

// The PrepBot server takes a request URL of at most 8 KiB, and the browser's transcript travels in it.
const MAX_URL_BYTES = 8 * 1024 - 256;

async function send(v) {
  if (v.phase !== "recorded" || !sendable(v)) return;
  const take = v.take;
  const transcript = v.support.mode === "browser" ? take.transcript : undefined;
  if (audioAnswerPath(v.sessionId, v.questionId, transcript).length > MAX_URL_BYTES) {
    v.refused = true;
    show(v);
    v.els.error.textContent = "Your browser's transcript of this answer is too long to send with the recording. " +
      "Record a shorter answer, or type it.";
    v.els.rerecord.focus();
    return;
  }
  v.phase = "sending";
  v.els.error.textContent = "";
  show(v);
  v.onBusy(true);
  announce("Sending your answer…");
  try {
    const result = await api.answerAudio(v.sessionId, v.questionId, take.blob, transcript);
    if (v.disposed) return;
    v.onTake(null);
    v.onAnswered(result, take);  // shows the feedback, and ends the busy state
  } catch (err) {
    if (v.disposed) return;
    v.onBusy(false);
    const { message, retry } = sendError(err);
    v.retry = retry;
    v.refused = !retry;
    v.phase = "recorded";
    show(v);
    v.els.error.textContent = message;
    (retry ? v.els.send : v.els.rerecord).focus();
  }
}

/**
 * The "Answer out loud" panel for one question. `take` is an unsent recording
 * kept from before (Skip and back); onTake(take | null) keeps it, onBusy(bool)
 * is told while sending, onAnswered(reply, take) gets the server's reply.
 * Returns {element, dispose}; dispose stops the microphone.
 */
export function voicePanel({ sessionId, questionId, take, onTake, onBusy, onAnswered }) {
  const els = panelElements();
  const v = { els, sessionId, questionId, onTake, onBusy, onAnswered, phase: "idle", support: null, take: null, retry: false, refused: false,
    recorder: null, transcript: null, player: null, tick: 0, raf: 0, disposed: false };
  show(v);
  els.record.addEventListener("click", () => startRecording(v));
  els.rerecord.addEventListener("click", () => startRecording(v));
  els.stop.addEventListener("click", () => stopRecording(v));
  els.send.addEventListener("click", () => send(v));
  voiceSupport().then(async (s) => {
    if (v.disposed) return;
    v.support = s;
    showSupport(v);
    if (take && s.mode) await showTake(v, take);
  });
  const dispose = () => {
    v.disposed = true;
    stopLoops(v);
    if (v.recorder) v.recorder.release();
    if (v.transcript) v.transcript.cancel();
    if (v.player) v.player.dispose();
  };
  return { element: els.section, dispose };
}
