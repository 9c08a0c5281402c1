// End-to-end test of printing: "In / PDF" opens the browser's print dialog,
// and Chromium's print-to-PDF of the page gives A4 pages in the official
// layout with every paragraph of the sample, diacritics intact, and a page
// number from page 2 on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BROWSER, openApp, OUTPUT, printToPdf, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const fold = (text) => text.normalize("NFC").replace(/\s+/g, " ").trim();

test("printing gives A4 pages with the whole sample and page numbers from page 2", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => window.__printed++;
    });
    await page.getByTestId("print").click();
    // The dialog opens at the next frame, once the sheet shows the last change.
    await page.waitForFunction(() => window.__printed === 1);
    // Firefox's print has no page numbers and no line keeping: it is told
    // so, and pointed to the Word file. Chromium prints as the preview shows.
    const status = (await page.getByTestId("status").textContent()) ?? "";
    if (BROWSER === "firefox") assert.match(status, /Firefox in không đánh số trang.*tải tệp Word/);
    else assert.doesNotMatch(status, /Firefox/);

    const pdf = join(OUTPUT, "sample.pdf");
    await printToPdf(page, pdf);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /Page size:\s+59[456](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    // The PDF (and the file name "Save as PDF" suggests) carries the
    // draft's name, not the app's.
    const title = await page.getByTestId("field-title").inputValue();
    assert.ok(title.length > 10, title);
    // Firefox's print over BiDi writes no title into the PDF.
    if (BROWSER === "chromium") assert.equal(/^Title:\s+(.*)$/m.exec(info)[1], `${title} — Báo cáo`);
    assert.equal(await page.title(), `${title} — Báo cáo`);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 2, `${pages} pages`);

    // The text of every page, without the page number at its top.
    const pageText = (number) => execFileSync("pdftotext", ["-enc", "UTF-8", "-f", `${number}`, "-l", `${number}`, pdf, "-"], { encoding: "utf8" });
    const text = fold(
      Array.from({ length: pages }, (_, index) => {
        const lines = pageText(index + 1).split("\n");
        const firstLine = lines.findIndex((line) => line.trim() !== "");
        if (index > 0 && lines[firstLine]?.trim() === `${index + 1}`) lines.splice(firstLine, 1);
        return lines.join("\n");
      }).join("\n"),
    );
    const preview = await sheetText(page);
    for (const paragraph of preview.split("\n").map(fold).filter((line) => line.length > 0)) {
      assert.ok(text.includes(paragraph), `missing from the PDF: ${paragraph}`);
    }
    assert.match(text, /Số 12-BC\/ĐU/);
    assert.match(text, /Tác giả|T\/M ĐẢNG ỦY/);
    // The editor and toolbar do not print.
    assert.doesNotMatch(text, /Thông tin văn bản|Hoàn tác|DÀN Ý/);
    const second = execFileSync("pdftotext", ["-enc", "UTF-8", "-f", "2", "-l", "2", "-layout", pdf, "-"], { encoding: "utf8" });
    // Page numbers are @page margin boxes, which Firefox does not print
    // (the message above says so).
    if (BROWSER === "chromium") assert.match(second.trim().split("\n")[0].trim(), /^2$/);
    const first = execFileSync("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", "-layout", pdf, "-"], { encoding: "utf8" });
    assert.doesNotMatch(first.trim().split("\n")[0].trim(), /^1$/);
  } finally {
    await context.close();
  }
});

// Regression: the page lines and the shadow were painted with the sheet's
// text, so every key typed with the preview in view redrew them in each
// tile of the sheet on screen (about 8 ms a key in software raster). They
// now sit on a layer of their own under the text, and are left out of print.
test("the sheet's page lines and shadow sit on a layer of their own under the text, and are not printed", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    const sheet = page.getByTestId("preview");
    await sheet.waitFor();
    const styles = () =>
      sheet.evaluate((element) => {
        const own = getComputedStyle(element);
        const lines = getComputedStyle(element, "::before");
        return {
          sheetBackground: own.backgroundImage,
          sheetShadow: own.boxShadow,
          isolation: own.isolation,
          display: lines.display,
          position: lines.position,
          zIndex: lines.zIndex,
          willChange: lines.willChange,
          anchor: lines.overflowAnchor,
          background: lines.backgroundImage,
          shadow: lines.boxShadow,
        };
      });
    const screen = await styles();
    assert.equal(screen.sheetBackground, "none");
    assert.equal(screen.sheetShadow, "none");
    assert.equal(screen.isolation, "isolate");
    assert.equal(screen.position, "absolute");
    assert.equal(screen.zIndex, "-1");
    assert.equal(screen.willChange, "transform");
    // Scroll anchoring must not pick the sheet-high layer: the preview would
    // then drift while the sizes of parts not yet shown are worked out (the
    // long-report test's scroll to the last line fails).
    assert.equal(screen.anchor, "none");
    // No lines at fixed intervals: the page marks show where the print
    // breaks pages (pagination.test.mjs).
    assert.equal(screen.background, "none");
    assert.notEqual(screen.shadow, "none");

    const marks = await page.getByTestId("page-marks").evaluate((element) => getComputedStyle(element).willChange);
    assert.equal(marks, "transform");

    // Playwright emulates print media in Chromium only; Firefox's print
    // styles are checked in tests/firefox/.
    if (BROWSER === "chromium") {
      await page.emulateMedia({ media: "print" });
      assert.equal((await styles()).display, "none");
      assert.equal(await page.getByTestId("page-marks").evaluate((element) => getComputedStyle(element).display), "none");
    }
  } finally {
    await context.close();
  }
});
