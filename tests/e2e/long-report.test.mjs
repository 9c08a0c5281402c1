// End-to-end test of a report longer than the preview builds in one frame:
// the sheet is built over the next frames to its last line, and typing in
// the last section reaches it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

// Regression: the preview's line budget was never refilled after the first
// frame, so a long report's preview stopped after about 200 lines.
test("a long report's preview is built to its last line, and typing there reaches it", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-draft").click()]);
    const draft = JSON.parse(await readFile(await download.path(), "utf8"));
    // Sixty copies of the sample's parts: well over a thousand lines.
    const parts = draft.document.sections;
    draft.document.sections = Array.from({ length: 60 }, () => structuredClone(parts)).flat();
    draft.document.sections.at(-1).heading = "Phần cuối cùng";
    await page.getByTestId("close-draft").click();
    await page.getByTestId("file-input").setInputFiles({ name: "dai.baocao.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(draft)) });
    await page.getByTestId("import-as-new").click();
    const preview = page.getByTestId("preview");
    await preview.waitFor();
    await page.waitForFunction(() => document.querySelector("#preview-sheet").textContent.includes("PHẦN CUỐI CÙNG"), null, { timeout: 20000 });
    const built = await page.locator("#preview-sheet p").count();
    assert.ok(built > 1000, `${built} lines`);

    const last = page.getByTestId("section-editor").last().getByTestId("paragraph").first();
    await last.click();
    await last.press("End");
    await page.keyboard.type(" Dòng cuối.");
    await page.waitForFunction(() => document.querySelector("#preview-sheet").textContent.includes("Dòng cuối."), null, { timeout: 5000 });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
