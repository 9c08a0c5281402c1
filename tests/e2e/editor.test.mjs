// End-to-end tests of the report editor on the release build: a draft made
// from the seed's outline, filled in, restructured and undone, checked in the
// outline's numbering and the A4 preview's text, and still there after a
// reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BROWSER, openApp, useBrowserAndServer, OUTPUT, sheetText, sectionEditor, settled } from "./support.mjs";

const suite = useBrowserAndServer();

async function newDraftFromSeedTemplate(context) {
  const page = await openApp(context, suite.server.url);
  await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").click();
  await page.getByTestId("preview").waitFor();
  return page;
}

// The outline follows the last change a moment later.
const outlineReferences = async (page) =>
  (await settled(page), page.getByTestId("outline-entry")).evaluateAll((entries) => entries.map((e) => `${e.dataset.reference} ${e.title}`));

const previewText = (page) => sheetText(page);

test("fill two sections, move a section, undo: numbering and preview follow", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await newDraftFromSeedTemplate(context);
    const references = (await outlineReferences(page)).map((line) => line.split(" ")[0]);
    assert.deepEqual(references, ["I", "I.1", "I.2", "I.3", "I.4", "I.5", "II", "II.1", "II.2", "II.3"]);
    // The outline cuts a long label at a word with "…"; the whole label shows on hover.
    const titled = await page
      .getByTestId("outline-entry")
      .evaluateAll((entries) => entries.map((e) => e.title === (e.querySelector(".outline-full") ?? e).textContent.trim()));
    assert.ok(titled.every(Boolean), `outline entries without their whole label as a title: ${titled}`);

    // Section I.1: a run-in paragraph, typed key by key like a person would.
    const first = await sectionEditor(page, "I.1");
    await first.getByTestId("paragraph").first().click();
    await page.keyboard.type("Hội nghị Trung ương 5, khoá X khẳng định: Đảng lãnh đạo.");

    // Section I.3: two bullets; Enter starts the second, Tab makes it "+".
    const third = await sectionEditor(page, "I.3");
    await third.getByTestId("bullet").first().click();
    await page.keyboard.type("Đảng ủy chịu sự lãnh đạo của Huyện ủy.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Thực hiện chế độ báo cáo.");
    await page.keyboard.press("Tab");
    let text = await previewText(page);
    assert.match(text, /1\. Hội nghị Trung ương 5, khoá X khẳng định: Đảng lãnh đạo\./);
    assert.match(text, /- Đảng ủy chịu sự lãnh đạo của Huyện ủy\./);
    assert.match(text, /\+ Thực hiện chế độ báo cáo\./);
    await page.keyboard.press("Shift+Tab");
    assert.match(await previewText(page), /- Thực hiện chế độ báo cáo\./);

    // Move II.2 above II.1 from the outline panel.
    await page.locator('[data-testid=outline-entry][data-reference="II.2"]').click();
    await page.getByTestId("section-up").click();
    let outline = await outlineReferences(page);
    assert.ok(outline.includes("II.1 1. Về lãnh đạo, chỉ đạo, triển khai tổ chức thực hiện xây dựng tổ chức bộ máy của hệ thống chính trị và từng cơ quan, tổ chức tinh gọn, hoạt động hiệu lực, hiệu quả."), outline.join("\n"));
    text = await previewText(page);
    assert.ok(text.indexOf("1. Về lãnh đạo, chỉ đạo") < text.indexOf("2. Về nhận thức, quan điểm"), text);

    // Undo puts it back; redo moves it again; undo once more.
    await page.keyboard.press("Control+z");
    text = await previewText(page);
    assert.ok(text.indexOf("1. Về nhận thức, quan điểm") < text.indexOf("2. Về lãnh đạo, chỉ đạo"), text);
    await page.keyboard.press("Control+Shift+z");
    assert.ok((await previewText(page)).indexOf("1. Về lãnh đạo, chỉ đạo") >= 0);
    await page.getByTestId("undo").click();
    outline = await outlineReferences(page);
    assert.ok(outline.some((line) => line.startsWith("II.1 1. Về nhận thức")), outline.join("\n"));

    await page.screenshot({ path: join(OUTPUT, "editor.png") });

    // Nothing typed is lost on reload.
    await page.reload();
    await page.getByTestId("preview").waitFor({ timeout: 20000 });
    text = await previewText(page);
    assert.match(text, /1\. Hội nghị Trung ương 5, khoá X khẳng định: Đảng lãnh đạo\./);
    assert.match(text, /- Thực hiện chế độ báo cáo\./);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("typing is undone one pause at a time, and template headings are locked", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await newDraftFromSeedTemplate(context);
    const fifth = await sectionEditor(page, "I.5");
    const paragraph = fifth.getByTestId("paragraph").first();
    await paragraph.click();
    await page.keyboard.type("không có");
    await page.waitForTimeout(1300);
    await page.keyboard.type(" thêm");
    assert.equal(await paragraph.inputValue(), "không có thêm");
    await page.keyboard.press("Control+z");
    assert.equal(await paragraph.inputValue(), "không có");
    await page.keyboard.press("Control+z");
    assert.equal(await paragraph.inputValue(), "");

    // The heading from the template is read-only until unlocked.
    const heading = fifth.getByTestId("heading");
    assert.equal(await heading.getAttribute("readonly"), "");
    await heading.click();
    await page.keyboard.type("XYZ");
    assert.equal(await heading.inputValue(), "Đề xuất, kiến nghị:");
    await fifth.getByTestId("heading-lock").click();
    await heading.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (nếu có)");
    assert.equal(await heading.inputValue(), "Đề xuất, kiến nghị: (nếu có)");
    assert.match(await previewText(page), /5\. Đề xuất, kiến nghị: \(nếu có\)/);
  } finally {
    await context.close();
  }
});

test("the details form checks the number and date and the preview follows the rules", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await newDraftFromSeedTemplate(context);
    const number = page.getByTestId("field-numbersymbol");
    await number.fill("12/BC-ĐU");
    assert.match(await page.locator("#field-numbersymbol-problem").innerText(), /12-BC\/ĐU/);
    await number.fill("12-BC/ĐU");
    assert.equal(await page.locator("#field-numbersymbol-problem").innerText(), "");
    await page.getByTestId("field-issuingbody").fill("Đảng ủy trường THPT Lấp Vò 2");
    await page.getByTestId("field-place").fill("Lấp Vò");
    await page.getByTestId("field-day").fill("5");
    await page.getByTestId("field-month").fill("1");
    await page.getByTestId("field-year").fill("2026");
    let text = await previewText(page);
    assert.match(text, /Số 12-BC\/ĐU/);
    // Too long for its column, the name breaks into balanced lines, where
    // the frame says (the print and the DOCX break it there too).
    assert.match(text, /ĐẢNG ỦY TRƯỜNG\nTHPT LẤP VÒ 2/);
    assert.match(text, /Lấp Vò, ngày 05 tháng 01 năm 2026/);
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    await page.getByTestId("field-day").fill("31");
    await page.getByTestId("field-month").fill("2");
    assert.match(await page.locator("#field-date-problem").innerText(), /không có ngày đó/);

    // The State ruleset changes the header and the number's shape.
    await page.getByTestId("field-ruleset").selectOption("state");
    text = await previewText(page);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Số: 12-BC\/ĐU/);
    assert.match(await page.locator("#field-numbersymbol-problem").innerText(), /02\/BC-UBND/);

    // Printing shows the sheet alone, with the ruleset's page margins.
    const pageRules = await page.evaluate(() =>
      [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n"),
    );
    assert.match(pageRules, /size: a4/i);
    assert.match(pageRules, /margin: 20mm 15mm 20mm 30mm/);
    // Undo puts the ruleset back and the list shows it: the list's options
    // follow the document by their `selected` property (Firefox kept the
    // user's pick when only the attribute changed).
    await page.getByTestId("undo").click();
    assert.equal(await page.getByTestId("field-ruleset").inputValue(), "party");
    assert.match(await previewText(page), /ĐẢNG CỘNG SẢN VIỆT NAM/);
    // Playwright emulates print media in Chromium only (over BiDi it
    // cannot); Firefox's print is checked in tests/firefox/.
    if (BROWSER === "chromium") {
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.getByTestId("editor").isVisible(), false);
      assert.equal(await page.getByTestId("preview").isVisible(), true);
      await page.emulateMedia({ media: "screen" });
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("every control has a Vietnamese accessible name and takes keyboard focus", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await newDraftFromSeedTemplate(context);
    const unnamed = await page.evaluate(() => {
      const controls = document.querySelectorAll("button, input, select, textarea, summary");
      const missing = [];
      for (const control of controls) {
        // Controls taken out of the accessibility tree (the hidden file
        // input, reached through its named button) are not for people.
        if (control.closest('[aria-hidden="true"]')) continue;
        const label = control.labels && control.labels.length ? control.labels[0].textContent : "";
        const name = (control.getAttribute("aria-label") || label || control.textContent || control.title || "").trim();
        const focusable = control.tabIndex >= 0 && !control.hasAttribute("inert");
        if (!name || !focusable) missing.push(control.outerHTML.slice(0, 120));
      }
      return { count: controls.length, missing };
    });
    assert.ok(unnamed.count > 50, `only ${unnamed.count} controls`);
    assert.match(await page.getByTestId("open-file").getAttribute("aria-label"), /Mở tệp/);
    assert.deepEqual(unnamed.missing, []);
    // Focus moved by the keyboard is visible.
    await page.getByTestId("undo").focus();
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");
    // English is one switch away and names change with it.
    await page.getByTestId("lang-switch").click();
    assert.equal(await page.getByTestId("undo").getAttribute("aria-label"), "Undo (Ctrl+Z)");
  } finally {
    await context.close();
  }
});

test("decomposed (NFD) typing is stored as NFC and the caret stays put", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await newDraftFromSeedTemplate(context);
    const paragraph = (await sectionEditor(page, "I.2")).getByTestId("paragraph").first();
    await paragraph.click();
    await page.keyboard.type("ab");
    await page.keyboard.press("ArrowLeft");
    // What Unikey's "Unicode tổ hợp" sends: base letters and combining marks.
    const nfd = "Đảng ủy ".normalize("NFD");
    assert.notEqual(nfd, "Đảng ủy ");
    await page.keyboard.insertText(nfd);
    await page.keyboard.type("X");
    const value = await paragraph.inputValue();
    assert.equal(value, "aĐảng ủy Xb");
    assert.equal(value, value.normalize("NFC"));
    const preview = await previewText(page);
    assert.ok(preview.includes("2. aĐảng ủy Xb"), preview);
  } finally {
    await context.close();
  }
});
