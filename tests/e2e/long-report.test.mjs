// End-to-end test of a report longer than the preview builds in one frame:
// the sheet is built over the next frames to its last line, and typing in
// the last section reaches it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { downloadOf, openApp, OUTPUT, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

// Regression: the preview's line budget was never refilled after the first
// frame, so a long report's preview stopped after about 200 lines.
// Opens the app and imports sixty copies of the sample's parts (well over a
// thousand lines) as a new draft; returns the page and the draft file.
async function openLongReport(context) {
  const page = await openApp(context, suite.server.url);
  await page.getByTestId("open-sample").click();
  await page.getByTestId("preview").waitFor();
  const download = await downloadOf(page, () => page.getByTestId("download-draft").click());
  const draft = JSON.parse(await readFile(await download.path(), "utf8"));
  const parts = draft.document.sections;
  draft.document.sections = Array.from({ length: 60 }, () => structuredClone(parts)).flat();
  draft.document.sections.at(-1).heading = "Phần cuối cùng";
  await page.getByTestId("close-draft").click();
  await page.getByTestId("file-input").setInputFiles({ name: "dai.baocao.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(draft)) });
  await page.getByTestId("import-as-new").click();
  return { page, draft };
}

test("a long report's preview is built to its last line, and typing there reaches it", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  try {
    const { page, draft } = await openLongReport(context);
    const preview = page.getByTestId("preview");
    await preview.waitFor();
    await page.waitForFunction(() => document.querySelector("#preview-sheet").textContent.includes("PHẦN CUỐI CÙNG"), null, { timeout: 20000 });
    const built = await page.locator("#preview-sheet p").count();
    assert.ok(built > 1000, `${built} lines`);
    // The outline lists its first screen at once and the rest a frame
    // later: every section ends up listed.
    const countSections = (sections) => sections.reduce((sum, section) => sum + 1 + countSections(section.children ?? []), 0);
    const sections = countSections(draft.document.sections);
    assert.ok(sections > 60, `${sections} sections`);
    await page.waitForFunction((sections) => document.querySelectorAll('[data-testid="outline-entry"]').length === sections, sections, { timeout: 5000 });

    const last = page.getByTestId("section-editor").last().getByTestId("paragraph").first();
    await last.click();
    await last.press("End");
    await page.keyboard.type(" Dòng cuối.");
    await page.waitForFunction(() => document.querySelector("#preview-sheet").textContent.includes("Dòng cuối."), null, { timeout: 5000 });

    // The browser skips laying out and painting the parts of the sheet far
    // from the screen (that is what keeps a keystroke cheap here), and
    // shows them once they are scrolled to.
    const lastLine = page.locator("#preview-sheet p", { hasText: "Dòng cuối." });
    const shown = () => lastLine.evaluate((line) => line.checkVisibility({ contentVisibilityAuto: true }));
    await page.locator(".side-column").evaluate((column) => column.scrollTo(0, 0));
    await page.waitForTimeout(100);
    assert.equal(await shown(), false, "the last line is rendered while the sheet shows its top");
    await lastLine.scrollIntoViewIfNeeded();
    await page.waitForFunction((text) => [...document.querySelectorAll("#preview-sheet p")].find((line) => line.textContent.includes(text))?.checkVisibility({ contentVisibilityAuto: true }), "Dòng cuối.", { timeout: 5000 });
    // Sizes of parts not yet shown are estimates, so the first scroll can
    // land short of the line; the second is exact.
    await lastLine.scrollIntoViewIfNeeded();
    const box = await lastLine.boundingBox();
    assert.ok(box && box.height > 10 && box.y >= 0 && box.y < 768, JSON.stringify(box));
    await page.screenshot({ path: join(OUTPUT, "long-report-end.png") });

    // Printing still gives every line, the parts never scrolled to as well.
    const pdf = join(OUTPUT, "long-report.pdf");
    await page.locator(".side-column").evaluate((column) => column.scrollTo(0, 0));
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const printed = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).normalize("NFC");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
    assert.ok(pages > 20, `${pages} pages`);
    assert.match(printed, /PHẦN CUỐI CÙNG/);
    assert.match(printed, /Dòng cuối\./);
    const headings = printed.split("\n").filter((line) => line.includes("PHẦN CUỐI CÙNG")).length;
    assert.equal(headings, 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// A long report's sections are built a few per frame after the first
// screen. Regression: an outline entry clicked before its section was built
// selected the section but moved the caret nowhere.
test("clicking the outline goes to a section not built yet", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  try {
    const { page, draft } = await openLongReport(context);
    const lastEntry = page.getByTestId("outline-entry").last();
    const countSections = (sections) => sections.reduce((sum, section) => sum + 1 + countSections(section.children ?? []), 0);
    const sections = countSections(draft.document.sections);
    await page.waitForFunction((sections) => document.querySelectorAll('[data-testid="outline-entry"]').length === sections, sections, { timeout: 5000 });
    const lastHeadingBuilt = await page.evaluate(() => {
      const sections = document.querySelectorAll('[data-testid="section-editor"]');
      return sections[sections.length - 1].querySelector('[data-testid="heading"]') !== null;
    });
    assert.equal(lastHeadingBuilt, false, "the last section was built before the click");
    await lastEntry.click();
    await page.waitForFunction(() => {
      const sections = document.querySelectorAll('[data-testid="section-editor"]');
      const heading = sections[sections.length - 1].querySelector('[data-testid="heading"]');
      return heading !== null && document.activeElement === heading;
    }, null, { timeout: 5000 });
    assert.equal(await lastEntry.getAttribute("aria-current"), "true");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
