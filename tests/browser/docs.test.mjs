// The API documentation page (/docs): it renders every path of /openapi.json,
// "Try it" works on GET /healthz and POST /interview/evaluate (with the example
// body), axe finds no serious or critical problems (light and dark, 1280 and
// 360 px), and the page never scrolls sideways. /docs.html serves the same
// file where the server has no /docs route yet.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BASE_URL, assertAccessible, assertNoSideScroll, launch, openPage, screenshot } from "./helpers.mjs";

let browser;
let docsUrl;
let spec;

before(async () => {
  browser = await launch();
  const response = await fetch(`${BASE_URL}/docs`);
  docsUrl = response.status === 404 ? `${BASE_URL}/docs.html` : `${BASE_URL}/docs`;
  const specResponse = await fetch(`${BASE_URL}/openapi.json`);
  assert.equal(specResponse.status, 200, "/openapi.json is served");
  spec = await specResponse.json();
});
after(async () => { await browser?.close(); });

async function openDocs(page) {
  const response = await page.goto(docsUrl);
  assert.equal(response.status(), 200, `${docsUrl} answers 200`);
  await page.waitForSelector("body[data-ready='true']");
}

/** Sends the "Try it" form of one operation and returns the status it shows. */
async function tryOperation(page, path, method) {
  const operation = page.locator("section.op").filter({
    has: page.locator(".op-line", { has: page.locator("code.path", { hasText: new RegExp(`^${path.replace(/[/{}.]/g, "\\$&")}$`) }) }),
  }).filter({ has: page.locator(`.op-line .method-${method}`) });
  assert.equal(await operation.count(), 1, `one operation section for ${method.toUpperCase()} ${path}`);
  await operation.locator("form.try button[type='submit']").click();
  const code = operation.locator(".try-status .try-code");
  await code.waitFor();
  return { operation, status: (await code.textContent()).trim() };
}

describe("API documentation page", () => {
  test("spec is OpenAPI 3.1 and every path and operation appears on the page", async () => {
    assert.equal(spec.openapi, "3.1.0");
    assert.ok(spec.info && spec.paths && spec.components && spec.components.schemas);
    const { context, page, problems } = await openPage(browser);
    try {
      await openDocs(page);
      const shownPaths = await page.locator("section.op code.path").allTextContents();
      const tocPaths = await page.locator("#toc .toc-path").allTextContents();
      for (const [path, item] of Object.entries(spec.paths)) {
        const methods = Object.keys(item).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k));
        assert.equal(shownPaths.filter((p) => p === path).length, methods.length, `${path} is shown once per method`);
        assert.ok(tocPaths.includes(path), `${path} is in the contents`);
      }
      // Every contents link leads to an element on the page.
      for (const href of await page.locator("#toc a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
        assert.equal(await page.locator(href).count(), 1, `${href} exists`);
      }
      // Request bodies are described with their limits and enums.
      const start = page.locator("#op-startInterview");
      await assert.doesNotReject(start.getByText("1–100 characters").first().waitFor());
      await assert.doesNotReject(start.getByText("One of:").first().waitFor());
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("Try it: GET /healthz and POST /interview/evaluate answer 200", async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await openDocs(page);
      const health = await tryOperation(page, "/healthz", "get");
      assert.match(health.status, /^200\b/);
      assert.match(await health.operation.locator(".try-output pre").textContent(), /"status": "ok"/);

      const evaluate = page.locator("#op-evaluateAnswer");
      const body = JSON.parse(await evaluate.locator("textarea").inputValue());
      const example = spec.paths["/interview/evaluate"].post.requestBody.content["application/json"].example;
      assert.deepEqual(body, example, "the body is prefilled with the example");
      const evaluated = await tryOperation(page, "/interview/evaluate", "post");
      assert.match(evaluated.status, /^200\b/);
      const shown = JSON.parse(await evaluated.operation.locator(".try-output pre").textContent());
      assert.ok(shown.scores && shown.feedback !== undefined && shown.evidence, "the evaluation is shown");
      assert.match(await evaluated.operation.locator(".try-headers").textContent(), /application\/json/);

      // Invalid JSON is caught before sending, next to the field.
      await evaluate.locator("textarea").fill("{not json");
      await evaluate.locator("form.try button[type='submit']").click();
      await evaluate.locator(".try-error").waitFor();
      assert.equal(await evaluate.locator("textarea").getAttribute("aria-invalid"), "true");

      await screenshot(page, "docs-desktop-light");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  for (const { device, colorScheme } of [
    { device: "desktop", colorScheme: "light" },
    { device: "narrow", colorScheme: "dark" },
  ]) {
    test(`no serious or critical axe violations (${device}, ${colorScheme})`, async (t) => {
      const { context, page } = await openPage(browser, { device, colorScheme, bypassCSP: true });
      try {
        await openDocs(page);
        // Open every response and show one result so that all of the page is audited.
        await page.locator("details.response > summary").evaluateAll((items) => items.forEach((s) => s.parentElement.setAttribute("open", "")));
        await tryOperation(page, "/healthz", "get");
        const found = await assertAccessible(page, `docs (${device}, ${colorScheme})`);
        await assertNoSideScroll(page, `docs (${device}, ${colorScheme})`);
        if (found.length) t.diagnostic(`minor axe findings: ${found.map((v) => `${v.id} (${v.impact})`).join("; ")}`);
        // The first screen only: with every response open the page is about 100,000 px tall at 360 px.
        if (device === "narrow") await screenshot(page, `docs-${device}-${colorScheme}`, { fullPage: false });
      } finally {
        await context.close();
      }
    });
  }
});
