// Nothing leaves the machine: every request of a session goes to the page's
// own origin, and the Content-Security-Policy stops any attempt to reach
// another one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp } from "./support.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test("a session makes no request outside the page's origin", async () => {
  const server = await serveDist();
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  try {
    const page = await openApp(context, server.url);
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-switch").click();
    await page.reload();
    await page.waitForSelector("[data-testid=workspace]");
    assert.ok(requests.length >= 4, `expected the page, its script, wasm and css; saw ${requests}`);
    const foreign = requests.filter((url) => !url.startsWith(server.origin + "/"));
    assert.deepEqual(foreign, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the Content-Security-Policy blocks requests to another origin", async () => {
  const server = await serveDist();
  const other = await serveDist();
  const context = await browser.newContext();
  const failures = [];
  context.on("requestfailed", (request) => failures.push([request.url(), request.failure()?.errorText]));
  try {
    const page = await openApp(context, server.url);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /CSP_INLINE_SCRIPT_HASHES|unsafe-inline/);
    const outcome = await page.evaluate(async (target) => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (event) => violations.push(event.violatedDirective));
      let fetched;
      try {
        await fetch(target);
        fetched = "reached";
      } catch {
        fetched = "blocked";
      }
      const image = new Image();
      image.src = target + "pixel.png";
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { fetched, violations };
    }, other.url);
    assert.equal(outcome.fetched, "blocked");
    assert.ok(outcome.violations.includes("connect-src"), JSON.stringify(outcome.violations));
    assert.ok(outcome.violations.includes("img-src"), JSON.stringify(outcome.violations));
    // The other server, standing in for the outside world, heard nothing.
    assert.deepEqual(other.hits, []);
    for (const [url, error] of failures) {
      assert.ok(url.startsWith(other.origin), `unexpected failure ${url}`);
      assert.match(error, /csp/i, `${url} failed with ${error}, not a CSP block`);
    }
  } finally {
    await context.close();
    await server.close();
    await other.close();
  }
});
