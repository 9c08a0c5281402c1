// End-to-end tests of the import dialog's summary (issue 17): a text
// opened through the "Mở tệp…" button a first-time user clicks, or pasted
// into the box, says what was found (header fields, missing ones named;
// divisions, parts, items, points, tables, appendices; the encoding; the
// lines not placed), offers the ruleset to open it with, and the draft
// opens with the one chosen. A long text shows its reading's progress.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { catchFileChoosers, openApp, useBrowserAndServer, sheetText } from "./support.mjs";

const suite = useBrowserAndServer();

const STATE_TEXT = new URL("../corpus/divisions-tables/03-ubnd-xa-heading-next-line-layout.txt", import.meta.url).pathname;
const SEED_TEXT = new URL("../fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt", import.meta.url).pathname;

/// Opens `file` (a path or { name, mimeType, buffer }) through the visible
/// "Mở tệp…" button and its file chooser, and waits for the summary.
async function openThroughButton(page, file) {
  const choosers = await catchFileChoosers(page);
  await page.getByTestId("open-file").click();
  await (await choosers.next()).setFiles(file);
  await page.getByTestId("import-found").waitFor();
}

const text = async (page, testid) => (await page.getByTestId(testid).innerText()).trim();

test("a State report opened with the button says what it found, and opens with the ruleset chosen", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await openThroughButton(page, STATE_TEXT);
    // A commune's People's Committee has no superior body: the one field missing.
    assert.equal(await text(page, "import-superior-body"), "chưa có — điền sau khi mở");
    assert.equal(await text(page, "import-issuing-body"), "ỦY BAN NHÂN DÂN XÃ HÒA AN");
    assert.equal(await text(page, "import-number"), "96/BC-UBND");
    assert.equal(await text(page, "import-place-date"), "Hòa An, ngày 20 tháng 6 năm 2024");
    assert.equal(await text(page, "import-signer"), "TM. ỦY BAN NHÂN DÂN · CHỦ TỊCH · Trần Minh Khoa");
    assert.equal(await page.locator("[data-missing=true]").count(), 1);
    const figures = {};
    for (const name of ["divisions", "parts", "items", "points", "tables", "appendices"]) {
      figures[name] = await text(page, `import-${name}`);
    }
    assert.deepEqual(figures, { divisions: "2", parts: "5", items: "6", points: "0", tables: "1", appendices: "0" });
    assert.equal(await text(page, "import-encoding"), "Unicode");
    assert.equal(await page.getByTestId("import-unplaced-count").count(), 0);
    // The import read the State motto: State is chosen; the clerk picks Party.
    assert.equal(await page.getByTestId("import-ruleset").inputValue(), "state");
    await page.getByTestId("import-ruleset").selectOption("party");
    // The summary stays, with the choice.
    assert.equal(await text(page, "import-parts"), "5");
    assert.equal(await page.getByTestId("import-ruleset").inputValue(), "party");
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.equal(await page.getByTestId("field-ruleset").inputValue(), "party");
    const sheet = await sheetText(page);
    assert.match(sheet, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.doesNotMatch(sheet, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(sheet, /LĨNH VỰC KINH TẾ/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a web post with no header shows each missing field, and its unplaced line under a count", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await openThroughButton(page, SEED_TEXT);
    const missing = await page.locator("[data-missing=true]").evaluateAll((cells) => cells.map((cell) => cell.dataset.testid));
    assert.deepEqual(missing, [
      "import-superior-body",
      "import-issuing-body",
      "import-number",
      "import-place-date",
      "import-subject",
      "import-signer",
      "import-recipients",
    ]);
    assert.equal(await text(page, "import-issuing-body"), "chưa có — điền sau khi mở");
    assert.match(await text(page, "import-title"), /^HỘI NGHỊ TỔNG KẾT/);
    assert.equal(await text(page, "import-parts"), "2");
    assert.equal(await text(page, "import-items"), "8");
    assert.equal(await text(page, "import-unplaced-count"), "1");
    assert.equal(await text(page, "import-unplaced"), "Tin bài gần đây");
    assert.equal(await page.getByTestId("import-ruleset").inputValue(), "party");
    // In English, the same summary.
    await page.getByTestId("import-cancel").click();
    await page.getByTestId("lang-switch").click();
    await openThroughButton(page, SEED_TEXT);
    assert.equal(await text(page, "import-issuing-body"), "missing — fill it in after opening");
    assert.match(await page.getByTestId("import-figures").innerText(), /Parts \(I, II\)/);
    assert.equal(await text(page, "import-parts"), "2");
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.equal(await page.getByTestId("field-ruleset").inputValue(), "party");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a pasted TCVN3 report names its encoding, and opens as a State report when chosen", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const bytes = await readFile(new URL("../fixtures/tcvn3-bao-cao.txt", import.meta.url));
    await page.getByTestId("paste-text").fill(bytes.toString("latin1"));
    await page.getByTestId("paste-read").click();
    await page.getByTestId("import-found").waitFor();
    assert.equal(await text(page, "import-encoding"), "TCVN3 (.VnTime), đã chuyển sang Unicode (15 dòng)");
    assert.equal(await text(page, "import-number"), "12-BC/ĐU");
    assert.equal(await text(page, "import-place-date"), "Lấp Vò, ngày 05 tháng 01 năm 2026");
    assert.equal(await page.getByTestId("import-ruleset").inputValue(), "party");
    await page.getByTestId("import-ruleset").selectOption("state");
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.equal(await page.getByTestId("field-ruleset").inputValue(), "state");
    assert.match(await sheetText(page), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

/// A report of `items` items under ten parts, each item a paragraph of
/// about 200 words: `items` 300 is about 60,000 words.
function longReport(items) {
  const words = ["kết", "quả", "thực", "hiện", "nhiệm", "vụ", "năm", "học", "giáo", "viên", "học", "sinh", "chất", "lượng"];
  const lines = ["ĐẢNG BỘ HUYỆN LẤP VÒ\t\tĐẢNG CỘNG SẢN VIỆT NAM", "", "BÁO CÁO", "tổng kết năm học", ""];
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
  for (let part = 0; part < 10; part++) {
    lines.push(`${roman[part]}. PHẦN SỐ ${part + 1}`);
    for (let item = 0; item < items / 10; item++) {
      const sentence = Array.from({ length: 200 }, (_, at) => words[(at * 7 + item + part) % words.length]).join(" ");
      lines.push(`${item + 1}. Việc số ${item + 1}`, `Nội dung ${sentence}.`);
    }
  }
  return lines.join("\n");
}

test("a 60,000-word text shows its reading's progress, then its summary", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await page.evaluate(() => {
      window.__progressSeen = [];
      new MutationObserver(() => {
        const progress = document.querySelector("[data-testid=import-progress] progress");
        if (progress) window.__progressSeen.push(Number(progress.value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const report = longReport(300);
    assert.ok(report.split(/\s+/).length > 60000);
    await openThroughButton(page, { name: "bao-cao-dai.txt", mimeType: "text/plain", buffer: Buffer.from(report) });
    const seen = await page.evaluate(() => window.__progressSeen);
    assert.ok(seen.length >= 3, `progress shown ${seen.length} times`);
    assert.equal(await page.getByTestId("import-progress").count(), 0);
    assert.equal(await text(page, "import-parts"), "10");
    assert.equal(await text(page, "import-items"), "300");
    // Cancelled while reading, nothing is shown afterwards.
    await page.getByTestId("import-cancel").click();
    const choosers = await catchFileChoosers(page);
    await page.getByTestId("open-file").click();
    await (await choosers.next()).setFiles({ name: "bao-cao-dai.txt", mimeType: "text/plain", buffer: Buffer.from(report) });
    await page.getByTestId("import-progress").waitFor();
    await page.getByTestId("import-cancel").click();
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId("import-dialog").count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
