// Spoken answers: a Chromium whose fake microphone plays real synthesized speech
// (espeak-ng, with a 1.5 s silence in the middle) records an answer in the web
// app, plays it back and sends it as a 16 kHz WAV; the PrepBot server under test
// transcribes it through fake_llm (whose transcript is PREPBOT_FAKE_TRANSCRIPT)
// and measures the delivery on the audio. Also: a 503 keeps the recording for
// Try again; the browser's speech recognition stands in for a server without a
// transcriber; and with neither, the control explains why it is off.
//
// Needs run.sh's second argument (the fake_llm binary); without it this file skips.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  AXE_PATH, BASE_URL, assertAccessible, assertNoSideScroll, launch, openPage, screenshot, startInterview, waitForCharts,
} from "./helpers.mjs";

const TRANSCRIPT = (process.env.PREPBOT_FAKE_TRANSCRIPT || "").trim();

function missingTool() {
  for (const tool of ["espeak-ng", "sox"]) {
    try { execFileSync(tool, ["--version"], { stdio: "ignore" }); } catch { return tool; }
  }
  return null;
}

const skip = !TRANSCRIPT
  ? "spoken answers need a speech-to-text service: run.sh was not given the fake_llm binary (its second argument)"
  : missingTool() ? `spoken answers are tested with espeak-ng and sox, and ${missingTool()} is not installed` : false;
if (skip) console.log(`voice.test.mjs: skipped: ${skip}`);

/**
 * The transcript spoken by espeak-ng: its first sentence, 1.5 s of silence, the
 * rest; 16 kHz mono 16-bit. Returns {file, seconds}.
 */
function spokenAnswer(dir) {
  const cut = TRANSCRIPT.indexOf(". ") + 1;
  const parts = [TRANSCRIPT.slice(0, cut), TRANSCRIPT.slice(cut).trim()];
  const pieces = parts.map((text, i) => {
    const raw = path.join(dir, `part${i}.wav`);
    const out = path.join(dir, `part${i}-16k.wav`);
    execFileSync("espeak-ng", ["-w", raw, text]);
    execFileSync("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", out]);
    return out;
  });
  const silence = path.join(dir, "silence.wav");
  execFileSync("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", silence, "trim", "0", "1.5"]);
  const file = path.join(dir, "spoken-answer.wav");
  execFileSync("sox", [pieces[0], silence, pieces[1], file]);
  const seconds = Number(execFileSync("sox", ["--i", "-D", file]).toString().trim());
  return { file, seconds };
}

let dir;
let answer;
let browser;
before(async () => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), "prepbot-voice-"));
  answer = spokenAnswer(dir);
  browser = await launch({ fakeAudioFile: answer.file });
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** axe-core without bypassing the CSP: evaluated through the DevTools protocol, not as a page script. */
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === "undefined")) await page.evaluate(readFileSync(AXE_PATH, "utf8"));
}

/** The sent recording's WAV header, checked: 16 kHz, one channel, 16-bit PCM. Returns its length in seconds. */
function wavSeconds(bytes) {
  assert.ok(bytes && bytes.length > 44, "a recording was sent");
  assert.equal(bytes.toString("latin1", 0, 4), "RIFF");
  assert.equal(bytes.toString("latin1", 8, 16), "WAVEfmt ");
  assert.equal(bytes.readUInt16LE(20), 1, "PCM");
  assert.equal(bytes.readUInt16LE(22), 1, "one channel");
  assert.equal(bytes.readUInt32LE(24), 16000, "16 kHz");
  assert.equal(bytes.readUInt16LE(34), 16, "16-bit");
  assert.equal(bytes.toString("latin1", 36, 40), "data");
  assert.equal(bytes.readUInt32LE(40), bytes.length - 44, "the data chunk holds the rest");
  return (bytes.length - 44) / 32000;
}

/** The audio answers the page sends, {url, body}, as they go (intercepted: a request event leaves a large body out). */
async function recordAudioPosts(page) {
  const sent = [];
  await page.route("**/answer/audio?*", (route) => {
    const request = route.request();
    sent.push({ url: new URL(request.url()), body: request.postDataBuffer() });
    return route.fallback();
  });
  return sent;
}

/** Records for `seconds` (from when Stop appears) and stops; returns the clock shown. */
async function record(page, seconds) {
  await page.click("#voice-record");
  await page.waitForSelector("#voice-stop:not([hidden])");
  await page.waitForFunction(() => /Recording…/.test(document.getElementById("status").textContent));
  assert.equal(await page.evaluate(() => document.activeElement.id), "voice-stop", "focus moves to Stop");
  await page.waitForTimeout(seconds * 1000);
  await page.click("#voice-stop");
  await page.waitForSelector("#voice-playback");
  await page.waitForFunction(() => /Recording stopped, \d+:\d\d/.test(document.getElementById("status").textContent));
  return (await page.textContent("#status")).match(/\d+:\d\d/)[0];
}

/** Notes what the page shows while it sends (it may be too quick to poll): window.prepbotSeen. */
async function watchSending(page) {
  await page.evaluate(() => {
    const seen = { announced: false, busy: false, label: false };
    window.prepbotSeen = seen;
    const voice = document.getElementById("voice");
    const status = document.getElementById("status");
    const send = document.getElementById("voice-send");
    new MutationObserver(() => {
      if (/Sending your answer…/.test(status.textContent)) seen.announced = true;
      if (voice.getAttribute("aria-busy") === "true") seen.busy = true;
      if (/Sending…/.test(send.textContent)) seen.label = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const clockSeconds = (clock) => { const [m, s] = clock.split(":").map(Number); return m * 60 + s; };
const words = (text) => text.replace(/\s+/g, " ").trim();
const expectedProblem = (text) => /Failed to load resource: the server responded with a status of 503/.test(text);

test("a spoken answer: record, play back, send, read what was heard and the delivery; the report charts the pace", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);  // the real CSP: the worklet and play-back must live with it
  try {
    const sent = await recordAudioPosts(page);
    await startInterview(page, { questions: 1, mode: "behavioral", role: "Backend engineer" });
    await page.waitForSelector("#voice-record:not([disabled])");
    assert.match(await page.textContent("#voice-note"), /transcribed/);

    // Recording: the clock runs, the meter moves with the speech.
    await page.click("#voice-record");
    await page.waitForSelector("#voice-stop:not([hidden])");
    await page.waitForFunction(() => document.querySelector("#voice-level").value > 0.2);
    await page.waitForFunction(() => document.querySelector("#voice-clock").textContent !== "0:00");
    await injectAxe(page);
    await assertAccessible(page, "interview while recording");
    await screenshot(page, "voice-1-recording");
    // The whole file: both sentences and the silence between.
    await page.waitForFunction((target) => {
      const [m, sec] = document.querySelector("#voice-clock").textContent.split(":").map(Number);
      return m * 60 + sec >= target;
    }, Math.ceil(answer.seconds), { timeout: 60000 });
    await page.click("#voice-stop");
    await page.waitForSelector("#voice-playback");
    await page.waitForFunction(() => /Recording stopped, \d+:\d\d/.test(document.getElementById("status").textContent));
    const clock = (await page.textContent("#voice-length")).match(/\d+:\d\d/)[0];
    assert.ok(Math.abs(clockSeconds(clock) - answer.seconds) <= 2, `recorded ${clock} of a ${answer.seconds.toFixed(1)} s answer`);
    assert.equal(await page.evaluate(() => document.activeElement.id), "voice-send", "focus moves to Send");
    assert.equal(await page.evaluate(() => document.querySelector("#voice-playback").tagName), "AUDIO");
    assert.notEqual(await page.getAttribute("#voice-playback", "controls"), null);
    await assertAccessible(page, "interview with a recording to send");
    await screenshot(page, "voice-2-recorded");

    await watchSending(page);
    await page.click("#voice-send");
    await page.waitForSelector("#feedback-heading", { timeout: 60000 });
    assert.deepEqual(await page.evaluate(() => window.prepbotSeen),
      { announced: true, busy: true, label: true }, "while sending: announced, aria-busy, the button says Sending…");
    assert.equal(sent.length, 1);
    assert.equal(sent[0].url.searchParams.get("transcript"), null, "the server transcribes: no browser transcript is sent");
    const wav = wavSeconds(sent[0].body);
    assert.ok(Math.abs(wav - clockSeconds(clock)) <= 1, `the WAV holds ${wav.toFixed(2)} s`);

    // Feedback: what we heard, and the delivery figures.
    assert.equal((await page.textContent("#answer-label")).trim(), "What we heard");
    assert.equal(words(await page.textContent("#answer-given")), words(TRANSCRIPT));
    const wpm = Number((await page.textContent("#delivery-wpm")).match(/\d+/)[0]);
    assert.ok(wpm > 60 && wpm < 300, `pace ${wpm} words a minute`);
    const pauses = Number((await page.textContent("#delivery-pauses")).match(/\d+/)[0]);
    assert.ok(pauses >= 1, "the 1.5 s silence is a pause");
    assert.ok(await page.locator("#spoken-delivery .pause-list li").count() >= 1);
    assert.match(await page.textContent("#spoken-delivery"), /Speaking time[\s\S]*\d:\d\d of \d:\d\d/);
    await assertAccessible(page, "feedback on a spoken answer");
    await screenshot(page, "voice-3-feedback");

    // The report: pace per question, drawn in the page, and again after a reload (GET keeps the delivery).
    await page.click("#finish");
    await page.waitForSelector("#report-heading");
    await waitForCharts(page);
    const chart = page.locator("#pace-section svg.pace-chart");
    assert.equal(await chart.getAttribute("role"), "img");
    assert.match(await page.textContent("#pace-chart-desc"), new RegExp(`Question 1: ${wpm} words a minute`));
    assert.equal(await page.locator("#pace-section .pace-bar").count(), 1);
    await screenshot(page, "voice-4-report");
    await page.reload();
    await page.waitForSelector("#pace-section");
    assert.match(await page.textContent("#pace-chart-desc"), new RegExp(`Question 1: ${wpm} words a minute`));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a 503 from the transcription service keeps the recording and offers Try again", { skip }, async () => {
  const { context, page, problems } = await openPage(browser, { device: "narrow", colorScheme: "dark" });
  try {
    // The first audio answer meets a 503 (the transcription service down); the next goes through.
    let refused = 0;
    await page.route("**/answer/audio?*", (route) => {
      if (refused++ > 0) return route.fallback();
      return route.fulfill({ status: 503, contentType: "application/json",
        body: JSON.stringify({ detail: "The transcription service is not answering" }) });
    });
    const sent = await recordAudioPosts(page);  // registered last, so it sees both first
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    await page.waitForSelector("#voice-record:not([disabled])");
    await record(page, 3);
    await page.click("#voice-send");
    await page.waitForFunction(() => document.querySelector("#voice-error").textContent.length > 0);
    assert.match(await page.textContent("#voice-error"), /not recorded\. The transcription service is not answering\. Your recording is kept/);
    assert.equal((await page.textContent("#voice-send")).trim(), "Try again");
    assert.equal(await page.evaluate(() => document.activeElement.id), "voice-send");
    assert.equal(await page.locator("#voice-playback").count(), 1, "the recording is still there");
    assert.equal(await page.locator("#feedback-heading").count(), 0);
    await screenshot(page, "voice-5-503-narrow-dark");
    await assertNoSideScroll(page, "the recorder after a 503 at 360 px");

    await page.click("#voice-send");
    await page.waitForSelector("#feedback-heading", { timeout: 60000 });
    assert.equal(sent.length, 2);
    assert.ok(sent[1].body.equals(sent[0].body), "Try again sends the same recording");
    assert.equal(words(await page.textContent("#answer-given")), words(TRANSCRIPT));
    await assertNoSideScroll(page, "feedback on a spoken answer at 360 px");
    assert.deepEqual(problems.filter((p) => !expectedProblem(p)), []);
  } finally {
    await context.close();
  }
});

test("a recording the server cannot use (422) is explained and waits for Re-record", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.route("**/answer/audio?*", (route) => route.fulfill({ status: 422, contentType: "application/json",
      body: JSON.stringify({ detail: "No speech was detected in the recording" }) }));
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    await page.waitForSelector("#voice-record:not([disabled])");
    await record(page, 2);
    await page.click("#voice-send");
    await page.waitForFunction(() => document.querySelector("#voice-error").textContent.length > 0);
    assert.equal((await page.textContent("#voice-error")).trim(), "No speech was detected in the recording. Record your answer again.");
    assert.equal(await page.isDisabled("#voice-send"), true, "the same recording would be refused again");
    assert.equal(await page.evaluate(() => document.activeElement.id), "voice-rerecord");
    await page.click("#voice-rerecord");
    await page.waitForSelector("#voice-stop:not([hidden])");
    assert.equal((await page.textContent("#voice-error")).trim(), "", "a new recording clears the error");
    await page.click("#voice-stop");
    await page.waitForSelector("#voice-playback");
    assert.deepEqual(problems.filter((p) => !/status of 422/.test(p)), []);
  } finally {
    await context.close();
  }
});

test("the play-back is an <audio controls> of the whole recording, allowed by the page's policy", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    await page.waitForSelector("#voice-record:not([disabled])");
    const clock = await record(page, 3);
    assert.equal(await page.evaluate(() => document.querySelector("#voice-playback").tagName), "AUDIO");
    assert.notEqual(await page.getAttribute("#voice-playback", "controls"), null);
    const duration = await page.evaluate(() => new Promise((resolve) => {
      const audio = document.querySelector("#voice-playback");
      if (audio.readyState >= 1) resolve(audio.duration);
      else audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
    }));
    assert.ok(Math.abs(duration - clockSeconds(clock)) <= 1, `the <audio> plays ${duration} s`);
    await page.evaluate(() => document.querySelector("#voice-playback").play());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("the recorder stops at its limit and keeps exactly that much, as a 16 kHz WAV", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-name");
    // The 5-minute limit, shortened to 1.5 s on the recorder the page uses.
    const out = await page.evaluate(async () => {
      const { Recorder, SAMPLE_RATE } = await import("/js/recorder.js");
      let limited = 0;
      const recorder = new Recorder({ onLimit: () => { limited += 1; } });
      recorder.maxSamples = 1.5 * SAMPLE_RATE;
      await recorder.start();
      await new Promise((resolve) => { setTimeout(resolve, 2500); });
      const { samples, seconds, blob } = await recorder.stop();
      return { limited, seconds, length: samples.length, size: blob.size, type: blob.type,
        peak: samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0) };
    });
    assert.equal(out.limited, 1, "onLimit is called once");
    assert.equal(out.length, 24000);
    assert.equal(out.seconds, 1.5);
    assert.equal(out.size, 44 + 2 * 24000);
    assert.equal(out.type, "audio/wav");
    assert.ok(out.peak > 3000, `the speech was recorded (peak ${out.peak})`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** Answers GET /interview/coaches as a server without a transcription service would. */
async function withoutTranscriber(page) {
  await page.route("**/interview/coaches", (route) => route.fulfill({ contentType: "application/json",
    body: JSON.stringify({ default: "offline", available: ["offline"], transcriber: null }) }));
}

test("without a transcriber the browser's speech recognition makes the transcript, sent with the recording", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);
  const heard = "Um, I would use parameterised queries rather than naïve string building, and check every input on the server.";
  try {
    // Headless Chromium's recognition cannot hear (see the next test): this one stands in, saying `heard`.
    await page.addInitScript((text) => {
      class Recognition extends EventTarget {
        start() {
          setTimeout(() => {
            const alternative = { transcript: text, confidence: 0.9 };
            const result = Object.assign([alternative], { isFinal: true });
            this.dispatchEvent(Object.assign(new Event("result"), { resultIndex: 0, results: [result] }));
          }, 300);
        }
        stop() { setTimeout(() => this.dispatchEvent(new Event("end")), 20); }
        abort() { this.stop(); }
      }
      window.SpeechRecognition = Recognition;
      window.webkitSpeechRecognition = Recognition;
    }, heard);
    await withoutTranscriber(page);
    const sent = await recordAudioPosts(page);
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    await page.waitForSelector("#voice-record:not([disabled])");
    assert.match(await page.textContent("#voice-note"), /Your browser's speech recognition may send the audio to the browser vendor\./);
    await record(page, 3);
    assert.equal(words(await page.textContent(".voice-heard p")), heard);
    await page.click("#voice-send");
    await page.waitForSelector("#feedback-heading", { timeout: 60000 });
    assert.equal(sent.length, 1);
    assert.equal(sent[0].url.searchParams.get("transcript"), heard, "sent as the transcript, UTF-8 and percent-encoded");
    assert.doesNotMatch(sent[0].url.search, /\+/, "a space is %20, never +");
    assert.equal(words(await page.textContent("#answer-given")), heard, "the server graded the browser's transcript");
    assert.ok(await page.locator("#delivery-wpm").count() === 1, "and measured the delivery on the recording");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("without a transcriber, headless Chromium's speech recognition fails and the recording is not sent", { skip }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await withoutTranscriber(page);
    const sent = await recordAudioPosts(page);
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    // Chromium has webkitSpeechRecognition, headless or not; headless, it ends at once with "audio-capture".
    assert.equal(await page.evaluate(() => "webkitSpeechRecognition" in window), true);
    await page.waitForSelector("#voice-record:not([disabled])");
    assert.match(await page.textContent("#voice-note"), /may send the audio to the browser vendor/);
    await record(page, 2);
    const problem = (await page.textContent("#voice-problem")).trim();
    const send = page.locator("#voice-send");
    if (problem) {
      assert.match(problem, /speech recognition (stopped|heard no words)/);
      assert.equal(await send.isDisabled(), true, "no transcript, so nothing to send");
      await screenshot(page, "voice-6-recognition-failed");
    } else {
      // A Chromium whose recognition works here: its words are shown and may be sent.
      assert.ok((await page.textContent(".voice-heard p")).trim().length > 0);
      assert.equal(await send.isDisabled(), false);
    }
    assert.equal(sent.length, 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("with neither a transcriber nor speech recognition, the voice control explains and stays disabled", { skip }, async () => {
  const { context, page, problems } = await openPage(browser, { device: "narrow" });
  try {
    await page.addInitScript(() => {
      delete window.SpeechRecognition;
      delete window.webkitSpeechRecognition;
    });
    await withoutTranscriber(page);
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer" });
    await page.waitForFunction(() => /need a transcription server/.test(document.querySelector("#voice-note").textContent));
    assert.match(await page.textContent("#voice-note"),
      /Spoken answers need a transcription server or a browser with speech recognition/);
    assert.equal(await page.isDisabled("#voice-record"), true);
    assert.equal(await page.getAttribute("#voice-record", "aria-describedby"), "voice-note");
    await injectAxe(page);
    await assertAccessible(page, "interview without spoken answers");
    await assertNoSideScroll(page, "interview without spoken answers at 360 px");
    await screenshot(page, "voice-7-unavailable-narrow");
    // The written answer is untouched.
    assert.equal(await page.isEnabled("#submit-answer"), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
