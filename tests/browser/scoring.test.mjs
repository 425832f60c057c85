// The fair scoring switch on the setup screen: sent with the start request, kept
// with the session, shown beside the interview, and the timer starts off; and
// the feedback says who graded and that nothing left this computer (GET /privacy).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerCurrent, assertAccessible, BASE_URL, fillSetup, launch, openPage, recordStartRequests, SAMPLE_ANSWER } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("fair scoring grades content only and starts without the timer", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });  // axe is injected as a script
  try {
    const sent = recordStartRequests(page);
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-scoring");
    assert.equal(await page.isChecked("#f-scoring"), false, "standard scoring is the default");
    await fillSetup(page, { questions: 2, mode: "technical" });
    await page.check("#f-scoring");
    await assertAccessible(page, "setup with fair scoring on");
    await page.click("#start-button");
    await page.waitForSelector("#question-text");
    assert.equal(sent[0].scoring, "content");
    assert.match(await page.locator(".meta").first().textContent(), /fair scoring: content only/);
    assert.equal(await page.isChecked("#timer-toggle"), false, "the timer starts off");
    const id = await page.evaluate(() => location.hash.replace("#/session/", ""));
    const session = await page.evaluate(async (sid) => (await fetch(`/interview/session/${sid}`)).json(), id);
    assert.equal(session.meta.scoring, "content");
    await answerCurrent(page, `Um, so, ${SAMPLE_ANSWER}`);
    const feedback = await page.locator(".feedback").first().textContent();
    assert.match(feedback, /Graded on content only/);
    assert.doesNotMatch(feedback, /Filler words|Hedging phrases|Spelling to check/);
    // Who graded, and the outbound ledger's word beside it.
    assert.match(await page.locator(".source-line").textContent(),
      /Graded by the offline coach\. Offline: nothing has left this computer\./);

    // The choice is remembered for the next session.
    await page.evaluate(() => { location.hash = "#/"; });
    await page.waitForSelector("#f-scoring");
    assert.equal(await page.isChecked("#f-scoring"), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
