// Reloading the page mid-interview continues where the user was.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, answerCurrent, launch, openPage, progressText, screenshot, startInterview, waitForCharts } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("resume after reload mid-interview, then reopen the finished report", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const id = await startInterview(page, { questions: 3, mode: "technical", role: "Frontend engineer" });
    const questions = await page.evaluate(async (sid) => (await (await fetch(`/interview/session/${sid}`)).json()).questions, id);

    await answerCurrent(page);
    await page.click("#next-question");
    await page.waitForSelector("#question-text");

    // Reload on question 2: question 1 stays answered, question 2 is shown.
    await page.reload();
    await page.waitForSelector("#question-text");
    assert.equal(page.url(), `${BASE_URL}/#/session/${id}`);
    assert.equal(await progressText(page), "Question 2 of 3 · 1 answered");
    assert.equal((await page.textContent("#question-text")).trim(), questions[1].question);
    assert.ok(await page.isVisible("#finish-now"), "Finish now is offered once an answer exists");
    await screenshot(page, "desktop-6-resumed");

    // Reload while reading feedback of question 2: the next unanswered one comes up.
    await answerCurrent(page);
    await page.reload();
    await page.waitForSelector("#question-text");
    assert.equal(await progressText(page), "Question 3 of 3 · 2 answered");
    assert.equal((await page.textContent("#question-text")).trim(), questions[2].question);

    // Opening the app without the hash picks the session in progress up from localStorage.
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#question-text");
    assert.equal(page.url(), `${BASE_URL}/#/session/${id}`);
    assert.equal(await progressText(page), "Question 3 of 3 · 2 answered");

    // Skip the last question: the end panel offers to finish with two answers.
    await page.click("#skip");
    await page.waitForSelector("#end-heading");
    assert.match(await page.textContent(".end"), /answered 2 of 3/);
    await page.click("#finish");
    await page.waitForSelector("#report-heading");
    await waitForCharts(page);
    assert.match(await page.textContent(".review-item:nth-of-type(3)"), /Not answered/);

    // A completed session reloads as its report, even when this browser forgot it.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector("#report-heading");
    await waitForCharts(page);
    assert.equal(await page.locator(".review-item").count(), 3);

    // An unknown session says so in plain words.
    await page.goto(`${BASE_URL}/#/session/00000000-0000-4000-8000-000000000000`);
    await page.waitForSelector(".load-error");
    assert.match(await page.textContent(".load-error"), /not found/i);
    assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  } finally {
    await context.close();
  }
});

test("a server that cannot be reached is reported in plain words", async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-name");
    await page.route("**/interview/start", (route) => route.abort("connectionrefused"));
    await page.fill("#f-name", "Ada");
    await page.fill("#f-role", "QA engineer");
    await page.click("#start-button");
    await page.waitForFunction(() => /Cannot reach the PrepBot server/.test(document.querySelector(".form-error").textContent));
    await page.unroute("**/interview/start");

    // A 422 from the server is shown next to its field.
    await page.route("**/interview/start", (route) => route.fulfill({
      status: 422, contentType: "application/json",
      body: JSON.stringify({ detail: [{ type: "string_too_long", loc: ["body", "role"], msg: "String should have at most 100 characters" }] }),
    }));
    await page.click("#start-button");
    await page.waitForSelector("#f-role-error:not([hidden])");
    assert.equal((await page.textContent("#f-role-error")).trim(), "String should have at most 100 characters");
    assert.equal(await page.evaluate(() => document.activeElement.id), "f-role");
  } finally {
    await context.close();
  }
});
