// A job posting pasted on the setup screen: sent with the start request (the role
// may stay empty), never remembered, each question shows the skills it targets,
// and the report lists the posting's skills, practised or not.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerCurrent, assertAccessible, BASE_URL, launch, openPage, recordStartRequests } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const POSTING = "Site Reliability Engineer\nRun our Kubernetes clusters on call: define SLOs and error budgets, alert on the "
  + "four golden signals, lead blameless postmortems, and automate with Terraform infrastructure as code.";

test("a pasted posting tailors the questions and names the skills each targets", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });  // axe is injected as a script
  try {
    const sent = recordStartRequests(page);
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-posting");
    await page.fill("#f-name", "Grace");
    await page.fill("#f-role", "");
    await page.fill("#f-posting", POSTING);
    await page.fill("#f-num", "3");
    await page.check("#f-mode-technical");
    await assertAccessible(page, "setup with a job posting");
    await page.click("#start-button");
    await page.waitForSelector("#question-text");
    assert.equal(sent.length, 1);
    assert.equal(sent[0].job_description, POSTING);
    assert.equal("role" in sent[0], false, "the posting names the role");
    assert.match(await page.locator(".badge.targets").first().textContent(), /From the posting: /);
    assert.match(await page.textContent("#question-text"), /^The posting names /);
    const prefs = await page.evaluate(() => JSON.stringify(localStorage));
    assert.equal(prefs.includes("Kubernetes clusters"), false, "the posting is not remembered");

    // The report ends the loop: each skill of the posting, practised or not.
    await answerCurrent(page);
    await page.click("#finish-now");
    await page.waitForSelector("#posting-heading");
    const coverage = await page.locator(".posting-coverage li").allTextContents();
    assert.ok(coverage.length >= 3, coverage.join(" | "));
    assert.ok(coverage.some((line) => /\d+ questions?, technical/.test(line)), coverage.join(" | "));
    await assertAccessible(page, "report with the posting's skills");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
