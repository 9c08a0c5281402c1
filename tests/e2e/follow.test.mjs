// End-to-end tests of how the preview, the outline and the format check
// follow typing on the release build: the field changes in the key's own
// frame, the others a moment later, all the keys typed meanwhile in one
// update; a print shows what was just typed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useBrowserAndServer, newDraft, sectionEditor, settled, sheetText } from "./support.mjs";

const suite = useBrowserAndServer();

/// Counts animation frames, and records the frame of each input event and
/// of each change of the preview sheet and of the outline.
async function watchFrames(page) {
  await page.evaluate(() => {
    const seen = { frame: 0, inputs: [], sheet: [], outline: [] };
    window.__follow = seen;
    const tick = () => {
      seen.frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    document.addEventListener("input", () => seen.inputs.push(seen.frame), true);
    new MutationObserver(() => seen.sheet.push(seen.frame)).observe(document.getElementById("preview-sheet"), {
      subtree: true,
      childList: true,
      characterData: true,
    });
    new MutationObserver(() => seen.outline.push(seen.frame)).observe(document.querySelector("[data-testid=outline]"), {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  });
}

test("typing changes the field in its frame; the preview and outline follow in a later one", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await settled(page);
    const bullet = (await sectionEditor(page, "I.3")).getByTestId("bullet").first();
    await bullet.click();
    await watchFrames(page);
    await page.keyboard.type("Chi bộ họp định kỳ", { delay: 20 });
    // In the frame of each key, the field holds it and the sheet is untouched.
    const frames = await page.evaluate(() => window.__follow);
    assert.equal(await bullet.inputValue(), "Chi bộ họp định kỳ");
    await settled(page);
    const after = await page.evaluate(() => window.__follow);
    assert.ok(after.sheet.length > 0, "the preview followed");
    assert.ok(after.inputs.length >= 18, `every key was an input: ${after.inputs.length}`);
    const firstInput = Math.min(...frames.inputs);
    assert.ok(
      !after.sheet.includes(firstInput),
      `the preview changed in the frame of the first key (${firstInput}): ${after.sheet}`,
    );
    assert.ok(
      after.sheet.length < after.inputs.length,
      `keys typed before the preview followed were shown together: ${after.sheet.length} updates for ${after.inputs.length} keys`,
    );
    assert.match(await sheetText(page), /- Chi bộ họp định kỳ/);
  } finally {
    await context.close();
  }
});

test("keys typed in one task reach the preview and the outline in one update", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await settled(page);
    // Item I.1 runs in: the outline shows the opening words of its paragraph.
    const paragraph = (await sectionEditor(page, "I.1")).getByTestId("paragraph").first();
    await watchFrames(page);
    // Ten keys in one task, as a fast typist's burst reaches the page.
    const during = await paragraph.evaluate(async (field) => {
      let text = "";
      for (const letter of "Nhiệm vụ n") {
        text += letter;
        field.value = text;
        field.dispatchEvent(new InputEvent("input", { bubbles: true, data: letter, inputType: "insertText" }));
      }
      // Read once the app has handled them (its rendering runs in
      // microtasks), in the next task: long before the preview follows.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { settled: document.getElementById("preview-sheet").dataset.settled };
    });
    assert.equal(during.settled, "false", "the preview waits while the burst is not yet shown");
    await settled(page);
    const after = await page.evaluate(() => window.__follow);
    const sheetFrames = new Set(after.sheet);
    const outlineFrames = new Set(after.outline);
    assert.equal(sheetFrames.size, 1, `the preview changed once: frames ${[...sheetFrames]}`);
    assert.equal(outlineFrames.size, 1, `the outline changed once: frames ${[...outlineFrames]}`);
    assert.match(await sheetText(page), /1\. Nhiệm vụ n/);
    const label = await page.locator('[data-testid=outline-entry][data-reference="I.1"]').getAttribute("title");
    assert.equal(label, "1. Nhiệm vụ n");
  } finally {
    await context.close();
  }
});

test("the print button prints what was just typed", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await settled(page);
    // What the sheet holds when the print dialog would open.
    await page.evaluate(() => {
      window.__printed = [];
      window.print = () => window.__printed.push(document.getElementById("preview-sheet").textContent);
    });
    const bullet = (await sectionEditor(page, "I.3")).getByTestId("bullet").first();
    await bullet.click();
    await page.keyboard.type("Dòng gõ ngay trước khi in");
    await page.getByTestId("print").click();
    await page.waitForFunction(() => window.__printed.length === 1);
    const printed = await page.evaluate(() => window.__printed[0]);
    assert.match(printed, /Dòng gõ ngay trước khi in/);

    // The browser's own print (Ctrl+P) brings the sheet up to date too.
    await bullet.press("End");
    await page.keyboard.type(" và sau đó");
    const before = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      return new Promise((resolve) => requestAnimationFrame(() => resolve(document.getElementById("preview-sheet").textContent)));
    });
    assert.match(before, /Dòng gõ ngay trước khi in và sau đó/);
  } finally {
    await context.close();
  }
});
