// End-to-end test of the DOCX export: the file the release app downloads is
// converted by LibreOffice (an independent reader) to PDF, which must be A4
// and hold every paragraph of the sample with its diacritics, with page
// numbers from page 2, and carry the ruleset's id from the DOCX properties.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { docxToPdf, downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

// pdftotext splits words of justified lines ("Đ ảng") and joins short
// lines to the next; comparing without any white space sees through that.
const fold = (text) => text.normalize("NFC").replace(/\s+/g, "");

test("the DOCX export opens in LibreOffice as A4 with the whole sample", { timeout: 180000 }, async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    const docx = join(OUTPUT, "sample.docx");
    await copyFile(await download.path(), docx);

    const pdf = await docxToPdf(docx);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /Page size:\s+59[456](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    // LibreOffice reads the ruleset from the file's properties (core.xml's
    // keywords) and carries it into the PDF.
    assert.match(info, /Keywords:\s+party-hd36-2018\/qd399-2026\n/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 2, `${pages} pages`);
    const pageText = (number) =>
      execFileSync("pdftotext", ["-enc", "UTF-8", "-f", `${number}`, "-l", `${number}`, pdf, "-"], { encoding: "utf8" });
    const text = fold(
      Array.from({ length: pages }, (_, index) => {
        const lines = pageText(index + 1).split("\n");
        const first = lines.findIndex((line) => line.trim() !== "");
        if (index > 0 && lines[first]?.trim() === `${index + 1}`) lines.splice(first, 1);
        return lines.join("\n");
      }).join("\n"),
    );
    const preview = await sheetText(page);
    // Every sentence, with its diacritics (the "-----" rule is decoration).
    for (const paragraph of preview.split("\n").map(fold).filter((line) => line.length > 0 && line !== "-----")) {
      assert.ok(text.includes(paragraph), `missing from the DOCX: ${paragraph}`);
    }
    assert.match(pageText(2).trim().split("\n")[0].trim(), /^2$/);
    assert.doesNotMatch(pageText(1).trim().split("\n")[0].trim(), /^1$/);
  } finally {
    await context.close();
  }
});

// Regression: in a state document (NĐ 30/2020) LibreOffice broke the
// national heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" onto two lines: its
// column was 1 mm wider than the heading.
test("a state document's national heading stays on one line in LibreOffice", { timeout: 180000 }, async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("template-tong-ket-nam-hoc").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-superiorbody").fill("Sở Giáo dục và Đào tạo Đồng Tháp");
    await page.getByTestId("field-issuingbody").fill("Trường THPT Lấp Vò 2");
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    const docx = join(OUTPUT, "state.docx");
    await copyFile(await download.path(), docx);
    const pdf = await docxToPdf(docx);
    const first = execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-f", "1", "-l", "1", pdf, "-"], {
      encoding: "utf8",
    }).normalize("NFC");
    const lines = first.split("\n").slice(0, 4).join("\n");
    assert.match(lines, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/, lines);
    assert.match(lines, /Độc lập - Tự do - Hạnh phúc/, lines);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
