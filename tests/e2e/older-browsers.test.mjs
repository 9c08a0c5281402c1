// End-to-end tests of what older browsers lack (docs/browsers.md), with
// the API taken away from Chromium before the app starts: without
// constructed stylesheets (Safari 16.0 to 16.3) the printed page's size
// and margins still apply, from the page's own stylesheet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { newDraft, openApp, OUTPUT, printToPdf, typeOver, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

test("without constructed stylesheets (Safari 16.0-16.3) the @page rules go into the page's stylesheet and print on A4", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => {
    delete Document.prototype.adoptedStyleSheets;
  });
  try {
    const page = await openApp(context, suite.server.url);
    assert.equal(await page.evaluate(() => "adoptedStyleSheets" in document), false);
    await newDraft(page);
    const first = await page.evaluate(() =>
      Array.from(document.styleSheets[0].cssRules)
        .slice(0, 3)
        .map((rule) => rule.cssText),
    );
    assert.match(first[0], /^@page \{ size: A4; margin: 20mm 15mm 20mm 30mm;/i);
    assert.match(first[1], /^@page landscape \{ size: A4 landscape;/i);
    // A margin typed in the details form replaces the rules rather than
    // adding more.
    const count = await page.evaluate(() => document.styleSheets[0].cssRules.length);
    const left = page.getByTestId("field-page-margin-left");
    await typeOver(left, "35");
    await page.waitForFunction(() => /margin: 20mm 15mm 20mm 35mm/.test(document.styleSheets[0].cssRules[0].cssText));
    assert.equal(await page.evaluate(() => document.styleSheets[0].cssRules.length), count);

    const pdf = join(OUTPUT, "older-browsers-no-adopted-sheets.pdf");
    await printToPdf(page, pdf);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /Page size:\s+59[456](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
