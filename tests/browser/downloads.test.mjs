// Both PDF reports download from the report screen.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ARTIFACTS, answerCurrent, launch, openPage, startInterview, waitForCharts } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("full and summary PDFs download and start with %PDF", async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await startInterview(page, { name: "Grace Hopper", questions: 2, mode: "behavioral", role: "Engineering manager" });
    await answerCurrent(page);
    // "Finish now" ends the interview early, with one of two questions answered.
    await page.click("#finish-now");
    await page.waitForSelector("#report-heading");
    await waitForCharts(page);

    for (const kind of ["full", "summary"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#download-${kind}`)]);
      assert.equal(download.failure ? await download.failure() : null, null);
      assert.match(download.suggestedFilename(), /\.pdf$/);
      const target = path.join(ARTIFACTS, `report-${kind}.pdf`);
      await download.saveAs(target);
      const bytes = await readFile(target);
      assert.ok(bytes.length > 1000, `${kind} PDF has ${bytes.length} bytes`);
      assert.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF");
    }
    // The page stays on the report.
    assert.ok(await page.isVisible("#report-heading"));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
