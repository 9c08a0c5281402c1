// End-to-end test of "Dùng làm báo cáo năm sau" (issue 18, point 1) and of
// the read-only panel of texts kept beside a section, as a first-time user
// goes through them on the release build: a filled report made into next
// year's draft, the years changed reviewed, last year's text shown beside
// an emptied section, copied in, and taken back with undo.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { allowClipboard, clipboardText, openApp, OUTPUT, sectionEditor, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

/// The first paragraph of item I.1 of the seed sample, as the sample file
/// holds it.
async function sampleItemOneText() {
  const file = new URL("../../samples/tong-ket-thpt-lap-vo-2.json", import.meta.url);
  const sample = JSON.parse(await readFile(file, "utf8"));
  const document = sample.document ?? sample;
  return document.sections[0].children[0].blocks[0].text.normalize("NFC");
}

test("a filled report becomes next year's draft: the years changed are listed, last year's text waits beside each section, is copied in and undone", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await mkdir(OUTPUT, { recursive: true });
  try {
    await allowClipboard(context, suite.server.origin);
    const page = await openApp(context, suite.server.url);
    const lastYear = await sampleItemOneText();
    const opening = lastYear.slice(0, 60);

    // A filled report over a school year, with its number.
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-subject").fill("tổng kết năm học 2024 - 2025");
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
    await page.getByTestId("save-status").getByText(/Đã lưu lúc/).waitFor();
    await page.getByTestId("close-draft").click();

    // In the library, the filled report is used for next year's.
    await page.getByTestId("library-row").first().waitFor();
    assert.equal(await page.getByTestId("library-row").count(), 1);
    await page.getByTestId("library-next-year").first().click();
    const review = page.getByTestId("next-year-review");
    await review.waitFor();
    const changes = await review.getByTestId("next-year-change").allInnerTexts();
    assert.deepEqual(changes, ["Đã đổi: “năm học 2024 - 2025” → “năm học 2025 - 2026” ở Trích yếu"]);
    assert.match(await review.innerText(), /Số và ngày văn bản để trống/);
    assert.equal(await page.getByTestId("library-row").count(), 2);
    await page.screenshot({ path: join(OUTPUT, "next-year-review.png") });

    // The new draft: the same outline and header, number cleared, the
    // subject moved on, each section empty.
    await review.getByTestId("next-year-open").click();
    await page.getByTestId("preview").waitFor();
    assert.equal(await page.getByTestId("field-subject").inputValue(), "tổng kết năm học 2025 - 2026");
    assert.equal(await page.getByTestId("field-numbersymbol").inputValue(), "");
    assert.equal(await page.getByTestId("field-issuingbody").inputValue(), "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2");
    const item = await sectionEditor(page, "I.1");
    const paragraph = item.getByTestId("paragraph").first();
    assert.equal(await paragraph.inputValue(), "");
    assert.ok(!(await sheetText(page)).includes(opening), "last year's text is not in the new report");

    // Last year's text is hidden until asked for.
    assert.equal(await page.getByTestId("beside-panel").count(), 0);
    const show = item.getByTestId("beside-last-year");
    // In view first, as a reader sees it: Firefox gives no innerText for
    // an item the browser skips rendering (content-visibility) off screen.
    await show.scrollIntoViewIfNeeded();
    assert.equal(await show.innerText(), "Xem bài năm trước");
    await show.click();
    const panel = item.getByTestId("beside-panel");
    await panel.waitFor();
    assert.equal(await show.innerText(), "Ẩn bài năm trước");
    assert.equal(await panel.getByTestId("beside-label").innerText(), "Năm học 2024 - 2025");
    assert.ok((await panel.getByTestId("beside-body").innerText()).includes(opening));
    // Shown beside the section, never in the report.
    assert.ok(!(await sheetText(page)).includes(opening));
    await item.scrollIntoViewIfNeeded();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "next-year-beside-panel.png") });

    // Copied to the clipboard as plain text.
    await panel.getByTestId("beside-copy-text").click();
    await page.getByTestId("status").getByText(/Đã chép chữ vào bộ nhớ tạm/).waitFor();
    const clipboard = await clipboardText(page);
    assert.ok(clipboard.includes(opening), clipboard.slice(0, 80));

    // Copied into the section: in the editor and in the preview.
    await panel.getByTestId("beside-copy-in").click();
    await page.waitForFunction(
      (text) => [...document.querySelectorAll("[data-testid=paragraph]")].some((field) => field.value === text),
      lastYear,
    );
    assert.equal(await item.getByTestId("paragraph").first().inputValue(), lastYear);
    await page.waitForFunction(() => document.getElementById("preview-sheet")?.textContent.includes("Hội nghị Trung ương 5"));
    assert.ok((await sheetText(page)).includes(opening));

    // One undo takes the whole copy back.
    await page.getByTestId("undo").click();
    await page.waitForFunction(
      (text) => ![...document.querySelectorAll("[data-testid=paragraph]")].some((field) => field.value === text),
      lastYear,
    );
    assert.equal(await item.getByTestId("paragraph").first().inputValue(), "");
    assert.ok(!(await sheetText(page)).includes(opening));
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
