// Shared helpers of the browser tests: launching Debian's Chromium through
// playwright-core, the two viewports, screenshots, axe-core, and app flows.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.PREPBOT_URL || "").replace(/\/$/, "");
if (!BASE_URL) throw new Error("PREPBOT_URL is not set: run the tests through tests/browser/run.sh");

export const ARTIFACTS = process.env.PREPBOT_ARTIFACTS || path.resolve(here, "../../test-artifacts/browser");
mkdirSync(ARTIFACTS, { recursive: true });

export const AXE_PATH = path.join(here, "node_modules", "axe-core", "axe.min.js");

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  narrow: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
};

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Debian's Chromium, headless. `fakeAudioFile` (a WAV) makes it a browser with a
 * microphone that hears that file, once, and grants every page the microphone.
 */
export async function launch({ fakeAudioFile } = {}) {
  const fakeMicrophone = fakeAudioFile ? [
    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${fakeAudioFile}%noloop`,
  ] : [];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...fakeMicrophone],
  });
}

/**
 * A fresh context and page. Collects page errors, console errors (CSP
 * violations show up there) and failed same-origin requests in `problems`.
 */
export async function openPage(browser, { device = "desktop", colorScheme = "light", bypassCSP = false } = {}) {
  const context = await browser.newContext({
    ...VIEWPORTS[device],
    colorScheme,
    bypassCSP,
    acceptDownloads: true,
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("requestfailed", (req) => {
    if (req.url().startsWith(BASE_URL) && !/aborted/i.test(req.failure()?.errorText || "")) {
      problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
    }
  });
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(BASE_URL) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  return { context, page, problems };
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Runs axe-core and fails on serious or critical violations. */
export async function assertAccessible(page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary}`),
    }));
  });
  // Serious and critical problems fail, and so do these rules whatever their impact.
  const alwaysFail = new Set(["heading-order", "page-has-heading-one", "label", "landmark-one-main", "region", "empty-heading"]);
  const bad = results.filter((v) => v.impact === "serious" || v.impact === "critical" || alwaysFail.has(v.id));
  assert.deepEqual(bad, [], `axe found serious or critical problems on ${label}:\n${JSON.stringify(bad, null, 2)}`);
  return results;
}

/** An answer that reads like a real one (the grader may still find it off-topic). */
export const SAMPLE_ANSWER =
  "In my last role I owned a service with a similar problem. First, I measured where the time went " +
  "and wrote down the constraints with the team. Then I designed a simple change, reviewed it with a " +
  "colleague, added tests and rolled it out behind a flag. As a result latency dropped by 30 percent " +
  "and the on-call pages stopped. I learned to agree on the measurement before debating the solution.";

// Follow-up questions are off unless a test asks for them, so that its questions are the ones it counts.
export async function fillSetup(page, { name = "Ada Lovelace", role = "Backend engineer", questions = 3, mode = "mixed",
  followUps = false, adaptive = false } = {}) {
  await page.fill("#f-name", name);
  await page.fill("#f-role", role);
  await page.fill("#f-num", String(questions));
  await page.check(`#f-mode-${mode}`);
  await page.setChecked("#f-follow-ups", followUps);
  await page.setChecked("#f-adaptive", adaptive);
}

/** The bodies of the page's start requests, as they are sent (the array fills as they go). */
export function recordStartRequests(page) {
  const sent = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/interview/start")) sent.push(JSON.parse(request.postData()));
  });
  return sent;
}

/** Starts an interview from the setup screen and waits for the first question. */
export async function startInterview(page, options = {}) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector("#f-name");
  await fillSetup(page, options);
  await page.click("#start-button");
  await page.waitForSelector("#question-text");
  return page.evaluate(() => location.hash.replace("#/session/", ""));
}

/** Answers the question on screen and waits for its feedback. */
export async function answerCurrent(page, text = SAMPLE_ANSWER, { keyboard = false } = {}) {
  await page.fill("#answer", text);
  if (keyboard) await page.press("#answer", "Control+Enter");
  else await page.click("#submit-answer");
  await page.waitForSelector("#feedback-heading");
}

export async function progressText(page) {
  return (await page.textContent("#progress-label")).replace(/\s+/g, " ").trim();
}

/** Waits until both report charts have loaded as images with a size. */
export async function waitForCharts(page) {
  await page.waitForFunction(() => {
    const imgs = [document.querySelector("#chart-radar"), document.querySelector("#chart-questions")];
    return imgs.every((img) => img && img.complete && img.naturalWidth > 0);
  });
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page, selector, { max = 60, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
  const active = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 120));
  throw new Error(`Tab never reached ${selector}; focus is on ${active}`);
}

/** Fails when the page scrolls sideways (content wider than the viewport). */
export async function assertNoSideScroll(page, label) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
  }));
  assert.ok(scrollWidth <= width, `${label}: the page is ${scrollWidth}px wide in a ${width}px viewport`);
}

export async function activeId(page) {
  return page.evaluate(() => document.activeElement && document.activeElement.id);
}
