// End-to-end tests of phones and narrow windows (390 × 844, a common phone
// in portrait) on the release build: the library fits, the editor is one
// column with a tab bar (outline, form, preview), the toolbar folds into a
// menu, and reading, editing, exporting and downloading the draft all go
// through the visible controls. Back at 1366 px the three columns return.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { catchFileChoosers, downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true };

/// How far the page reaches sideways; more than the window is a page that
/// scrolls sideways, and a column cut off at the right edge.
function pageWidth(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/// Whether each of the editor's three columns is on screen.
function columnsShown(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [
        ["outline", ".outline-panel"],
        ["form", ".editor-column"],
        ["preview", ".side-column"],
      ].map(([name, selector]) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return [name, Boolean(box && box.width > 0 && box.height > 0)];
      }),
    ),
  );
}

/// The buttons on screen smaller than a finger (40 px either way).
function smallTargets(page, selector) {
  return page.evaluate((selector) => {
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 40 || box.width < 40) small.push(`${element.textContent.trim()} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, selector);
}

test("at 390 × 844 the library, the form, the preview and the menu fit the phone, and every action works", async () => {
  mkdirSync(OUTPUT, { recursive: true });
  const context = await suite.browser.newContext(PHONE);
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").waitFor();
    assert.ok((await pageWidth(page)) <= 390, `the library scrolls sideways: ${await pageWidth(page)} px`);
    await page.screenshot({ path: join(OUTPUT, "narrow-library.png"), fullPage: true });

    // A draft in the library: its row and buttons fit too.
    await page.getByTestId("open-sample").click();
    await page.getByTestId("view-switch").waitFor();
    await page.getByTestId("menu-toggle").click();
    await page.getByTestId("close-draft").click();
    await page.getByTestId("library-row").first().waitFor();
    assert.ok((await pageWidth(page)) <= 390, `the library with a draft scrolls sideways: ${await pageWidth(page)} px`);
    assert.deepEqual(await smallTargets(page, ".library-actions button"), []);
    await page.screenshot({ path: join(OUTPUT, "narrow-library-draft.png"), fullPage: true });
    await page.getByTestId("library-open").first().click();

    // One column at a time, starting with the form; the tab bar says which.
    const tabs = page.getByTestId("view-switch");
    await tabs.waitFor();
    assert.equal(await page.getByTestId("view-form").getAttribute("aria-selected"), "true");
    assert.deepEqual(await columnsShown(page), { outline: false, form: true, preview: false });
    assert.ok((await pageWidth(page)) <= 390, `the form scrolls sideways: ${await pageWidth(page)} px`);
    assert.deepEqual(await smallTargets(page, "[data-testid=view-switch] button, [data-testid=menu-toggle]"), []);
    await page.screenshot({ path: join(OUTPUT, "narrow-form.png") });

    // The preview, with the report's text.
    await page.getByTestId("view-preview").click();
    assert.equal(await page.getByTestId("view-preview").getAttribute("aria-selected"), "true");
    assert.deepEqual(await columnsShown(page), { outline: false, form: false, preview: true });
    // The sample's pages 2 and 3 are marked once the sheet shows: it was
    // hidden (the form's tab) when the draft opened.
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=page-mark]").length === 2, null, { timeout: 5000 });
    assert.ok((await pageWidth(page)) <= 390, `the preview scrolls sideways: ${await pageWidth(page)} px`);
    const sheet = await page.locator("#preview-sheet").boundingBox();
    assert.ok(sheet.x >= 0 && sheet.x + sheet.width <= 390, `the sheet is cut off: ${JSON.stringify(sheet)}`);
    // The name breaks into balanced lines in its column (frame::Line::breaks).
    assert.match(await sheetText(page), /ĐẢNG ỦY TRƯỜNG\s+THPT LẤP VÒ 2/);
    await page.screenshot({ path: join(OUTPUT, "narrow-preview.png") });

    // The outline: choosing an entry shows the form at that section.
    await page.getByTestId("view-outline").click();
    assert.deepEqual(await columnsShown(page), { outline: true, form: false, preview: false });
    assert.ok((await pageWidth(page)) <= 390, `the outline scrolls sideways: ${await pageWidth(page)} px`);
    await page.screenshot({ path: join(OUTPUT, "narrow-outline.png") });
    const entry = page.getByTestId("outline-entry").nth(1);
    const reference = await entry.getAttribute("data-reference");
    await entry.click();
    assert.equal(await page.getByTestId("view-form").getAttribute("aria-selected"), "true");
    assert.deepEqual(await columnsShown(page), { outline: false, form: true, preview: false });
    // The section's heading has the focus and is on screen.
    const focused = await page.evaluate(() => {
      const field = document.activeElement;
      const box = field.getBoundingClientRect();
      return { tag: field.tagName, inView: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    assert.equal(focused.tag, "TEXTAREA", `focus on ${reference} went to ${focused.tag}`);
    assert.ok(focused.inView, `the section ${reference} is not on screen`);

    // Typing into a section reaches the preview.
    const paragraph = page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first();
    await paragraph.fill("Gõ trên điện thoại, đọc trên giấy.");
    assert.ok((await pageWidth(page)) <= 390);
    await page.getByTestId("view-preview").click();
    assert.match(await sheetText(page), /Gõ trên điện thoại, đọc trên giấy\./);
    // The chosen view stays chosen while the draft is open.
    await page.waitForTimeout(400);
    assert.equal(await page.getByTestId("view-preview").getAttribute("aria-selected"), "true");

    // The menu: closed, its actions are out of sight; open, they are on
    // screen, big enough to tap, and the page still fits.
    assert.equal(await page.getByTestId("export-toggle").isVisible(), false);
    const menu = page.getByTestId("menu-toggle");
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    await menu.click();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    await page.getByTestId("export-toggle").click();
    await page.getByTestId("export-docx").waitFor();
    assert.ok((await pageWidth(page)) <= 390, `the open menu scrolls sideways: ${await pageWidth(page)} px`);
    assert.deepEqual(await smallTargets(page, "[data-testid=toolbar-actions] button"), []);
    await page.screenshot({ path: join(OUTPUT, "narrow-menu.png") });
    const docx = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(docx.suggestedFilename(), /\.docx$/);
    const docxBytes = await readFile(await docx.path());
    assert.equal(docxBytes.subarray(0, 2).toString(), "PK");
    // A choice closes the menu.
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await page.getByTestId("download-draft").isVisible(), false);

    // Download the draft through the menu: the file holds the typed text.
    await menu.click();
    const draft = await downloadOf(page, () => page.getByTestId("download-draft").click());
    assert.match(draft.suggestedFilename(), /\.baocao\.json$/);
    assert.match(await readFile(await draft.path(), "utf8"), /Gõ trên điện thoại, đọc trên giấy\./);

    // Back at a wide window the three columns are side by side, and neither
    // the tab bar nor the menu button shows.
    await page.setViewportSize({ width: 1366, height: 768 });
    assert.deepEqual(await columnsShown(page), { outline: true, form: true, preview: true });
    assert.equal(await tabs.isVisible(), false);
    assert.equal(await menu.isVisible(), false);
    assert.equal(await page.getByTestId("export-toggle").isVisible(), true);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("at 390 px the menu opens from the keyboard and closes with Escape or a tap outside", async () => {
  const context = await suite.browser.newContext(PHONE);
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("view-switch").waitFor();
    const menu = page.getByTestId("menu-toggle");
    const actions = page.getByTestId("toolbar-actions");

    // Keyboard: Enter opens, Tab reaches the actions, Escape closes and
    // gives the focus back to the menu button.
    await menu.focus();
    await page.keyboard.press("Enter");
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    assert.equal(await actions.isVisible(), true);
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => document.getElementById("toolbar-actions").contains(document.activeElement)), "Tab does not reach the menu's actions");
    await page.keyboard.press("Escape");
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await actions.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "menu-toggle");

    // The tab bar: the arrow keys move between the tabs (each tab is also
    // a Tab stop, as every control is).
    await page.getByTestId("view-form").focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("view-preview").getAttribute("aria-selected"), "true");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "view-preview");
    assert.deepEqual(await columnsShown(page), { outline: false, form: false, preview: true });
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("view-outline").getAttribute("aria-selected"), "true");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getByTestId("view-preview").getAttribute("aria-selected"), "true");
    await page.getByTestId("view-form").click();

    // A tap outside the menu closes it.
    await menu.click();
    assert.equal(await actions.isVisible(), true);
    await page.mouse.click(40, 600);
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await actions.isVisible(), false);

    // Opening the check from the menu shows it (above the preview).
    await menu.click();
    await page.getByTestId("check-toggle").click();
    await page.getByTestId("check-panel").waitFor({ state: "visible" });
    assert.equal(await page.getByTestId("view-preview").getAttribute("aria-selected"), "true");
    await page.screenshot({ path: join(OUTPUT, "narrow-check.png") });
    // A finding goes to its field, in the form.
    await page.getByTestId("check-item").first().click();
    assert.equal(await page.getByTestId("view-form").getAttribute("aria-selected"), "true");
    assert.deepEqual(await columnsShown(page), { outline: false, form: true, preview: false });
    const focused = await page.evaluate(() => {
      const field = document.activeElement;
      const box = field.getBoundingClientRect();
      return { tag: field.tagName, inView: box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight };
    });
    assert.equal(focused.tag, "INPUT");
    assert.ok(focused.inView, "the finding's field is not on screen");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a draft file opens from the phone's library, and a phone on its side shows the whole sheet", async () => {
  const context = await suite.browser.newContext(PHONE);
  try {
    const page = await openApp(context, suite.server.url);
    const choosers = await catchFileChoosers(page);
    // A .baocao.json file received through Zalo, opened with "Mở tệp…".
    await page.getByTestId("open-file").click();
    await (await choosers.next()).setFiles(new URL("../fixtures/drafts/v2-envelope.json", import.meta.url).pathname);
    const dialog = page.getByTestId("import-dialog");
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the dialog is cut off: ${JSON.stringify(box)}`);
    assert.ok((await pageWidth(page)) <= 390, `the dialog scrolls sideways: ${await pageWidth(page)} px`);
    assert.deepEqual(await smallTargets(page, "[data-testid=import-dialog] button"), []);
    await page.screenshot({ path: join(OUTPUT, "narrow-import.png") });
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("view-switch").waitFor();
    assert.deepEqual(await columnsShown(page), { outline: false, form: true, preview: false });
    assert.ok((await pageWidth(page)) <= 390);

    // On its side (844 × 390) the phone shows one column too, and the
    // preview's sheet is whole, not cut at the right edge.
    await page.setViewportSize({ width: 844, height: 390 });
    await page.getByTestId("view-preview").click();
    assert.deepEqual(await columnsShown(page), { outline: false, form: false, preview: true });
    const sheet = await page.locator("#preview-sheet").boundingBox();
    assert.ok(sheet.x >= 0 && sheet.x + sheet.width <= 844, `the sheet is cut off: ${JSON.stringify(sheet)}`);
    assert.ok((await pageWidth(page)) <= 844);
    await page.screenshot({ path: join(OUTPUT, "narrow-landscape.png") });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
