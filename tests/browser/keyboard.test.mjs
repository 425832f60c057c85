// The whole flow with the keyboard only: Tab, Enter and Ctrl+Enter, no clicks.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, SAMPLE_ANSWER, activeId, launch, openPage, screenshot, tabTo, waitForCharts } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function assertFocusVisible(page) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(style.outlineStyle, "none", "the focused control shows a focus ring");
  assert.ok(style.outlineWidth >= 2, "the focus ring is at least 2px wide");
}

test("keyboard only: setup, answer every question, finish, start again", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-name");

    // The skip link comes first.
    await page.keyboard.press("Tab");
    assert.equal(await activeId(page), "skip-link");
    await assertFocusVisible(page);

    await tabTo(page, "#f-name");
    await assertFocusVisible(page);
    await page.keyboard.type("Keyboard User");
    await page.keyboard.press("Tab");
    assert.equal(await activeId(page), "f-role");
    await page.keyboard.type("Data analyst");
    await tabTo(page, "#f-num");
    await page.keyboard.press("Backspace");  // the default 5 becomes 2
    await page.keyboard.type("2");
    // Follow-up questions are on by default; Space turns the switch off, so the interview has exactly two questions.
    await tabTo(page, "#f-follow-ups");
    await assertFocusVisible(page);
    await page.keyboard.press("Space");
    assert.equal(await page.isChecked("#f-follow-ups"), false);
    await tabTo(page, "#start-button");
    await assertFocusVisible(page);
    await page.keyboard.press("Enter");

    for (let i = 0; i < 2; i++) {
      await page.waitForSelector("#question-text");
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === "question-text");
      // The hint opens with Enter.
      await tabTo(page, ".hint-toggle");
      await assertFocusVisible(page);
      await page.keyboard.press("Enter");
      assert.equal(await page.getAttribute(".hint-toggle", "aria-expanded"), "true");
      await tabTo(page, "#answer");
      await page.keyboard.type(SAMPLE_ANSWER);
      await page.keyboard.press("Control+Enter");
      await page.waitForSelector("#feedback-heading");
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === "feedback-heading");
      if (i === 0) {
        await screenshot(page, "desktop-7-keyboard-feedback");
        await tabTo(page, "#next-question");
        await assertFocusVisible(page);
        await page.keyboard.press("Enter");
      } else {
        await tabTo(page, "#finish");
        await page.keyboard.press("Enter");
      }
    }

    await page.waitForSelector("#report-heading");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "report-heading");
    await waitForCharts(page);
    await tabTo(page, "#download-full");
    await assertFocusVisible(page);
    await tabTo(page, "#start-again");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#f-name");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "setup-heading");

    // The past session is reachable from the history list.
    await tabTo(page, ".history-list a");
    await assertFocusVisible(page);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#report-heading");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
