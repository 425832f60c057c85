// A job posting pasted on the setup screen: sent with the start request (the role
// may stay empty), never remembered, each question shows the skills it targets,
// and the report lists the posting's skills, practised or not.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { answerCurrent, assertAccessible, BASE_URL, launch, openPage, recordStartRequests } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const POSTING = "Site Reliability Engineer\nRun our Kubernetes clusters on call: define SLOs and error budgets, alert on the "
  + "four golden signals, lead blameless postmortems, and automate with Terraform infrastructure as code.";

const RESUME = "Grace Hopper\nSite Reliability Engineer, 2019-2024\n"
  + "- Defined SLOs and error budgets for 30 services and ran the on-call rotation.\n"
  + "- Wrote Terraform modules for our Kubernetes clusters and reviewed every infrastructure change.\n";

test("a pasted posting tailors the questions and names the skills each targets", async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });  // axe is injected as a script
  try {
    const sent = recordStartRequests(page);
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-posting");
    await page.fill("#f-name", "Grace");
    await page.fill("#f-role", "");
    await page.fill("#f-posting", POSTING);
    await page.fill("#f-resume", RESUME);
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
    assert.equal(sent[0].resume, RESUME.trim());
    assert.equal(prefs.includes("on-call rotation"), false, "nor is the résumé");
    const id = await page.evaluate(() => location.hash.replace("#/session/", ""));
    const asked = await page.evaluate(async (sid) => (await (await fetch(`/interview/session/${sid}`)).json()).questions, id);
    assert.ok(asked.some((q) => q.question.includes("Your résumé says “")), asked.map((q) => q.question).join(" | "));

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

test("a posting read from an uploaded PDF fills the posting box", async () => {
  // A real multi-page PDF: a finished session's full report, drawn by the server with cairo.
  const post = (route, body) => fetch(`${BASE_URL}${route}`, { method: "POST", headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
  const started = await post("/interview/start", { name: "Posting Writer", role: "Site reliability engineer", experience: "3-5 years",
    mode: "technical", num_questions: 2 });
  await post(`/interview/session/${started.session_id}/answer`, { question_id: 1, answer: POSTING });
  await post(`/interview/session/${started.session_id}/finalize`);
  const pdf = Buffer.from(await (await fetch(`${BASE_URL}/interview/session/${started.session_id}/export/full`)).arrayBuffer());
  const file = path.join(os.tmpdir(), `prepbot-posting-${process.pid}.pdf`);
  await fs.writeFile(file, pdf);

  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector("#f-posting-file");
    await page.setInputFiles("#f-posting-file", file);
    await page.waitForFunction(() => /^Read \d+ of \d+ pages? from/.test(document.querySelector("#f-posting-status").textContent));
    const text = await page.inputValue("#f-posting");
    assert.match(text, /Posting Writer/);
    assert.match(text, /golden signals/, "the answer on a later part of the report is read too");

    await page.setInputFiles("#f-posting-file", { name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a PDF") });
    await page.waitForFunction(() => /not a PDF/.test(document.querySelector("#f-posting-status").textContent));
    assert.equal(await page.inputValue("#f-posting"), text, "a bad file leaves the posting as it was");
    assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
  } finally {
    await context.close();
    await fs.rm(file, { force: true });
  }
});
