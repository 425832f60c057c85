// axe-core on every screen: setup, interview, feedback, report (and the setup
// screen with history), light and dark, desktop and phones (390 px and the
// narrowest supported, 360 px), with no sideways scrolling. The context
// bypasses CSP only so that axe can be injected.
import { after, before, describe, test } from "node:test";
import {
  BASE_URL, answerCurrent, assertAccessible, assertNoSideScroll, fillSetup, launch, openPage, screenshot, waitForCharts,
} from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const runs = [
  { device: "desktop", colorScheme: "light" },
  { device: "narrow", colorScheme: "light" },
  { device: "desktop", colorScheme: "dark" },
  { device: "mobile", colorScheme: "dark" },
];

for (const { device, colorScheme } of runs) {
  describe(`accessibility on ${device}, ${colorScheme}`, () => {
    test("no serious or critical axe violations on any screen", async (t) => {
      const { context, page } = await openPage(browser, { device, colorScheme, bypassCSP: true });
      const tag = `${device}-${colorScheme}`;
      const minor = [];
      const audit = async (label) => {
        const found = await assertAccessible(page, label);
        await assertNoSideScroll(page, label);
        minor.push(...found.map((v) => `${label}: ${v.id} (${v.impact})`));
      };
      try {
        await page.goto(`${BASE_URL}/`);
        await page.waitForSelector("#f-name");
        await audit(`setup (${tag})`);

        await page.click("#start-button");  // empty form: field errors
        await page.waitForSelector("#f-name-error:not([hidden])");
        await audit(`setup with errors (${tag})`);

        await fillSetup(page, { questions: 2, mode: "mixed" });
        await page.click("#start-button");
        await page.waitForSelector("#question-text");
        await page.click(".hint-toggle");
        await page.check("#timer-toggle");
        await audit(`interview (${tag})`);

        await answerCurrent(page);
        await audit(`feedback (${tag})`);
        if (colorScheme === "dark") await screenshot(page, `${tag}-feedback`);

        await page.click("#next-question");
        await page.waitForSelector("#question-text");
        await page.click("#skip");
        await page.waitForSelector("#end-heading");
        await audit(`end of questions (${tag})`);

        await page.click("#finish");
        await page.waitForSelector("#report-heading");
        await waitForCharts(page);
        await page.click(".review-item details summary");
        await audit(`report (${tag})`);
        if (colorScheme === "dark") await screenshot(page, `${tag}-report`);

        await page.click("#start-again");
        await page.waitForSelector(".history-list");
        await audit(`setup with history (${tag})`);
        if (colorScheme === "dark") await screenshot(page, `${tag}-setup-history`);
        if (minor.length) t.diagnostic(`minor axe findings: ${minor.join("; ")}`);
      } finally {
        await context.close();
      }
    });
  });
}
