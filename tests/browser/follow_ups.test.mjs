// The interviewer follows up: an answer that leaves a key point out brings a
// follow-up question that quotes it, answered in the same flow and listed in the
// report; an adaptive interview chooses each next question after the answer and
// shows the difficulty path.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerCurrent, assertAccessible, launch, openPage, recordStartRequests, startInterview, waitForCharts } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PARTIAL = "I would use offset pagination with LIMIT and OFFSET so every page can be reached directly, and return "
  + "the total count so the client can show page numbers.";

test("a follow-up question quotes the answer, comes next and counts in the report", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });  // axe is injected as a script
  try {
    const sent = recordStartRequests(page);
    await startInterview(page, { questions: 1, mode: "technical", role: "Backend engineer", followUps: true });
    assert.equal(sent[0].follow_ups, true);
    // Whatever the question, the first point of the coach's stronger answer alone is on topic and leaves the rest out.
    await answerCurrent(page, PARTIAL);
    const outline = (await page.locator("#feedback .fb-section", { hasText: "A stronger answer" }).locator(".prewrap").textContent()).trim();
    const firstPoint = outline.split("\n").find((line) => line.startsWith("- ")).slice(2);
    await page.click("#try-again");
    await answerCurrent(page, `${firstPoint}. I have done this in production at my last job.`);
    await page.waitForSelector("#follow-up-notice");
    assert.equal((await page.textContent("#next-question")).trim(), "Answer the follow-up");
    await assertAccessible(page, "feedback announcing a follow-up");
    await page.click("#next-question");
    await page.waitForSelector("#question-text");
    const asked = await page.textContent("#question-text");
    assert.match(asked, /^You said “/);
    assert.match(await page.textContent(".q-number"), /Follow-up to question 1/);
    assert.ok(await page.isVisible(".badge.follow-up"));
    await answerCurrent(page, "Offset pagination gets slower on deep pages because the database still reads and "
      + "discards every skipped row, and rows inserted while browsing shift the pages. A cursor on an indexed key "
      + "(WHERE id > last_seen ORDER BY id LIMIT 50) stays fast and stable.");
    await page.click("#finish");
    await page.waitForSelector("#report-heading");
    await waitForCharts(page);
    assert.match(await page.textContent(".review-item:nth-of-type(2) h3"), /Follow-up to question 1/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("an adaptive interview brings each next question with the answer and shows the path", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const sent = recordStartRequests(page);
    const id = await startInterview(page, { questions: 2, mode: "technical", role: "Backend engineer", adaptive: true });
    assert.equal(sent[0].adaptive, true);
    let session = await page.evaluate(async (sid) => (await (await fetch(`/interview/session/${sid}`)).json()), id);
    assert.equal(session.questions.length, 1, "one question at a time");
    assert.match(await page.textContent("#progress-label"), /Question 1 of 2/);
    await answerCurrent(page, PARTIAL);
    await page.click("#next-question");
    await page.waitForSelector("#question-text");
    session = await page.evaluate(async (sid) => (await (await fetch(`/interview/session/${sid}`)).json()), id);
    assert.equal(session.questions.length, 2);
    assert.equal((await page.textContent("#question-text")).trim(), session.questions[1].question);
    await answerCurrent(page, PARTIAL);
    await page.click("#finish");
    await page.waitForSelector("#path-heading");
    assert.equal(await page.locator(".difficulty-path li").count(), 2);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
