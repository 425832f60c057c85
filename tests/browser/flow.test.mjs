// The whole interview, start to report, on a desktop and a phone viewport.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  BASE_URL, SAMPLE_ANSWER, answerCurrent, fillSetup, launch, openPage, progressText, screenshot, waitForCharts,
} from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const device of ["desktop", "mobile"]) {
  describe(`full flow on ${device}`, () => {
    test("start, answer every question, see feedback, finish, read the report", async (t) => {
      const { context, page, problems } = await openPage(browser, { device });
      try {
        // First visit: what it transfers (index.html + css + js + icon), from the Resource Timing entries.
        await page.goto(`${BASE_URL}/`, { waitUntil: "networkidle" });
        const firstLoad = await page.evaluate(() => {
          const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
            .filter((e) => !e.name.includes("/interview/"));
          return { bytes: entries.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0),
            files: entries.map((e) => `${new URL(e.name).pathname} ${e.encodedBodySize}`) };
        });
        t.diagnostic(`first load on ${device}: ${firstLoad.bytes} bytes transferred (${firstLoad.files.join(", ")})`);
        assert.ok(firstLoad.bytes > 0 && firstLoad.bytes <= 200 * 1024, `first load is ${firstLoad.bytes} bytes`);
        assert.ok(firstLoad.files.some((f) => f.startsWith("/js/main.js")), "the app's script loaded");

        // Setup screen, with the CSP header on the page.
        await page.waitForSelector("#f-name");
        const csp = await page.evaluate(async () => (await fetch("/")).headers.get("content-security-policy"));
        assert.match(csp || "", /script-src 'self'/);
        assert.equal(await page.locator("h1").count(), 1);
        assert.equal(await page.locator("#role-suggestions option").count(), 14);
        await screenshot(page, `${device}-1-setup`);

        // Validation: an empty name is refused next to the field.
        await page.fill("#f-name", "");
        await page.fill("#f-role", "");
        await page.click("#start-button");
        await page.waitForSelector("#f-name-error:not([hidden])");
        assert.match(await page.textContent("#f-name-error"), /name/i);
        assert.equal(await page.getAttribute("#f-name", "aria-invalid"), "true");
        assert.equal(await page.evaluate(() => document.activeElement.id), "f-name");
        await screenshot(page, `${device}-1b-setup-errors`);

        await fillSetup(page, { questions: 3, mode: "mixed" });
        await page.click("#start-button");
        await page.waitForSelector("#question-text");
        assert.match(page.url(), /#\/session\/[0-9a-f-]{36}$/);
        const total = 3;

        for (let i = 0; i < total; i++) {
          assert.equal(await progressText(page), `Question ${i + 1} of ${total} · ${i} answered`);
          assert.ok((await page.textContent("#question-text")).trim().length > 10);
          assert.equal(await page.locator(".q-meta .badge").count(), 2);
          if (i === 0) {
            // Hint toggle and timer.
            await page.click(".hint-toggle");
            assert.equal(await page.getAttribute(".hint-toggle", "aria-expanded"), "true");
            assert.ok(await page.isVisible(".hint-text"));
            await page.check("#timer-toggle");
            await page.waitForFunction(() => /^\d\d:\d\d$/.test(document.querySelector(".timer-display").textContent));
            await page.fill("#answer", SAMPLE_ANSWER);
            assert.match(await page.textContent("#answer-count"), /^\d+ words/);
            await screenshot(page, `${device}-2-interview`);
          }
          await answerCurrent(page, SAMPLE_ANSWER, { keyboard: i === 1 });

          // Feedback panel: three scores, the coach's words, a stronger example.
          assert.equal(await page.locator("#feedback .score").count(), 3);
          for (const value of await page.locator("#feedback .score-value").allTextContents()) {
            assert.match(value, /^(10|[1-9])\/10 out of 10$/);
          }
          const feedbackText = await page.textContent("#feedback");
          assert.match(feedbackText, /A stronger answer/);
          await page.waitForFunction(() => /Feedback ready/.test(document.getElementById("status").textContent));
          const links = page.locator("#feedback .resources a");
          for (let k = 0; k < await links.count(); k++) {
            assert.equal(await links.nth(k).getAttribute("target"), "_blank");
            assert.match(await links.nth(k).getAttribute("rel"), /noopener/);
            assert.match(await links.nth(k).getAttribute("href"), /^https?:\/\//);
          }

          if (i === 0) {
            // Try again with the coach's stronger answer: the attempt is counted.
            const stronger = (await page.locator("#feedback .fb-section", { hasText: "A stronger answer" }).locator(".prewrap").textContent()).trim();
            await page.click("#try-again");
            assert.equal(await page.inputValue("#answer"), SAMPLE_ANSWER);
            await answerCurrent(page, `${stronger}\nI would explain each point with an example from my own work.`);
            assert.match(await page.textContent("#feedback"), /Attempt 2/);
            await screenshot(page, `${device}-3-feedback`);
          }
          if (i < total - 1) {
            await page.click("#next-question");
            await page.waitForSelector("#question-text");
          }
        }

        // Finish → report.
        await page.click("#finish");
        await page.waitForSelector("#report-heading");
        await waitForCharts(page);
        const overall = await page.textContent(".overall-score .big");
        assert.match(overall, /^\d+(\.\d)?$/);
        assert.equal(await page.locator(".averages .score").count(), 3);
        assert.equal(await page.locator(".review-item").count(), total);
        for (const id of ["#chart-radar", "#chart-questions"]) {
          assert.ok((await page.getAttribute(id, "alt")).length > 30, `${id} has a text alternative`);
        }
        assert.match(await page.getAttribute("#download-full", "href"), /\/export\/full$/);
        assert.notEqual(await page.getAttribute("#download-full", "download"), null);
        assert.match(await page.getAttribute("#download-summary", "href"), /\/export\/summary$/);
        await screenshot(page, `${device}-4-report`);

        // Print CSS hides the controls.
        await page.emulateMedia({ media: "print" });
        assert.equal(await page.isVisible("#print-report"), false);
        assert.equal(await page.isVisible(".site-header"), false);
        await page.emulateMedia({ media: "screen" });

        // Start again: the setup screen lists the session with its score and a chart.
        await page.click("#start-again");
        await page.waitForSelector("#f-name");
        assert.equal(await page.locator(".history-list li").count(), 1);
        assert.match(await page.textContent(".history-list"), new RegExp(`${overall.replace(".", "\\.")}/10`));
        assert.equal(await page.locator("svg.line-chart circle").count(), 1);
        assert.equal(await page.inputValue("#f-name"), "Ada Lovelace");
        await screenshot(page, `${device}-5-setup-history`);

        // A second session avoids the questions just asked.
        const recent = await page.evaluate(() => JSON.parse(localStorage.getItem("prepbot.recentQuestions.v1")));
        assert.equal(recent.length, total);
        const [startRequest] = await Promise.all([
          page.waitForRequest((req) => req.url().endsWith("/interview/start")),
          page.click("#start-button"),
        ]);
        assert.deepEqual(startRequest.postDataJSON().avoid_questions, recent);
        await page.waitForSelector("#question-text");

        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
