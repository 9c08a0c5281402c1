// Firefox ESR 115 (the last for Windows 7 and 8.1) lacks CSS `zoom` (126)
// and `field-sizing`: the current ESR with both turned off by their
// preferences stands in for it. The sheet shows at its printed size in a
// column that scrolls sideways while the page does not, the scale buttons
// are hidden (style/main.css, `@supports not (zoom: 1)`), and text boxes
// grow with their text by the script (`dom::fit_to_content`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { byTestId, click, clickSettled, openApp, sectionEditor, until, useFirefoxAndServer } from "./support.mjs";
import { OUTPUT } from "../e2e/support.mjs";

const suite = useFirefoxAndServer({
  prefs: { "layout.css.zoom.enabled": false, "layout.css.field-sizing.enabled": false },
});

test("Firefox without zoom and field-sizing: the sheet at full size in its own scrolling column, fields grow by script", async () => {
  const { context, page } = await openApp(suite);
  try {
    assert.deepEqual(
      await page.evaluate(() => [CSS.supports("zoom", "1"), CSS.supports("field-sizing", "content")]),
      [false, false],
    );
    await click(page, "template-tong-ket-phuong-thuc-lanh-dao");
    await page.waitForSelector(byTestId("preview"));
    const layout = await page.evaluate(() => {
      const column = document.querySelector(".side-column");
      return {
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        sheet: document.getElementById("preview-sheet").getBoundingClientRect().width,
        columnScrolls: column.scrollWidth > column.clientWidth,
        zoomButtons: getComputedStyle(document.querySelector(".zoom-buttons")).display,
      };
    });
    assert.ok(layout.page <= layout.window, `the page scrolls sideways: ${JSON.stringify(layout)}`);
    assert.ok(layout.sheet > 780, `the sheet is not at its printed size: ${JSON.stringify(layout)}`);
    assert.equal(layout.zoomButtons, "none");
    await page.screenshot({ path: join(OUTPUT, "firefox-115-preview.png") });

    // A paragraph of many lines: its box grows to show them all.
    const section = await sectionEditor(page, "I.1");
    const paragraph = await section.$(byTestId("paragraph"));
    await clickSettled(paragraph);
    const before = await paragraph.evaluate((field) => field.clientHeight);
    await page.keyboard.type("Dòng một của đoạn văn dài. ".repeat(12));
    await until("the box to grow", async () => (await paragraph.evaluate((field) => field.clientHeight)) > before);
    const { client, scroll } = await paragraph.evaluate((field) => ({ client: field.clientHeight, scroll: field.scrollHeight }));
    assert.ok(scroll <= client + 1, `the box scrolls inside: ${scroll} > ${client}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
