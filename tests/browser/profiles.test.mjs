// Practice profiles in the web app: create one, practise with it (the start
// request carries its token), see progress as a chart, import an export with a
// past-due review card and find it under "Due today", start a review session
// that asks it first, open the profile link on another device, export, erase
// it, and a link that no longer works explained in plain words. axe on the
// profile screens; the contexts bypass CSP only so that axe can be injected.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import {
  ARTIFACTS, BASE_URL, assertAccessible, assertNoSideScroll, fillSetup, launch, openPage, screenshot,
} from "./helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const WEAK_ANSWER = "I am not sure, I have not done this.";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The start requests of a page: their body and their Authorization header. */
function recordStarts(page) {
  const sent = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/interview/start")) {
      sent.push({ body: JSON.parse(request.postData()), authorization: request.headers().authorization || null });
    }
  });
  return sent;
}

async function createProfile(page) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector("#f-name");
  assert.ok(await page.isVisible("#profile-invite-link"), "the first screen invites to create a profile");
  await page.click("#profile-nav");
  await page.waitForSelector("#profile-create");
  assert.equal(page.url(), `${BASE_URL}/#/profile`);
  await assertAccessible(page, "profile page without a profile");
  await page.click("#profile-create");
  await page.waitForSelector("#created-heading");
  const token = await page.inputValue("#new-profile-token");
  assert.match(token, /^[0-9a-f-]{36}\.[0-9a-f]{64}$/);
  assert.equal(await page.inputValue("#new-profile-link"), `${BASE_URL}/#profile=${token}`);
  assert.equal(await page.getAttribute("#new-profile-link-anchor", "href"), `${BASE_URL}/#profile=${token}`);
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("prepbot.profile.v1")));
  assert.equal(kept.token, token);
  await assertAccessible(page, "profile just created");
  await screenshot(page, "profile-1-created");
  return token;
}

/** A short technical session answered weakly, so that its questions are scheduled for review. */
async function weakSession(page, sent, token) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector("#due-today .due-body p:not(.loading)");
  assert.match(await page.textContent("#due-today"), /Nothing due today/);
  await fillSetup(page, { name: "Ada Lovelace", role: "Backend engineer", questions: 2, mode: "technical" });
  await page.click("#start-button");
  await page.waitForSelector("#question-text");
  assert.equal(sent.at(-1).authorization, `Bearer ${token}`);
  for (let i = 0; i < 2; i++) {
    await page.fill("#answer", WEAK_ANSWER);
    await page.click("#submit-answer");
    await page.waitForSelector("#feedback-heading");
    if (i === 0) await page.click("#next-question");
    if (i === 0) await page.waitForSelector("#question-text");
  }
  await page.click("#finish");
  await page.waitForSelector("#report-heading");
  return page.evaluate(() => location.hash.replace("#/session/", ""));
}

async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  assert.equal(await download.failure(), null);
  const target = path.join(ARTIFACTS, `profile-${download.suggestedFilename()}`);
  await download.saveAs(target);
  return { name: download.suggestedFilename(), text: await readFile(target, "utf8"), target };
}

/** A review card for a bank question this profile was not asked, due long ago. */
async function pastDueCard(asked) {
  const bank = JSON.parse(await readFile(path.resolve(here, "../../data/bank/backend.json"), "utf8"));
  const q = bank.questions.find((x) => x.type === "technical" && !asked.includes(x.id));
  assert.ok(q, "the backend bank has a question that was not asked");
  return {
    key: `question:${q.id}`, kind: "question", label: q.text,
    question: { id: 1, question: q.text, type: q.type, difficulty: q.difficulty, hint: q.hint || "", bank_id: q.id },
    ease: 2.5, interval_days: 1, repetitions: 0, lapses: 0, last_score: 3,
    due: "2020-01-02", updated_at: "2020-01-02T00:00:00.000000",
  };
}

test("a practice profile: create, practise, progress, review, another device, erase", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });
  const sent = recordStarts(page);
  let other = null;
  try {
    const token = await createProfile(page);
    const sessionId = await weakSession(page, sent, token);

    // Progress: a chart with a point per session and score, and the lists with their verdicts.
    await page.click("#profile-nav");
    await page.waitForSelector("svg.progress-chart");
    assert.ok(await page.locator("svg.progress-chart .dot").count() >= 1);
    assert.match(await page.getAttribute("svg.progress-chart", "role"), /^img$/);
    assert.match(await page.textContent("#progress-chart-desc"), /overall \d/);
    assert.match(await page.textContent("#progress-totals"), /^1 session and 2 graded answers/);
    // One session: no dimension can have improved yet (a dimension compares sessions).
    assert.match(await page.textContent("#progress-summary"), /Nothing has clearly improved yet/);
    assert.ok(await page.locator("#trend-dimensions .verdict").count() >= 4);
    await page.waitForSelector("#due-none");
    assert.match(await page.textContent("#due-none"), /^Nothing due today — next review on /);

    // Export: JSON, CSV and Anki download through fetch (they need the token).
    const exported = await downloadFrom(page, "#export-json");
    assert.match(exported.name, /\.json$/);
    const data = JSON.parse(exported.text);
    assert.equal(data.format, "prepbot-profile");
    assert.deepEqual(data.sessions.map((s) => s.session_id), [sessionId]);
    assert.ok(data.review_cards.length >= 1, "the weak answers were scheduled for review");
    assert.match((await downloadFrom(page, "#export-csv")).name, /\.csv$/);
    assert.ok((await downloadFrom(page, "#export-anki")).text.includes("\t"), "the Anki file is tab-separated");
    assert.match(await page.textContent("#export-status"), /^Downloaded /);

    // Import a card due long ago (an export's format, without its sessions: imported sessions get new ids).
    const asked = data.sessions[0].questions.map((q) => q.bank_id);
    const card = await pastDueCard(asked);
    const importPath = path.join(ARTIFACTS, "profile-import.json");
    await writeFile(importPath, JSON.stringify({ ...data, sessions: [], review_cards: [card] }));
    await page.setInputFiles("#import-file", importPath);
    await page.waitForFunction(() => /^(Imported|.* was not imported)/.test(document.getElementById("import-status").textContent));
    assert.equal(await page.textContent("#import-status"),
      "Imported 0 sessions and 1 review item.");
    await page.waitForSelector("#due-count");
    assert.match(await page.textContent("#due-count"), /^1 item to review today/);
    assert.match(await page.textContent("#due-list"), new RegExp(card.label.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await assertAccessible(page, "profile page with progress and a review due");
    await assertNoSideScroll(page, "profile page");
    await screenshot(page, "profile-2-progress");

    // The first screen shows what is due; the review session asks it first.
    await page.click("#brand-link");
    await page.waitForSelector("#due-count");
    assert.match(await page.textContent("#due-today"), /1 item to review today/);
    assert.ok((await page.textContent("#due-list")).includes(card.label));
    await assertAccessible(page, "setup with a review due");
    await screenshot(page, "profile-3-setup-due");
    await page.click("#review-start");
    await page.waitForSelector("#question-text");
    const review = sent.at(-1);
    assert.equal(review.body.review, true);
    assert.equal(review.authorization, `Bearer ${token}`);
    assert.equal(review.body.name, "Ada Lovelace");
    assert.equal((await page.textContent("#question-text")).trim(), card.label);

    // The profile link in a fresh browser (a phone, dark): the same progress; the token leaves the address bar.
    await page.goto(`${BASE_URL}/#/profile`);
    await page.waitForSelector("#progress-totals");
    const totals = await page.textContent("#progress-totals");
    const dots = await page.locator("svg.progress-chart .dot").count();
    other = await openPage(browser, { device: "mobile", colorScheme: "dark", bypassCSP: true });
    await other.page.goto(`${BASE_URL}/#profile=${token}`);
    await other.page.waitForSelector("#progress-totals");
    assert.equal(other.page.url(), `${BASE_URL}/#/profile`);
    assert.match(await other.page.textContent("#profile-notice"), /now uses your practice profile/);
    assert.equal(await other.page.textContent("#progress-totals"), totals);
    assert.equal(await other.page.locator("svg.progress-chart .dot").count(), dots);
    await assertAccessible(other.page, "profile page opened from its link (phone, dark)");
    await assertNoSideScroll(other.page, "profile page (phone)");
    await screenshot(other.page, "profile-4-other-device");

    // Erase it there, after the confirm dialog (which can be cancelled).
    await other.page.click("#profile-erase");
    await other.page.waitForSelector("#erase-dialog[open]");
    assert.equal(await other.page.evaluate(() => document.activeElement.id), "erase-cancel");
    await assertAccessible(other.page, "erase dialog");
    await other.page.keyboard.press("Escape");
    await other.page.waitForSelector("#erase-dialog", { state: "detached" });
    await other.page.click("#profile-erase");
    await other.page.click("#erase-confirm");
    await other.page.waitForSelector("#profile-create");
    assert.match(await other.page.textContent("#profile-notice"), /erased/);
    assert.equal(await other.page.evaluate(() => localStorage.getItem("prepbot.profile.v1")), null);
    const status = await other.page.evaluate(async (t) =>
      (await fetch("/profiles/me/progress", { headers: { authorization: `Bearer ${t}` } })).status, token);
    assert.equal(status, 401);

    // The first browser still keeps the old token: plain words, and an offer to forget it.
    await page.reload();
    await page.waitForSelector("#profile-gone");
    assert.match(await page.textContent("#profile-gone"), /not valid any more/);
    await assertAccessible(page, "profile link no longer valid");
    await page.click("#profile-gone .profile-forget-invalid");
    await page.waitForSelector("#profile-create");
    assert.equal(await page.evaluate(() => localStorage.getItem("prepbot.profile.v1")), null);

    assert.deepEqual(problems.filter((p) => !/401/.test(p)), []);
    assert.deepEqual(other.problems.filter((p) => !/401/.test(p)), []);
  } finally {
    await other?.context.close();
    await context.close();
  }
});

test("a kept token the server does not know: the first screen explains and forgets it", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}/`);
    await page.evaluate(() => localStorage.setItem("prepbot.profile.v1",
      JSON.stringify({ token: "00000000-0000-4000-8000-000000000000.deadbeef", profile_id: null, created_at: null })));
    await page.reload();
    await page.waitForSelector("#due-today .profile-forget-invalid");
    assert.match(await page.textContent("#due-today"), /This practice profile link is not valid any more/);

    // Starting an interview with it is refused in the same words, with the same offer.
    await fillSetup(page, { questions: 1 });
    await page.click("#start-button");
    await page.waitForSelector("#start-forget-profile");
    assert.match(await page.textContent(".form-error"), /not valid any more/);
    await page.click("#start-forget-profile");
    await page.waitForSelector("#profile-invite-link");
    assert.equal(await page.evaluate(() => localStorage.getItem("prepbot.profile.v1")), null);
    await page.click("#start-button");
    await page.waitForSelector("#question-text");

    // A link cut short is not kept, and says so.
    await page.goto(`${BASE_URL}/#profile=abc`);
    await page.waitForSelector("#profile-notice");
    assert.equal(page.url(), `${BASE_URL}/#/profile`);
    assert.match(await page.textContent("#profile-notice"), /not complete/);
    assert.ok(await page.isVisible("#profile-create"));
    assert.deepEqual(problems.filter((p) => !/401/.test(p)), []);
  } finally {
    await context.close();
  }
});
