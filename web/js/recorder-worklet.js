// PrepBot's recorder on the audio thread (an AudioWorklet module, loaded by
// recorder.js). It mixes the microphone's channels down to one, resamples from
// the AudioContext's rate to 16 kHz through a windowed-sinc low-pass filter (so
// nothing above 7.2 kHz folds back as noise), and posts 16-bit samples to the
// page a quarter of a second at a time. The page sends "flush" when recording
// stops; the rest is then posted with {done: true} and the processor ends.
/* global sampleRate, registerProcessor, AudioWorkletProcessor */

const TARGET_RATE = 16000;
const CHUNK = TARGET_RATE / 4;  // output samples per message
const ZEROS = 8;                // zero crossings of the sinc on each side of its centre
const STEPS = 256;              // kernel table entries per input sample

/** The low-pass kernel h(d) for |d| input samples from the centre, tabulated every 1/STEPS sample. */
function kernelTable(cutoff, half) {
  const table = new Float32Array(half * STEPS + 2);
  for (let i = 0; i < table.length; i++) {
    const d = i / STEPS;
    const x = 2 * cutoff * d;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const u = Math.min(1, d / half);
    const blackman = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
    table[i] = 2 * cutoff * sinc * blackman;
  }
  return table;
}

class PrepBotRecorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE;                    // input samples per output sample
    const cutoff = 0.45 * Math.min(1, 1 / this.step);       // cycles per input sample
    this.half = Math.ceil(ZEROS / (2 * cutoff));              // kernel half-width, input samples
    this.table = kernelTable(cutoff, this.half);
    this.input = new Float32Array(4 * this.half + 1024);     // input samples from absolute index `base`
    this.length = 0;
    this.base = 0;
    this.next = 0;                                           // absolute input position of the next output sample
    this.out = new Int16Array(CHUNK);
    this.filled = 0;
    this.ended = false;
    this.mixed = null;                                       // the current quantum, mixed down
    this.port.onmessage = (event) => { if (event.data === "flush") this.flush(); };
  }

  append(samples) {
    if (this.length + samples.length > this.input.length) {
      const bigger = new Float32Array(2 * (this.length + samples.length));
      bigger.set(this.input.subarray(0, this.length));
      this.input = bigger;
    }
    this.input.set(samples, this.length);
    this.length += samples.length;
  }

  /** The filtered value at absolute input position t (every sample it needs is in `input`). */
  valueAt(t) {
    const first = Math.max(Math.ceil(t - this.half), this.base);
    const last = Math.min(Math.floor(t + this.half), this.base + this.length - 1);
    let sum = 0;
    let weight = 0;
    for (let k = first; k <= last; k++) {
      const pos = Math.abs(t - k) * STEPS;
      const i = Math.floor(pos);
      const w = this.table[i] + (this.table[i + 1] - this.table[i]) * (pos - i);
      sum += w * this.input[k - this.base];
      weight += w;
    }
    return weight > 0 ? sum / weight : 0;  // unit gain at every phase
  }

  emit(value) {
    const v = Math.max(-1, Math.min(1, value));
    this.out[this.filled++] = Math.round(v < 0 ? v * 32768 : v * 32767);
    if (this.filled === CHUNK) this.post(false);
  }

  post(done) {
    const samples = this.out.slice(0, this.filled);
    this.port.postMessage({ samples, done }, [samples.buffer]);
    this.filled = 0;
  }

  /** Emits every output sample whose kernel lies within the input received (all of it when `final`). */
  drain(final) {
    const end = this.base + this.length;
    while (final ? this.next < end : this.next + this.half < end) {
      this.emit(this.valueAt(this.next));
      this.next += this.step;
    }
    const keep = Math.max(this.base, Math.floor(this.next - this.half) - 1);
    if (keep > this.base) {
      this.input.copyWithin(0, keep - this.base, this.length);
      this.length -= keep - this.base;
      this.base = keep;
    }
  }

  flush() {
    if (this.ended) return;
    this.drain(true);
    this.post(true);
    this.ended = true;
  }

  process(inputs) {
    if (this.ended) return false;
    const channels = inputs[0] || [];
    if (channels.length) {
      if (!this.mixed || this.mixed.length !== channels[0].length) this.mixed = new Float32Array(channels[0].length);
      const mixed = this.mixed.fill(0);
      for (const channel of channels) for (let i = 0; i < mixed.length; i++) mixed[i] += channel[i] / channels.length;
      this.append(mixed);
      this.drain(false);
    }
    return true;
  }
}

registerProcessor("prepbot-recorder", PrepBotRecorder);
