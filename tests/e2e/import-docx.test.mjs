// End-to-end tests of opening Word files (issue 17): a .docx from the
// Word corpus (tests/corpus/word/, made by tools/make-docx.py) opened
// through the "Mở tệp…" button, with Ctrl+O and by dropping it on the page
// goes through the browser's unzip and the core's reader into the same
// checked dialog as a text: what was found (header fields, parts, tables,
// pictures not placed), then the draft with its table in the preview.
// Hostile Word files (a zip bomb, a cut-off file, a file that is not a Word
// document) give a sentence that says what to do and store nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { join } from "node:path";
import { catchFileChoosers, openApp, useBrowserAndServer, sheetText, OUTPUT } from "./support.mjs";

const suite = useBrowserAndServer();

const WORD = (name) => new URL(`../corpus/word/${name}`, import.meta.url).pathname;
const text = async (page, testid) => (await page.getByTestId(testid).innerText()).trim();
const storedDrafts = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("baocao.draft.")).length);

test("a Word file opened with the button shows what it found, and opens with its table", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await openApp(context, suite.server.url);
    const choosers = await catchFileChoosers(page);
    await page.getByTestId("open-file").click();
    await (await choosers.next()).setFiles(WORD("03-ubnd-xa-thong-ke.docx"));
    await page.getByTestId("import-found").waitFor();
    assert.equal(await text(page, "import-issuing-body"), "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ");
    assert.equal(await text(page, "import-number"), "312/BC-UBND");
    assert.equal(await text(page, "import-place-date"), "Tân Phú, ngày 25 tháng 11 năm 2026");
    assert.equal(await text(page, "import-parts"), "2");
    assert.equal(await text(page, "import-tables"), "1");
    assert.equal(await page.getByTestId("import-ruleset").inputValue(), "state");
    await page.screenshot({ path: join(OUTPUT, "import-docx-dialog.png") });
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    const sheet = await sheetText(page);
    assert.match(sheet, /TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2026/);
    assert.match(sheet, /Bảng 1: Kết quả giảm nghèo và giải quyết việc làm/);
    // The table is a table block in the editor, its figures in cells.
    const cells = await page.locator(".table-block input.table-cell").evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.ok(cells.includes("412"), `cells: ${cells}`);
    await page.screenshot({ path: join(OUTPUT, "import-docx-opened.png") });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a Word file with a picture, dropped or opened with Ctrl+O, says the picture is not placed", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const bytes = [...(await readFile(WORD("08-hinh-anh.docx")))];
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      transfer.items.add(new File([new Uint8Array(bytes)], "hinh-anh.docx", { type }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId("import-found").waitFor();
    assert.equal(await text(page, "import-pictures-unplaced"), "1");
    assert.equal(await text(page, "import-issuing-body"), "TRƯỜNG MẦM NON LONG HẬU");
    await page.getByTestId("import-cancel").click();
    // Ctrl+O opens the same picker.
    const choosers = await catchFileChoosers(page);
    await page.keyboard.press("Control+o");
    await (await choosers.next()).setFiles(WORD("02-dang-uy-xa-hai-phan.docx"));
    await page.getByTestId("import-found").waitFor();
    assert.equal(await text(page, "import-divisions"), "2");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

/// A zip holding `entries` ({ name, data, method: 0 | 8, declared? }), as
/// bytes; `declared` overrides the uncompressed size written.
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw = Buffer.from(entry.data);
    const body = entry.method === 8 ? deflateRawSync(raw) : raw;
    const size = entry.declared ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(entry.method, 10);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

test("hostile Word files give a sentence that says what to do, and store nothing", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").click();
    await page.getByTestId("preview").waitFor();
    const before = await storedDrafts(page);
    // A bomb: 64 MB of one letter, declared as 2 KB.
    const bomb = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES, method: 0 },
      { name: "_rels/.rels", data: RELS, method: 0 },
      { name: "word/document.xml", data: "<w:document>" + "a".repeat(64 * 1024 * 1024), method: 8, declared: 2048 },
    ]);
    const cut = (await readFile(WORD("01-chi-bo-tong-ket.docx"))).subarray(0, 3000);
    const cases = [
      ["bom.docx", bomb, /quá lớn|bung ra/],
      ["cut.docx", cut, /hỏng|không đầy đủ|Word/],
      ["not-word.docx", zip([{ name: "a.txt", data: "hello", method: 0 }]), /.+/],
    ];
    for (const [name, bytes, expected] of cases) {
      const choosers = await catchFileChoosers(page);
      await page.getByTestId("open-file").click();
      await (await choosers.next()).setFiles({
        name,
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: bytes,
      });
      await page.getByTestId("import-error").waitFor({ timeout: 20000 });
      const error = await text(page, "import-error");
      assert.match(error, expected, `${name}: ${error}`);
      // A sentence for people, never a developer's message.
      assert.doesNotMatch(error, /Error|panic|undefined|\{/, `${name}: ${error}`);
      await page.getByTestId("import-cancel").click();
    }
    assert.equal(await storedDrafts(page), before);
    // The open draft is still there, unchanged.
    assert.match(await sheetText(page), /ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO/i);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
