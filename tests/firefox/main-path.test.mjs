// The main path of a first-time user, in Firefox (Debian's firefox-esr over
// WebDriver BiDi; see support.mjs): the app starts without errors, a new
// draft from the library's button, typing in a bullet shows in the
// preview, autosave keeps it across a reload, DOCX, HTML and the draft file
// download, a draft file and a Word file (unzipped by the browser's
// DecompressionStream) open with "Mở tệp…", and the print styles leave no
// screen-only scaling. The Chromium suite (tests/e2e/) covers each of
// these in depth; this file is the check that none of them depends on
// Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, click, clickSettled, downloaded, openApp, sectionEditor, sheetText, text, until, useFirefoxAndServer } from "./support.mjs";

const suite = useFirefoxAndServer();
const WORD = (name) => join(fileURLToPath(new URL("../corpus/word/", import.meta.url)), name);

/// Starts a new draft with the library's first template button.
async function newDraft(page) {
  await click(page, "template-tong-ket-phuong-thuc-lanh-dao");
  await page.waitForSelector(byTestId("preview"));
}

/// Adds a bullet to section I.2 with its "+ Gạch đầu dòng" button and types
/// `words` into it. While a new draft's sections are still being built on
/// screen a section's editor may be replaced under the pointer: the
/// button is found again and clicked again until the bullet is there
/// (a person sees the button move and clicks again too).
async function typeBullet(page, words) {
  const bullets = async () => (await sectionEditor(page, "I.2")).$$eval(byTestId("bullet"), (all) => all.length);
  const before = await bullets();
  for (let attempt = 0; attempt < 3 && (await bullets()) === before; attempt++) {
    const adds = await (await sectionEditor(page, "I.2")).$$(byTestId("add-list"));
    await clickSettled(adds[adds.length - 1]);
    await until("the new bullet", async () => (await bullets()) > before, 2000).catch(() => {});
  }
  // The new bullet takes the focus once it is on screen.
  await until("the new bullet's focus", () => page.evaluate(() => document.activeElement?.dataset?.testid === "bullet")).catch(
    async (error) => {
      const active = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.dataset?.testid}`);
      throw new Error(`${error.message}: focus on ${active}, bullets ${before} then ${await bullets()}`);
    },
  );
  await page.keyboard.type(words);
  const typed = await page.evaluate(() => document.activeElement?.value);
  assert.equal(typed, words);
}

test("Firefox: a new draft, a bullet typed shows in the preview and is kept across a reload", async () => {
  const { context, page } = await openApp(suite);
  try {
    const version = await suite.browser.version();
    assert.match(version, /firefox/i);
    await newDraft(page);
    await typeBullet(page, "Chấp hành tốt chủ trương, nghị quyết của cấp trên");
    await until("the preview", async () => /Chấp hành tốt chủ trương, nghị quyết của cấp trên/.test(await sheetText(page)));
    await until("the autosave", async () => /Đã lưu lúc/.test(await text(page, "save-status")));
    await page.reload();
    await page.waitForSelector(byTestId("preview"), { timeout: 20000 });
    await until("the text after the reload", async () =>
      /Chấp hành tốt chủ trương, nghị quyết của cấp trên/.test(await sheetText(page)),
    );
    const bullets = await page.$$eval(byTestId("bullet"), (fields) => fields.map((field) => field.value));
    assert.ok(bullets.includes("Chấp hành tốt chủ trương, nghị quyết của cấp trên"), `bullets: ${bullets}`);
    // Firefox has no field-sizing: the script sizes the fields to their text.
    const { client, scroll } = await page.$eval(byTestId("bullet"), (field) => ({
      client: field.clientHeight,
      scroll: field.scrollHeight,
    }));
    assert.ok(scroll <= client + 1, `a field cut short: ${scroll} > ${client}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("Firefox: DOCX, HTML and the draft file download with the text typed", async () => {
  const { context, page } = await openApp(suite);
  try {
    await newDraft(page);
    await typeBullet(page, "Tải về trong Firefox");
    await click(page, "export-toggle");
    await click(page, "export-docx");
    const docx = await downloaded(suite, /\.docx$/);
    assert.equal(docx.bytes.subarray(0, 2).toString(), "PK");
    assert.ok(docx.bytes.length > 3000, `${docx.bytes.length} bytes`);

    await click(page, "export-toggle");
    await click(page, "export-html");
    const html = await downloaded(suite, /\.html$/);
    assert.match(html.bytes.toString("utf8"), /Tải về trong Firefox/);

    await click(page, "download-draft");
    const draft = await downloaded(suite, /\.baocao\.json$/);
    const json = JSON.parse(draft.bytes.toString("utf8"));
    assert.match(JSON.stringify(json), /Tải về trong Firefox/);
    // No in-app message in a real browser.
    assert.equal(await page.$(byTestId("inapp-download")), null);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("Firefox: a draft file opens with “Mở tệp…”", async () => {
  const { context, page } = await openApp(suite);
  try {
    // The draft file of the previous test, or one made here.
    await newDraft(page);
    await typeBullet(page, "Mở lại trong Firefox");
    await click(page, "download-draft");
    const draft = await downloaded(suite, /^(?!.*\(\d+\)).*\.baocao\.json$/);
    await click(page, "close-draft");
    const input = await page.$("#file-input");
    await input.uploadFile(draft.path);
    await page.waitForSelector(byTestId("import-preview"), { timeout: 10000 }).catch(async (error) => {
      const dialog = await page.$eval("body", (body) => body.innerText.slice(0, 1500));
      throw new Error(`${error.message}; the page: ${dialog}; ${draft.path} ${draft.bytes.length}`);
    });
    await click(page, "import-as-new");
    await page.waitForSelector(byTestId("preview"));
    await until("the opened draft's text", async () => /Firefox/.test(await sheetText(page)));
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("Firefox: a Word file opens with “Mở tệp…” (unzipped by DecompressionStream)", async () => {
  const { context, page } = await openApp(suite);
  try {
    const input = await page.$("#file-input");
    await input.uploadFile(WORD("03-ubnd-xa-thong-ke.docx"));
    await page.waitForSelector(byTestId("import-found"), { timeout: 15000 });
    assert.equal(await text(page, "import-issuing-body"), "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ");
    assert.equal(await text(page, "import-number"), "312/BC-UBND");
    await click(page, "import-as-new");
    await page.waitForSelector(byTestId("preview"));
    await until("the Word file's text", async () => /TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2026/.test(await sheetText(page)));
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("Firefox: the preview scales the sheet to the window and the page does not scroll sideways", async () => {
  const { context, page } = await openApp(suite);
  try {
    await newDraft(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      sheet: document.getElementById("preview-sheet").getBoundingClientRect().width,
    }));
    assert.ok(widths.page <= widths.window, `the page scrolls sideways: ${JSON.stringify(widths)}`);
    // A4's 210 mm is 794 px; at 1366 px the sheet is shown smaller.
    assert.ok(widths.sheet < 700, `the sheet is not scaled: ${JSON.stringify(widths)}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
