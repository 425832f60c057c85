// The browser's own speech services: speech recognition (a transcript of a
// spoken answer when the PrepBot server has no transcription service) and
// speech synthesis (reading a question aloud). Both are optional.

/** The browser's SpeechRecognition constructor, or null. */
export function recognitionConstructor() {
  return window.SpeechRecognition || window.webkitSpeechRecognition || null;
}

export const canReadAloud = () => "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";

const RECOGNITION_ERRORS = {
  "not-allowed": "it is not allowed to use the microphone",
  "service-not-allowed": "the browser does not allow its speech service here",
  "audio-capture": "it could not hear the microphone",
  network: "it could not reach the browser's speech service",
  "language-not-supported": "it does not support English",
  "bad-grammar": "it failed",
};

/**
 * A transcript made by the browser while recording. Recognition sessions end by
 * themselves after a silence; while listening they are started again, and the
 * final results of each are kept in order. onProblem(message) is called once
 * when recognition fails for good.
 */
export class BrowserTranscript {
  constructor({ onProblem } = {}) {
    const Recognition = recognitionConstructor();
    this.recognition = new Recognition();
    this.recognition.continuous = true;
    this.recognition.interimResults = true;
    this.recognition.lang = /^en\b/i.test(navigator.language || "") ? navigator.language : "en-US";
    this.onProblem = onProblem;
    this.kept = [];       // final text of earlier sessions
    this.current = [];    // this session's results, by index: {text, final}
    this.listening = false;
    this.problem = null;
    this.ended = null;
    this.restarts = 0;
    this.recognition.addEventListener("result", (event) => this.onResult(event));
    this.recognition.addEventListener("error", (event) => this.onError(event));
    this.recognition.addEventListener("end", () => this.onEnd());
  }

  onResult(event) {
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      this.current[i] = { text: result[0] ? result[0].transcript : "", final: result.isFinal };
    }
  }

  onError(event) {
    if (event.error === "no-speech" || event.error === "aborted") return;  // a silence; it starts again
    if (this.problem) return;
    this.problem = `Your browser's speech recognition stopped: ${RECOGNITION_ERRORS[event.error] || "it failed"}.`;
    if (this.onProblem) this.onProblem(this.problem);
  }

  onEnd() {
    this.kept.push(...this.current.filter((r) => r && r.final).map((r) => r.text));
    this.current = [];
    if (this.listening && !this.problem && this.restarts < 100) {
      this.restarts += 1;
      try { this.recognition.start(); return; } catch { /* it will not start again: finish */ }
    }
    this.listening = false;
    if (this.resolveEnded) this.resolveEnded();
  }

  start() {
    this.listening = true;
    this.ended = new Promise((resolve) => { this.resolveEnded = resolve; });
    try {
      this.recognition.start();
    } catch {
      this.onError({ error: "service-not-allowed" });
      this.listening = false;
      this.resolveEnded();
    }
  }

  /** Stops listening; resolves to {text, problem} once the last results are in. */
  async stop() {
    if (this.listening) {
      this.listening = false;
      try { this.recognition.stop(); } catch { /* already stopped */ }
      await Promise.race([this.ended, new Promise((resolve) => { setTimeout(resolve, 3000); })]);
    }
    // Words still pending when recognition stopped count too.
    const pending = this.current.filter(Boolean).map((r) => r.text);
    const text = [...this.kept, ...pending].join(" ").replace(/\s+/g, " ").trim();
    return { text, problem: this.problem };
  }

  cancel() {
    this.listening = false;
    try { this.recognition.abort(); } catch { /* already stopped */ }
  }
}

/** Reads `text` aloud; onEnd runs when it finishes or is stopped. */
export function readAloud(text, onEnd) {
  window.speechSynthesis.cancel();
  const utterance = new window.SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.addEventListener("end", onEnd);
  utterance.addEventListener("error", onEnd);
  window.speechSynthesis.speak(utterance);
}

export function stopReading() {
  if (canReadAloud()) window.speechSynthesis.cancel();
}
