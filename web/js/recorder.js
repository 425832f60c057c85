// Recording a spoken answer in the browser: the microphone through Web Audio,
// an AudioWorklet (recorder-worklet.js) that resamples to 16 kHz mono 16-bit,
// a level for the meter from an AnalyserNode, and the result as a WAV file,
// the format the PrepBot server reads. No codec library, no MediaRecorder.

export const SAMPLE_RATE = 16000;
export const MAX_SECONDS = 300;  // the server refuses a longer recording
const WORKLET_URL = "/js/recorder-worklet.js";

/** Why this browser cannot record here, in plain words; null when it can. */
export function recordingUnsupported() {
  if (!window.isSecureContext) {
    return "Recording needs a secure connection: open PrepBot over https, or on this computer at localhost.";
  }
  if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== "function") {
    return "This browser cannot use a microphone.";
  }
  if (typeof window.AudioContext !== "function" || typeof window.AudioWorkletNode !== "function") {
    return "This browser cannot record audio the way PrepBot needs (Web Audio with AudioWorklet). Try a current Firefox, Chrome, Edge or Safari.";
  }
  return null;
}

/** What went wrong when the microphone would not start, in plain words. */
export function microphoneError(err) {
  switch (err && err.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "PrepBot may not use the microphone. Allow it for this site in your browser's settings, then press Record again.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Connect one, then press Record again.";
    case "NotReadableError":
    case "AbortError":
      return "The microphone could not be started: another application may be using it.";
    default:
      return "Recording could not start in this browser. Type your answer instead.";
  }
}

/** 16-bit mono PCM samples as a WAV file. */
export function encodeWav(samples, rate = SAMPLE_RATE) {
  const header = new DataView(new ArrayBuffer(44));
  const text = (offset, value) => { for (let i = 0; i < value.length; i++) header.setUint8(offset + i, value.charCodeAt(i)); };
  const dataBytes = samples.length * 2;
  text(0, "RIFF");
  header.setUint32(4, 36 + dataBytes, true);
  text(8, "WAVE");
  text(12, "fmt ");
  header.setUint32(16, 16, true);        // the fmt chunk's size
  header.setUint16(20, 1, true);         // PCM
  header.setUint16(22, 1, true);         // one channel
  header.setUint32(24, rate, true);
  header.setUint32(28, rate * 2, true);  // bytes a second
  header.setUint16(32, 2, true);         // bytes a frame
  header.setUint16(34, 16, true);        // bits a sample
  text(36, "data");
  header.setUint32(40, dataBytes, true);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  let body = samples;
  if (!littleEndian) {
    const swapped = new DataView(new ArrayBuffer(dataBytes));
    samples.forEach((s, i) => swapped.setInt16(i * 2, s, true));
    body = swapped;
  }
  return new Blob([header, body], { type: "audio/wav" });
}

function concat(chunks, length) {
  const all = new Int16Array(length);
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.min(chunk.length, length - at));
    all.set(part, at);
    at += part.length;
    if (at >= length) break;
  }
  return all;
}

/**
 * One recording. start() asks for the microphone; stop() resolves to
 * {samples, seconds, blob}. onLimit is called once when MAX_SECONDS are recorded.
 */
export class Recorder {
  constructor({ onLimit } = {}) {
    this.onLimit = onLimit;
    this.chunks = [];
    this.count = 0;
    this.maxSamples = MAX_SECONDS * SAMPLE_RATE;
    this.finished = null;
    this.levelData = null;
  }

  /** Seconds recorded so far. */
  get seconds() { return this.count / SAMPLE_RATE; }

  async start() {
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
    try {
      this.context = new AudioContext();
      await this.context.audioWorklet.addModule(WORKLET_URL);
      if (this.context.state === "suspended") await this.context.resume();
      this.wire();
    } catch (err) {
      this.release();
      throw err;
    }
  }

  // microphone → analyser (the level) → worklet (the samples) → silent gain → speakers (so that it is pulled).
  wire() {
    const ctx = this.context;
    const source = ctx.createMediaStreamSource(this.stream);
    this.analyser = ctx.createAnalyser();
    this.analyser.fftSize = 1024;
    this.levelData = new Float32Array(this.analyser.fftSize);
    this.node = new AudioWorkletNode(ctx, "prepbot-recorder", { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
    const mute = ctx.createGain();
    mute.gain.value = 0;
    source.connect(this.analyser).connect(this.node).connect(mute).connect(ctx.destination);
    this.finished = new Promise((resolve) => {
      this.node.port.onmessage = (event) => {
        const { samples, done } = event.data || {};
        if (samples && samples.length) this.take(samples);
        if (done) resolve();
      };
    });
  }

  take(samples) {
    const before = this.count;
    this.chunks.push(samples);
    this.count += samples.length;
    if (before < this.maxSamples && this.count >= this.maxSamples && this.onLimit) this.onLimit();
  }

  /** The input level from 0 to 1 (−60 dBFS to 0), for the meter. */
  level() {
    if (!this.analyser) return 0;
    this.analyser.getFloatTimeDomainData(this.levelData);
    let sum = 0;
    for (const v of this.levelData) sum += v * v;
    const rms = Math.sqrt(sum / this.levelData.length);
    const db = rms > 0 ? 20 * Math.log10(rms) : -100;
    return Math.max(0, Math.min(1, (db + 60) / 60));
  }

  async stop() {
    if (this.node) {
      this.node.port.postMessage("flush");
      // The worklet answers within a render quantum; a closed or stalled context does not.
      await Promise.race([this.finished, new Promise((resolve) => { setTimeout(resolve, 1500); })]);
    }
    this.release();
    const samples = concat(this.chunks, Math.min(this.count, this.maxSamples));
    this.chunks = [];
    return { samples, seconds: samples.length / SAMPLE_RATE, blob: encodeWav(samples) };
  }

  /** Stops the microphone and the audio graph; what was recorded is dropped by the caller. */
  release() {
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    if (this.node) this.node.port.onmessage = null;
    if (this.context && this.context.state !== "closed") this.context.close().catch(() => {});
    this.stream = null;
    this.node = null;
    this.analyser = null;
    this.context = null;
  }
}
