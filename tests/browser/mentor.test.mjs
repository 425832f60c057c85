// Mentor review: a candidate finishes a short session (the feedback screen
// offers sharing too) and creates a share link on the report; a mentor opens it in another browser (read only: no answer
// form, the token never stored), sees the answers and feedback, leaves a note
// on question 1 and downloads the PDF report; the candidate sees the note next
// to that answer after a reload, then revokes the link, and the mentor's page
// says it is no longer valid. axe on the share panel and the mentor's view; the
// contexts bypass CSP only so that axe can be injected.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  ARTIFACTS, BASE_URL, SAMPLE_ANSWER, assertAccessible, assertNoSideScroll, answerCurrent, launch, openPage,
  screenshot, startInterview,
} from "./helpers.mjs";

const SECOND_ANSWER = "I write unit tests for the logic, integration tests against a real database in a container, " +
  "and a few end-to-end tests of the main paths. Contract tests keep the API stable for its clients.";
const NOTE = "Good structure. Next time, name the metric you measured before and after the change.";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A two-question session, answered and finished: the report is on screen. */
async function finishedSession(page) {
  const sessionId = await startInterview(page, { name: "Ada Lovelace", role: "Backend engineer", questions: 2, mode: "technical" });
  await answerCurrent(page, SAMPLE_ANSWER);
  // The feedback screen offers sharing too, in a panel that loads when it is opened.
  assert.equal(await page.locator("#share-create").count(), 0);
  await page.click("#share-later-summary");
  await page.waitForSelector("#share-later #share-create");
  await assertAccessible(page, "feedback with the share panel open");
  await page.click("#next-question");
  await page.waitForSelector("#question-text");
  await answerCurrent(page, SECOND_ANSWER);
  await page.click("#finish");
  await page.waitForSelector("#report-heading");
  return sessionId;
}

/** Creates a share link on the report; returns the link shown. */
async function createLink(page, sent) {
  await page.waitForSelector("#share-create");
  assert.equal(await page.locator("#share-list li").count(), 0);
  await page.click("#share-create");
  await page.waitForSelector("#share-link");
  const link = await page.inputValue("#share-link");
  assert.match(link, new RegExp(`^${BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/#shared=[0-9a-f-]{36}\\.[0-9a-f]{64}$`));
  assert.equal(await page.evaluate(() => document.activeElement.id), "share-link", "focus moves to the new link");
  assert.ok(await page.isVisible("#share-link-copy"));
  await page.waitForSelector("#share-list li");
  assert.equal(await page.locator("#share-list li").count(), 1);
  assert.match(await page.textContent("#share-list li"), /^Link created .+Revoke the link created/);
  assert.ok(sent.some((r) => r.method === "POST" && r.url.endsWith("/share")), "the share was created through the API");
  assert.equal(await page.locator("#notes-q-1 .mentor-note").count(), 0, "no notes yet, nothing shown");
  return link;
}

/** The mentor's view: read only, the candidate's name, role and answers, and no token kept. */
async function checkMentorView(mentor, link) {
  const { page } = mentor;
  await page.goto(link);
  await page.waitForSelector("#shared-intro");
  assert.equal(page.url(), link, "the link stays in the address bar, so a reload opens it again");
  assert.match(await page.textContent("#shared-heading"), /shared practice interview/);
  assert.match(await page.textContent("#shared-meta"), /^Ada Lovelace · Backend engineer · Technical/);
  assert.match(await page.textContent("#shared-intro"), /^Ada Lovelace shared this practice interview with you/);
  const answers = await page.locator(".review-item .answer-text").allTextContents();
  assert.deepEqual(answers.map((a) => a.trim()), [SAMPLE_ANSWER, SECOND_ANSWER]);
  assert.equal(await page.locator(".review-item .scores").count(), 2);
  assert.ok(await page.isVisible("#overall-heading"), "the final report is shown");
  // Nothing that could change the session: no answer form, no finish, no share controls.
  for (const selector of ["#answer", "#submit-answer", "#finish", "#finish-now", "#share-create", "#download-full"]) {
    assert.equal(await page.locator(selector).count(), 0, `${selector} is not on the mentor's page`);
  }
  assert.equal(await page.locator("form").count(), 2, "one note form per answered question, nothing else");
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  const token = link.split("#shared=")[1];
  assert.ok(!kept.includes(token), "the share token is not stored in the browser");
  assert.ok(!kept.includes(token.split(".")[0]), "nor its id");
}

async function leaveNote(page) {
  // An empty note is refused next to its field.
  await page.click("#note-q-1-submit");
  await page.waitForSelector("#note-q-1-error:not([hidden])");
  assert.equal(await page.getAttribute("#note-q-1", "aria-invalid"), "true");
  await page.fill("#note-q-1", NOTE);
  await page.press("#note-q-1-submit", "Enter");
  await page.waitForSelector("#shared-notes-q-1 .mentor-note");
  assert.equal((await page.textContent("#shared-notes-q-1 .mentor-note .prewrap")).trim(), NOTE);
  assert.equal(await page.inputValue("#note-q-1"), "");
  assert.match(await page.textContent("#note-q-1-status"), /note was added/);
  assert.equal(await page.locator("#shared-notes-q-2 .mentor-note").count(), 0);
}

async function downloadReport(page) {
  const href = await page.getAttribute("#shared-download", "href");
  assert.match(href, /^\/shared\/[^/]+\/export\/full$/);
  const response = await page.request.get(`${BASE_URL}${href}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-type"], /^application\/pdf/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#shared-download")]);
  assert.equal(await download.failure(), null);
  const target = path.join(ARTIFACTS, "mentor-report.pdf");
  await download.saveAs(target);
  const bytes = await readFile(target);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF");
}

test("mentor review: share a session, a note from the mentor, revoke the link", async () => {
  const candidate = await openPage(browser, { bypassCSP: true });
  const { page } = candidate;
  const sent = [];
  page.on("request", (r) => { if (/\/share|\/notes/.test(r.url())) sent.push({ method: r.method(), url: r.url() }); });
  let mentor = null;
  try {
    await finishedSession(page);
    const link = await createLink(page, sent);
    await assertAccessible(page, "report with the share panel and a new link");
    await screenshot(page, "mentor-1-share-panel");

    mentor = await openPage(browser, { device: "mobile", bypassCSP: true });
    const mentorCalls = [];
    mentor.page.on("request", (r) => mentorCalls.push({ url: r.url(), authorization: r.headers().authorization || null }));
    await checkMentorView(mentor, link);
    await assertAccessible(mentor.page, "the mentor's view");
    await assertNoSideScroll(mentor.page, "the mentor's view");
    await leaveNote(mentor.page);
    await assertAccessible(mentor.page, "the mentor's view with a note");
    await screenshot(mentor.page, "mentor-2-view-with-note");
    await downloadReport(mentor.page);
    assert.ok(mentorCalls.every((c) => !c.url.includes("/interview/session/")), "the mentor's page never asks for the session by id");
    assert.ok(mentorCalls.every((c) => c.authorization === null), "the mentor's page sends no token header");

    // The candidate reloads the report: the note is next to the first answer, and only there.
    await page.reload();
    await page.waitForSelector("#notes-q-1 .mentor-note");
    assert.equal((await page.textContent("#notes-q-1 .mentor-note .prewrap")).trim(), NOTE);
    assert.match(await page.textContent("#notes-q-1 h4"), /A note from your mentor/);
    assert.equal(await page.locator("#notes-q-2 .mentor-note").count(), 0);
    assert.ok(await page.evaluate(() => {
      const answer = document.querySelector("#notes-q-1").previousElementSibling;
      return answer && answer.matches("blockquote.answer-text");
    }), "the note is right after the answer it is about");
    await page.waitForSelector("#share-list li");
    assert.equal(await page.locator("#share-link").count(), 0, "the link itself is shown only when it is created");
    await assertAccessible(page, "report with a mentor's note");
    await screenshot(page, "mentor-3-report-with-note");

    // Revoking: the list empties, focus stays on the panel, and the mentor's link stops working at once.
    await page.click("#share-list li button.revoke");
    await page.waitForFunction(() => document.querySelectorAll("#share-list li").length === 0);
    assert.match(await page.textContent("#share-status"), /revoked/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "share-create");
    assert.ok(sent.some((r) => r.method === "DELETE"), "the link was revoked through the API");

    await mentor.page.reload();
    await mentor.page.waitForSelector("#shared-invalid");
    assert.equal(await mentor.page.textContent("#shared-invalid"), "This link is no longer valid. Ask the candidate for a new one.");
    assert.equal(await mentor.page.locator("form, .review-item").count(), 0);
    await assertAccessible(mentor.page, "a revoked link");
    await screenshot(mentor.page, "mentor-4-revoked");

    // A link cut short says the same, without asking the server.
    await mentor.page.goto(`${BASE_URL}/#shared=abc`);
    await mentor.page.waitForSelector("#shared-invalid");

    assert.deepEqual(candidate.problems, []);
    assert.deepEqual(mentor.problems.filter((p) => !/404/.test(p)), []);
  } finally {
    await mentor?.context.close();
    await candidate.context.close();
  }
});
