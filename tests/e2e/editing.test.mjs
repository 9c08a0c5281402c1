// End-to-end tests of the editing loop a newcomer meets in the first
// minute (issue 15, point 5): every "add" button puts the caret in what it
// added, paragraph boxes grow with their text and keep a usable width with
// the panels open, renaming in the library takes the keyboard, a locked
// heading says how to unlock it, each ruleset shows its own examples, and
// long outline labels end in "…". Each test drives the visible controls,
// then types with the keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BROWSER, openApp, useBrowserAndServer, OUTPUT, sheetText, newDraft, sectionEditor } from "./support.mjs";

const suite = useBrowserAndServer();

/// The test id and value of the focused field.
const focused = (page) =>
  page.evaluate(() => ({ testid: document.activeElement?.dataset?.testid ?? null, value: document.activeElement?.value ?? null }));

test("every add button puts the caret in what it added", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    const section = await sectionEditor(page, "I.2");
    const bullets = section.getByTestId("bullet");
    const paragraphs = section.getByTestId("paragraph");
    const bulletsBefore = await bullets.count();

    // "+ Gạch đầu dòng": the words go into the new bullet, and the spaces
    // do not press the button again.
    await section.getByTestId("add-list").last().click();
    await page.keyboard.type("Chấp hành tốt chủ trương của cấp trên");
    assert.deepEqual(await focused(page), { testid: "bullet", value: "Chấp hành tốt chủ trương của cấp trên" });
    assert.equal(await bullets.count(), bulletsBefore + 1);

    // "+ Đoạn văn".
    const paragraphsBefore = await paragraphs.count();
    await section.getByTestId("add-paragraph").last().click();
    await page.keyboard.type("Đoạn văn mới viết ngay");
    assert.deepEqual(await focused(page), { testid: "paragraph", value: "Đoạn văn mới viết ngay" });
    assert.equal(await paragraphs.count(), paragraphsBefore + 1);

    // "+ Đánh giá" (a label picked from the list): the words go into the
    // assessment's text, and its label stays as picked.
    const assessments = section.getByTestId("assessment");
    const assessmentsBefore = await assessments.count();
    await section.getByTestId("add-assessment").last().selectOption({ index: 1 });
    await page.keyboard.type("Chấp hành nghiêm");
    assert.deepEqual(await focused(page), { testid: "paragraph", value: "Chấp hành nghiêm" });
    assert.equal(await assessments.count(), assessmentsBefore + 1);
    const label = await assessments.last().getByTestId("assessment-label").inputValue();
    assert.equal(label, "Ưu điểm");
    // The list is back at its "+ Đánh giá" line, ready for the next one.
    assert.equal(await section.getByTestId("add-assessment").last().inputValue(), "");

    // "+ Hình/bảng".
    await section.getByTestId("add-figure").last().click();
    await page.keyboard.type("Bảng 1. Kết quả");
    assert.deepEqual(await focused(page), { testid: "figure-caption", value: "Bảng 1. Kết quả" });

    // The outline's "add after" and "add under" buttons: the caret is in
    // the new section's heading.
    await page.locator('[data-testid=outline-entry][data-reference="I.2"]').click();
    await page.getByTestId("add-section").click();
    await page.keyboard.type("Mục thêm sau");
    assert.deepEqual(await focused(page), { testid: "heading", value: "Mục thêm sau" });
    await page.getByTestId("add-child-section").click();
    await page.keyboard.type("Ý nhỏ bên dưới");
    assert.deepEqual(await focused(page), { testid: "heading", value: "Ý nhỏ bên dưới" });

    const text = await sheetText(page);
    for (const typed of ["- Chấp hành tốt chủ trương của cấp trên", "Đoạn văn mới viết ngay", "Ưu điểm: Chấp hành nghiêm", "Bảng 1. Kết quả", "3. Mục thêm sau", "a) Ý nhỏ bên dưới"]) {
      assert.ok(text.includes(typed), `"${typed}" not in the preview:\n${text}`);
    }
    await page.screenshot({ path: join(OUTPUT, "editing-added.png") });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

const LONG_PARAGRAPH = (
  "Trong năm qua, Đảng ủy đã lãnh đạo thực hiện hoàn thành các chỉ tiêu nghị quyết đề ra; công tác xây dựng Đảng " +
  "được chú trọng, chất lượng sinh hoạt chi bộ từng bước được nâng lên, vai trò tiên phong, gương mẫu của cán bộ, " +
  "đảng viên được phát huy. "
).repeat(4).slice(0, 900);

/// Width and heights of the first paragraph box of section `reference`.
async function paragraphBox(page, reference) {
  const section = await sectionEditor(page, reference);
  const box = section.getByTestId("paragraph").first();
  return { box, size: await box.evaluate((e) => ({ width: e.getBoundingClientRect().width, clientHeight: e.clientHeight, scrollHeight: e.scrollHeight })) };
}

test("a 900-character paragraph grows its box, without an inner scrollbar, at least 420 px wide with the panels open", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    // The outline is always there; open the check and versions panels too.
    await page.getByTestId("check-toggle").click();
    await page.getByTestId("check-panel").waitFor();
    await page.getByTestId("versions-toggle").click();
    await page.getByTestId("versions-panel").waitFor();
    const { box, size: empty } = await paragraphBox(page, "I.1");
    assert.ok(empty.width >= 420, `the paragraph box is ${empty.width} px wide with the panels open`);
    await box.click();
    await page.keyboard.type("Trong năm qua, ");
    await page.keyboard.insertText(LONG_PARAGRAPH.slice("Trong năm qua, ".length));
    const { size: full } = await paragraphBox(page, "I.1");
    assert.equal(await box.inputValue(), LONG_PARAGRAPH);
    assert.ok(full.scrollHeight <= full.clientHeight + 1, `inner scrollbar: ${JSON.stringify(full)}`);
    assert.ok(full.clientHeight > empty.clientHeight * 2, `the box did not grow: ${JSON.stringify({ empty, full })}`);
    assert.ok(full.width >= 420, `the paragraph box is ${full.width} px wide`);
    console.log(`paragraph box at 1366×768 with the panels open: ${Math.round(full.width)} px wide, ${empty.clientHeight} px high empty, ${full.clientHeight} px with 900 characters`);
    await page.screenshot({ path: join(OUTPUT, "editing-long-paragraph.png") });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// Chrome 109 (the last on Windows 7) has no `field-sizing`: the box being
// typed in is grown from its scroll height instead.
test("without field-sizing, the box being typed in still grows to its text", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    // As in a browser without field-sizing (set through the CSSOM, which
    // the page's CSP allows).
    await page.evaluate(() => {
      const sheet = [...document.styleSheets].find((s) => s.href);
      sheet.insertRule("textarea { field-sizing: fixed !important; }", sheet.cssRules.length);
    });
    const { box, size: empty } = await paragraphBox(page, "I.1");
    await box.click();
    await page.keyboard.type("Trong năm qua, ");
    await page.keyboard.insertText(LONG_PARAGRAPH.slice("Trong năm qua, ".length));
    const { size: full } = await paragraphBox(page, "I.1");
    assert.ok(full.scrollHeight <= full.clientHeight + 1, `inner scrollbar: ${JSON.stringify(full)}`);
    assert.ok(full.clientHeight > empty.clientHeight * 2, `the box did not grow: ${JSON.stringify({ empty, full })}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("rename in the library: the name is selected, Enter and leaving keep it, Escape cancels", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page, "so-ket");
    await page.getByTestId("close-draft").click();
    const title = page.getByTestId("library-title");
    const before = await title.innerText();

    // The button hands the keyboard to the field, its text selected: what
    // is typed replaces the name.
    await page.getByTestId("library-rename").click();
    await page.keyboard.type("Sơ kết quý I");
    await page.keyboard.press("Enter");
    await title.getByText("Sơ kết quý I", { exact: true }).waitFor({ timeout: 5000 });

    // Escape cancels.
    await page.getByTestId("library-rename").click();
    await page.keyboard.type("Tên bỏ đi");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByTestId("rename-input").count(), 0);
    assert.equal(await title.innerText(), "Sơ kết quý I");

    // Leaving the field keeps what was typed.
    await page.getByTestId("library-rename").click();
    await page.keyboard.type("Sơ kết quý II");
    await page.keyboard.press("Tab");
    await title.getByText("Sơ kết quý II", { exact: true }).waitFor({ timeout: 5000 });
    assert.notEqual(before, "Sơ kết quý II");
    await page.reload();
    await page.getByTestId("library-title").getByText("Sơ kết quý II", { exact: true }).waitFor({ timeout: 20000 });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("typing into a locked heading says how to unlock it", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    const section = await sectionEditor(page, "I.5");
    const heading = section.getByTestId("heading");
    const hint = section.getByTestId("heading-locked-hint").first();
    assert.equal(await hint.innerText(), "");
    await heading.click();
    // Letters with key events: over BiDi, Playwright puts a letter that is
    // not on the keyboard ("ử") into the field with a script that ignores
    // `readonly`, which Firefox itself never does.
    await page.keyboard.type(BROWSER === "firefox" ? "Sua" : "Sửa");
    assert.equal(await heading.inputValue(), "Đề xuất, kiến nghị:");
    assert.equal(await hint.innerText(), "Tiêu đề này theo dàn ý, đang khóa. Bấm ổ khóa bên cạnh để sửa.");
    assert.equal(await hint.isVisible(), true);
    await section.screenshot({ path: join(OUTPUT, "editing-locked-heading.png") });
    // Unlocked, the message goes and typing edits the heading.
    await section.getByTestId("heading-lock").first().click();
    assert.equal(await hint.innerText(), "");
    await heading.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (nếu có)");
    assert.equal(await heading.inputValue(), "Đề xuất, kiến nghị: (nếu có)");
    assert.equal(await hint.innerText(), "");

    // In English too.
    await page.getByTestId("lang-switch").click();
    const other = await sectionEditor(page, "I.4");
    await other.getByTestId("heading").click();
    await page.keyboard.type("x");
    assert.match(await other.getByTestId("heading-locked-hint").first().innerText(), /locked\. Click the padlock/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("each template shows examples of its own ruleset", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page, "bao-cao-nha-nuoc-trong");
    const hints = async () =>
      page.locator("[data-testid=details-form] .hint").evaluateAll((hints) => hints.map((h) => h.textContent).join(" | "));
    let text = await hints();
    assert.match(text, /UBND XÃ/);
    assert.match(text, /TRƯỜNG THCS/);
    assert.match(text, /BC-UBND/);
    assert.doesNotMatch(text, /ĐẢNG|HUYỆN/);
    await page.getByTestId("details-form").screenshot({ path: join(OUTPUT, "editing-state-examples.png") });
    await page.getByTestId("close-draft").click();
    await newDraft(page, "bao-cao-dang-trong");
    text = await hints();
    assert.match(text, /ĐẢNG BỘ TỈNH ĐỒNG THÁP/);
    assert.match(text, /ĐẢNG ỦY XÃ/);
    assert.doesNotMatch(text, /UBND|HUYỆN/);
    // Switching the ruleset switches the examples.
    await page.getByTestId("field-ruleset").selectOption("state");
    assert.match(await hints(), /UBND XÃ/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("long outline labels end in … at a word, whole on hover and focus", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    const entries = await page.getByTestId("outline-entry").evaluateAll((entries) =>
      entries.map((e) => {
        const short = e.querySelector(".outline-short");
        return {
          title: e.title,
          shown: short ? short.textContent : e.textContent,
          fits: e.scrollWidth <= e.clientWidth + 1,
          name: e.getAttribute("aria-label") ?? e.textContent,
        };
      }),
    );
    const cut = entries.filter((e) => e.shown !== e.title);
    assert.ok(cut.length >= 3, `no long label was cut: ${JSON.stringify(entries)}`);
    for (const entry of entries) {
      assert.ok(entry.fits, `cut at the panel's edge: ${entry.shown}`);
      assert.equal(entry.name, entry.title);
    }
    for (const entry of cut) {
      assert.ok(entry.shown.endsWith("…"), entry.shown);
      const kept = entry.shown.slice(0, -1);
      assert.ok(entry.title.startsWith(kept) && entry.title[kept.length] === " ", `cut mid-word: ${entry.shown} / ${entry.title}`);
    }
    // The entry with focus shows its whole label.
    const long = page.locator('[data-testid=outline-entry][data-reference="II.1"]');
    await long.focus();
    const whole = await long.evaluate((e) => e.innerText.trim());
    assert.equal(whole, await long.getAttribute("title"));
    await page.getByTestId("outline").screenshot({ path: join(OUTPUT, "editing-outline.png") });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
