// End-to-end tests of the text exports: HTML (standalone, no script runs,
// opens again in the app), Markdown and plain text, from the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

async function exportAs(page, kind) {
  await page.getByTestId("export-toggle").click();
  const download = await downloadOf(page, () => page.getByTestId(`export-${kind}`).click());
  return { name: download.suggestedFilename(), path: await download.path() };
}

test("the sample exports to HTML, Markdown and text; script in the text never runs", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const payload = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
    await page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first().fill(`Đoạn có mã độc ${payload}`);

    const html = await exportAs(page, "html");
    assert.match(html.name, /^hoi-nghi-tong-ket-doi-moi-phuong-thuc-lanh-dao-cua-dang.*-\d{4}-\d\d-\d\d\.html$/);
    // Opened the way a user opens the saved file: by its .html name.
    const saved = join(OUTPUT, html.name);
    await copyFile(html.path, saved);
    const viewer = await context.newPage();
    await viewer.goto(pathToFileURL(saved).href);
    assert.equal(await viewer.title(), "Hội nghị tổng kết đổi mới phương thức lãnh đạo của Đảng, xây dựng hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả");
    const shown = await viewer.locator("article").innerText();
    assert.match(shown, /ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2/);
    assert.match(shown, /1\. Đoạn có mã độc <img src=x/);
    assert.match(shown, /\+ Qua mỗi hoạt động đều tổ chức họp rút kinh nghiệm/);
    assert.equal(await viewer.locator("article img").count(), 0);
    await viewer.waitForTimeout(200);
    assert.notEqual(await viewer.title(), "pwned");
    await viewer.close();

    // The HTML file opens again in the app as the same draft.
    await page.getByTestId("file-input").setInputFiles(html.path);
    await page.getByTestId("import-as-new").click();
    assert.match(await sheetText(page), /1\. Đoạn có mã độc <img src=x/);

    const markdown = await readFile((await exportAs(page, "markdown")).path, "utf8");
    assert.match(markdown, /## I\. VỀ ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO/);
    assert.match(markdown, /\\<img src=x/);
    // The plain text is the report with its frame, like every export.
    const text = await readFile((await exportAs(page, "text")).path, "utf8");
    assert.match(text, /^ĐẢNG BỘ HUYỆN LẤP VÒ\nĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2\n/);
    assert.match(text, /\nBÁO CÁO\ntổng kết đổi mới phương thức lãnh đạo của Đảng/);
    assert.match(text, /\nNơi nhận:\n- Ban Chỉ đạo 832 Huyện,\n- Lưu Văn phòng Đảng ủy\.\n\nT\/M ĐẢNG ỦY\nBÍ THƯ\n/);
    assert.match(text, /\nNguyễn Văn Kiệt\n$/);
    // No payload ran in the app: the tab still names the open draft.
    assert.equal(await page.title(), `${await page.getByTestId("field-title").inputValue()} — Báo cáo`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// Regression: a state document's HTML export broke "CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VIỆT NAM" onto two lines and underlined it as well as the motto.
test("a state document's HTML shows the national heading on one line, the rule under the motto only", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("template-tong-ket-nam-hoc").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-superiorbody").fill("Sở Giáo dục và Đào tạo Đồng Tháp");
    const html = await exportAs(page, "html");
    const saved = join(OUTPUT, `state-${html.name}`);
    await copyFile(html.path, saved);
    const viewer = await context.newPage();
    await viewer.goto(pathToFileURL(saved).href);
    const lines = await viewer.locator(".national span").evaluateAll((spans) =>
      spans.map((span) => ({ text: span.textContent, boxes: span.getClientRects().length, rule: getComputedStyle(span).borderBottomStyle })),
    );
    assert.deepEqual(lines, [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", boxes: 1, rule: "none" },
      { text: "Độc lập - Tự do - Hạnh phúc", boxes: 1, rule: "solid" },
    ]);
    await viewer.close();
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
