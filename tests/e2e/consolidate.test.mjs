// End-to-end tests of "Tổng hợp báo cáo…" (issue 18): three units' files
// (two drafts and a .txt, with tests/fixtures/units/) and a broken one
// chosen at once through the dialog's button; each file's status, the
// unmatched section, the order changed with the buttons, the completeness
// table and its CSV; then the consolidated draft opened, with each unit's
// text attributed and the tables summed. Thirty units' completeness table
// stays readable at 1366 × 768.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { catchFileChoosers, downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";
import { unitFile } from "./units.mjs";

const suite = useBrowserAndServer();

const UNIT = async (name) => ({
  name,
  mimeType: name.endsWith(".txt") ? "text/plain" : "application/json",
  buffer: await readFile(new URL(`../fixtures/units/${name}`, import.meta.url).pathname),
});
const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((node) => node.textContent.trim()));
/// The drafts in the library: one entry each in local storage (a closed
/// draft's text is in IndexedDB).
const storedDrafts = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("baocao.meta.")).length);

/// Waits until no chosen file is still being read.
async function allRead(page, count) {
  await page.waitForFunction(
    (count) => {
      const items = [...document.querySelectorAll("[data-testid=consolidate-source]")];
      return items.length === count && items.every((item) => item.dataset.status !== "reading");
    },
    count,
    { timeout: 20000 },
  );
}

/// The marks of the completeness row whose heading starts with `reference`.
async function completenessRow(page, reference) {
  return page.locator(".completeness tbody tr").evaluateAll(
    (rows, reference) => {
      const row = rows.find((row) => row.querySelector("th").textContent.startsWith(`${reference} `));
      return row ? [...row.querySelectorAll("td")].map((cell) => cell.textContent.trim()) : null;
    },
    reference,
  );
}

test("three units' files are consolidated: statuses, order, completeness and its CSV, then the draft", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("consolidate-open").click();
    const dialog = page.getByTestId("consolidate-dialog");
    await dialog.waitFor();
    const choosers = await catchFileChoosers(page);
    await page.getByTestId("consolidate-pick").click();
    await (await choosers.next()).setFiles([
      await UNIT("chi-bo-ap-1.baocao.json"),
      await UNIT("chi-bo-ap-2.baocao.json"),
      await UNIT("chi-bo-ap-3.txt"),
      { name: "hong.baocao.json", mimeType: "application/json", buffer: Buffer.from('{"format": "baocao-draft", "version": 3, "document": ') },
    ]);
    await allRead(page, 4);
    const statuses = await texts(page.getByTestId("consolidate-source"));
    assert.match(statuses[0], /^chi-bo-ap-1\.baocao\.json: Đã đọc, đơn vị: Chi bộ Ấp 1$/);
    assert.match(statuses[2], /^chi-bo-ap-3\.txt: Đã đọc, đơn vị: Chi bộ Ấp 3$/);
    // The broken file is named with a sentence, and nothing else is lost.
    assert.match(statuses[3], /^hong\.baocao\.json: .{20,}/);
    assert.equal(await page.getByTestId("consolidate-source").nth(3).getAttribute("data-status"), "problem");
    assert.deepEqual(await texts(page.getByTestId("consolidate-unit-name")), ["Chi bộ Ấp 1", "Chi bộ Ấp 2", "Chi bộ Ấp 3"]);

    // Ấp 2's extra part is offered for mapping; left as it is, it goes to
    // the last part.
    const unmatched = await texts(page.getByTestId("consolidate-unmatched").locator("th"));
    assert.deepEqual(unmatched, ["Chi bộ Ấp 2: III Công tác dân vận"]);
    assert.equal(await page.getByTestId("consolidate-target").inputValue(), "other");

    // The completeness table: filled, "không có" (KC), missing (—).
    assert.deepEqual(await completenessRow(page, "I.2"), ["✓", "✓", "KC"]);
    assert.deepEqual(await completenessRow(page, "II.2"), ["KC", "✓", "—"]);

    // Ấp 3 moved up: it is printed second, and the table follows.
    await page.getByTestId("consolidate-up").nth(2).click();
    assert.deepEqual(await texts(page.getByTestId("consolidate-unit-name")), ["Chi bộ Ấp 1", "Chi bộ Ấp 3", "Chi bộ Ấp 2"]);
    assert.deepEqual(await texts(page.locator(".completeness thead th")), ["Mục", "Ấp 1", "Ấp 3", "Ấp 2"]);
    assert.deepEqual(await completenessRow(page, "II.2"), ["KC", "—", "✓"]);
    await dialog.screenshot({ path: join(OUTPUT, "consolidate-dialog-3-units.png") });

    const download = await downloadOf(page, () => page.getByTestId("consolidate-csv").click());
    assert.equal(download.suggestedFilename(), "bang-kiem-tra-tong-hop.csv");
    const csv = (await readFile(await download.path(), "utf8")).split("\r\n");
    assert.equal(csv[0], "\ufeffMục,Tiêu đề,Chi bộ Ấp 1,Chi bộ Ấp 3,Chi bộ Ấp 2");
    assert.ok(csv.includes('II.2,Kỷ luật,Không có,Thiếu mục,Có nội dung'), csv.join("\n"));

    await page.getByTestId("consolidate-create").click();
    await page.getByTestId("preview").waitFor();
    assert.equal(await dialog.count(), 0);
    const sheet = await sheetText(page);
    assert.match(sheet, /Chi bộ Ấp 1: Chi bộ tổ chức học tập Nghị quyết cho 25\/25 đảng viên\./);
    // Written as the body the units report to, by its committee.
    assert.match(sheet, /ĐẢNG ỦY XÃ TÂN HÒA/);
    // In the order set: Ấp 3 before Ấp 2.
    assert.ok(sheet.indexOf("Chi bộ Ấp 3: Chi bộ tổ chức") < sheet.indexOf("Chi bộ Ấp 2: Chi bộ tổ chức"), sheet);
    assert.match(sheet, /Chi bộ Ấp 3: không có\./);
    assert.match(sheet, /NỘI DUNG KHÁC CỦA CÁC ĐƠN VỊ/);
    assert.match(sheet, /Chi bộ Ấp 2 – Công tác dân vận: Vận động nhân dân hiến 300 m² đất làm đường\./);
    // The table summed: 3 + 4 planned, 2 + 3 done, 71,4 % worked out again.
    const summed = await page.locator("#preview-sheet table.doc-table").first().evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
    );
    assert.deepEqual(summed[0], ["Kết nạp đảng viên mới", "7", "5", "71,4"]);
    assert.deepEqual(summed.at(-1), ["Tổng cộng", "10", "8", "80,0"]);
    assert.equal(await storedDrafts(page), 1);
    await page.screenshot({ path: join(OUTPUT, "consolidate-draft.png") });

    // While writing: a section shows each unit's own text beside it, under
    // the unit's name, in the order set, and one can be copied in (undo
    // takes it out again).
    const toggle = page.getByTestId("beside-units").first();
    assert.match(await toggle.textContent(), /các đơn vị \(3\)/);
    const section = page.getByTestId("section-editor").filter({ has: toggle });
    await toggle.click();
    const panel = section.getByTestId("beside-panel").first();
    await panel.waitFor();
    assert.deepEqual(await texts(panel.getByTestId("beside-label")), ["Chi bộ Ấp 1", "Chi bộ Ấp 3", "Chi bộ Ấp 2"]);
    const own = await panel.getByTestId("beside-body").first().textContent();
    assert.match(own, /25\/25 đảng viên/);
    assert.doesNotMatch(own, /Chi bộ Ấp 1:/);
    const fields = () => section.locator("textarea").evaluateAll((areas) => areas.map((area) => area.value));
    const before = await fields();
    await panel.getByTestId("beside-copy-in").first().click();
    const after = await fields();
    assert.ok(after.length > before.length, `${before.length} -> ${after.length}`);
    assert.ok(after.some((value) => /^Chi bộ tổ chức học tập Nghị quyết cho 25\/25 đảng viên/.test(value)), after.join(" | "));
    assert.match(await page.getByTestId("status").textContent(), /bài của đơn vị/);
    await page.screenshot({ path: join(OUTPUT, "consolidate-beside.png") });
    await page.getByTestId("undo").click();
    assert.deepEqual(await fields(), before);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("thirty units: the completeness table fits 1366 × 768 with its header and first column in view", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("consolidate-open").click();
    const choosers = await catchFileChoosers(page);
    await page.getByTestId("consolidate-pick").click();
    await (await choosers.next()).setFiles(
      Array.from({ length: 30 }, (_, i) => ({ name: `ap-${i + 1}.baocao.json`, mimeType: "application/json", buffer: Buffer.from(unitFile(i + 1)) })),
    );
    await allRead(page, 30);
    const scroll = page.getByTestId("consolidate-completeness");
    await scroll.scrollIntoViewIfNeeded();
    const heads = await texts(page.locator(".completeness thead th"));
    assert.equal(heads.length, 31);
    assert.equal(heads[30], "Ấp 30");
    assert.equal(await page.locator(".completeness thead th").nth(30).getAttribute("title"), "Chi bộ Ấp 30");
    await page.screenshot({ path: join(OUTPUT, "consolidate-30-units.png") });
    // Every unit's column is on screen without scrolling sideways.
    const fit = await scroll.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth, right: box.getBoundingClientRect().right }));
    assert.ok(fit.scroll <= fit.client + 1, JSON.stringify(fit));
    assert.ok(fit.right <= 1366, JSON.stringify(fit));
    // Scrolled down, the units' header stays at the top of the box.
    await scroll.evaluate((box) => (box.scrollTop = box.scrollHeight));
    const stuck = await page.evaluate(() => {
      const box = document.querySelector("[data-testid=consolidate-completeness]").getBoundingClientRect();
      const head = document.querySelector(".completeness thead th:nth-child(2)").getBoundingClientRect();
      return Math.abs(head.top - box.top);
    });
    assert.ok(stuck < 3, `header ${stuck}px from the top`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a draft of the library, a Word file on another outline and a unit sent twice: reported, mapped, nothing dropped", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    // Ấp 1's report is in the library first, opened as a file is.
    await page.getByTestId("file-input").setInputFiles(await UNIT("chi-bo-ap-1.baocao.json"));
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("close-draft").click();
    await page.getByTestId("welcome").waitFor();

    await page.getByTestId("consolidate-open").click();
    await page.getByTestId("consolidate-library").locator("summary").click();
    await page.getByTestId("consolidate-draft").check();
    const word = new URL("../corpus/word/03-ubnd-xa-thong-ke.docx", import.meta.url).pathname;
    const choosers = await catchFileChoosers(page);
    await page.getByTestId("consolidate-pick").click();
    // The Word file first: it takes longest to read, and the units still
    // come in the order chosen. Ấp 1's file comes again, sent twice.
    await (await choosers.next()).setFiles([
      { name: "ubnd-tan-phu.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await readFile(word) },
      await UNIT("chi-bo-ap-2.baocao.json"),
      { ...(await UNIT("chi-bo-ap-1.baocao.json")), name: "chi-bo-ap-1-gui-lai.baocao.json" },
    ]);
    await allRead(page, 4);
    assert.deepEqual(await texts(page.getByTestId("consolidate-unit-name")), ["Chi bộ Ấp 1", "Ủy ban nhân dân xã Tân Phú", "Chi bộ Ấp 2", "Chi bộ Ấp 1"]);
    let notes = (await texts(page.getByTestId("consolidate-notes").locator("li"))).join("\n");
    assert.match(notes, /“Chi bộ Ấp 1” có hai lần/);
    assert.match(notes, /Ủy ban nhân dân xã Tân Phú: chỉ 0\/\d+ mục khớp với dàn ý/);
    // The user leaves the second Ấp 1 out: the note goes.
    await page.getByTestId("consolidate-leave-out").nth(3).click();
    assert.deepEqual(await texts(page.getByTestId("consolidate-unit-name")), ["Chi bộ Ấp 1", "Ủy ban nhân dân xã Tân Phú", "Chi bộ Ấp 2"]);
    notes = (await texts(page.getByTestId("consolidate-notes").locator("li"))).join("\n");
    assert.doesNotMatch(notes, /hai lần/);
    assert.match(await page.getByTestId("consolidate-left-out").innerText(), /Chi bộ Ấp 1/);
    // Ấp 2's extra part, sent to II.1 with the visible choice.
    const row = page.getByTestId("consolidate-unmatched").filter({ hasText: "Công tác dân vận" });
    const choice = row.getByTestId("consolidate-target");
    const value = await choice.locator("option").evaluateAll((options) => options.find((o) => o.textContent.includes("II.1 Kiểm tra")).value);
    await choice.selectOption(value);
    // Once chosen it stays listed, with its choice.
    assert.equal(await page.getByTestId("consolidate-unmatched").filter({ hasText: "Công tác dân vận" }).getByTestId("consolidate-target").inputValue(), value);
    await page.getByTestId("consolidate-breakdown-rows").check();
    await page.getByTestId("consolidate-create").click();
    await page.getByTestId("preview").waitFor();
    const sheet = await sheetText(page);
    const kiemTra = sheet.indexOf("Chi bộ Ấp 2: Chi bộ Ấp 2 kiểm tra");
    assert.ok(kiemTra > 0 && sheet.indexOf("Vận động nhân dân hiến 300 m²") > kiemTra, sheet);
    // The Word unit's text is all in the last part, under its name.
    assert.match(sheet, /NỘI DUNG KHÁC CỦA CÁC ĐƠN VỊ[\s\S]*Ủy ban nhân dân xã Tân Phú – /);
    // Rows per unit under the summed figures.
    const rows = await page.locator("#preview-sheet table.doc-table").first().evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
    );
    assert.deepEqual(rows.slice(0, 3), [
      ["Kết nạp đảng viên mới", "7", "5", "71,4"],
      ["Chi bộ Ấp 1", "3", "2", "66,7"],
      ["Chi bộ Ấp 2", "4", "3", "75,0"],
    ]);
    assert.equal(await storedDrafts(page), 2);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
