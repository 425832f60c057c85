// The choice of coach on the setup screen: offered only when the server has more
// than one coach, and sent with the start request.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertAccessible, BASE_URL, fillSetup, launch, openPage, recordStartRequests } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a server with only the offline coach offers no choice", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const coaches = page.waitForResponse((r) => r.url().endsWith("/interview/coaches"));
    await page.goto(`${BASE_URL}/`);
    // `transcriber` names the speech-to-text service: run.sh gives the server one (fake_llm) when it tests spoken answers.
    const transcriber = process.env.PREPBOT_FAKE_TRANSCRIPT ? "openai" : null;
    assert.deepEqual(await (await coaches).json(), { default: "offline", available: ["offline"], transcriber });
    await page.waitForSelector("#f-name");
    assert.equal(await page.locator("#f-coach").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("with an LLM coach configured, the candidate may choose the offline one", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });  // axe is injected as a script
  try {
    // This server runs offline only; answer /interview/coaches as one with Gemini configured would.
    await page.route("**/interview/coaches", (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify({ default: "gemini", available: ["gemini", "offline"] }) }));
    const sent = recordStartRequests(page);
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-coach");
    assert.equal(await page.inputValue("#f-coach"), "gemini", "the server's default is preselected");
    assert.deepEqual(await page.locator("#f-coach option").allTextContents(),
      ["Gemini (AI)", "Offline coach: instant, nothing leaves this server"]);
    await assertAccessible(page, "setup with a coach choice");
    await fillSetup(page, { questions: 2 });
    await page.selectOption("#f-coach", "offline");
    await page.click("#start-button");
    await page.waitForSelector("#question-text");
    assert.equal(sent.length, 1);
    assert.equal(sent[0].coach, "offline");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
