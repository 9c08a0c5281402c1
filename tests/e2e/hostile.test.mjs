// End-to-end: script payloads in every text field of a draft, and in a text
// file, never run: not in the editor and preview, not in the exported HTML
// opened as a file. Any dialog, any `window.pwned` or any injected element
// fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const PAYLOADS = [
  "<script>window.pwned=1</script>",
  '<img src=x onerror="window.pwned=1">',
  '"><svg onload="window.pwned=1">',
  "</script><script>window.pwned=1</script>",
  "javascript:window.pwned=1",
  "<iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe>",
];

// Keys whose strings are structure, not text.
const STRUCTURAL = new Set(["format", "type", "ruleset", "id", "template_id", "label", "image"]);

function poison(value, counter) {
  if (Array.isArray(value)) return value.map((item) => poison(item, counter));
  if (value && typeof value === "object") {
    const out = {};
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "string" && !STRUCTURAL.has(key)) {
        out[key] = `${PAYLOADS[counter.n % PAYLOADS.length]} ${counter.n++}`;
      } else if (!STRUCTURAL.has(key)) {
        out[key] = poison(child, counter);
      } else {
        out[key] = child;
      }
    }
    return out;
  }
  return value;
}

async function assertNothingRan(page, where) {
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined, `script ran in ${where}`);
  assert.equal(await page.locator("main img, article img, main svg[onload], article svg, iframe").count(), 0, `element injected in ${where}`);
}

test("script payloads in every text field of an imported draft never run, in the app or the exported HTML", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    const dialogs = [];
    context.on("page", (p) => p.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); }));
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const download = await downloadOf(page, () => page.getByTestId("download-draft").click());
    const draft = JSON.parse(await readFile(await download.path(), "utf8"));
    const counter = { n: 0 };
    const hostile = poison(draft, counter);
    assert.ok(counter.n >= 50, `only ${counter.n} text fields`);
    await page.getByTestId("close-draft").click();
    await page.getByTestId("file-input").setInputFiles({ name: "doc.baocao.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
    await page.getByTestId("import-preview").waitFor();
    await assertNothingRan(page, "the import preview");
    await page.getByTestId("import-as-new").click();
    const preview = await sheetText(page);
    // The payloads show as text.
    assert.match(preview, /<script>window\.pwned=1<\/script>/);
    assert.match(preview, /<img src=x onerror="window\.pwned=1">/);
    await assertNothingRan(page, "the editor");
    await page.getByTestId("check-toggle").click();
    await page.getByTestId("check-panel").waitFor();
    await assertNothingRan(page, "the format check");

    await page.getByTestId("export-toggle").click();
    const htmlDownload = await downloadOf(page, () => page.getByTestId("export-html").click());
    const saved = join(OUTPUT, "hostile-export.html");
    await copyFile(await htmlDownload.path(), saved);
    const viewer = await context.newPage();
    await viewer.goto(pathToFileURL(saved).href);
    assert.match(await viewer.locator("article").innerText(), /<svg onload="window\.pwned=1">/);
    await assertNothingRan(viewer, "the exported HTML");
    await viewer.close();

    // A text file with the same payloads.
    const text = PAYLOADS.map((payload, index) => `${index + 1}. ${payload}\n- ${payload}`).join("\n");
    await page.getByTestId("file-input").setInputFiles({ name: "bao-cao.txt", mimeType: "text/plain", buffer: Buffer.from(`I. ${PAYLOADS[0]}\n${text}`) });
    await page.getByTestId("import-as-new").click();
    assert.match(await sheetText(page), /I\. <SCRIPT>WINDOW\.PWNED=1<\/SCRIPT>/);
    await assertNothingRan(page, "a text import");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
