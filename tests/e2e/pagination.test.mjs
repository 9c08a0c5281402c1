// End-to-end test of one pagination: the app's print (Chromium's
// print-to-PDF of the preview) and the DOCX export (as LibreOffice lays it
// out) break pages at the same places. For the seed sample (Party) and for
// State reports from one page to three, both PDFs are read back with
// `pdftotext -layout`: they must have as many pages, and each page must
// start with the same line, give or take one line (Chromium and LibreOffice
// may wrap a justified line a word apart). A table of what was found is
// written to OUTPUT/pagination.txt.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BROWSER, downloadOf, openApp, OUTPUT, printToPdf, typeOver, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const FIXTURE = new URL("../fixtures/drafts/v2-envelope.json", import.meta.url);

/// Every DOCX in `docxs` converted to PDF beside it by one LibreOffice run
/// (its own profile); returns the PDFs' paths.
function convertToPdf(docxs) {
  return mkdtemp(join(tmpdir(), "lo-")).then((profile) => {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", OUTPUT, ...docxs],
      { stdio: "pipe", timeout: 300000 },
    );
    return docxs.map((docx) => docx.replace(/\.docx$/, ".pdf"));
  });
}

const pageCount = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);

/// The text lines of each page of `pdf`, white space taken out (justified
/// lines are spaced differently by each program), empty lines and the page
/// number at a page's top left out.
function pages(pdf) {
  return Array.from({ length: pageCount(pdf) }, (_, index) => {
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-f", `${index + 1}`, "-l", `${index + 1}`, pdf, "-"], {
      encoding: "utf8",
    });
    const lines = text
      .normalize("NFC")
      .split("\n")
      .map((line) => line.replace(/\s+/g, ""))
      .filter((line) => line.length > 0);
    if (index > 0 && lines[0] === `${index + 1}`) lines.shift();
    return lines;
  });
}

/// Where the pages of `a` and `b` disagree: a different number of pages,
/// or a page of `b` that does not start within one line of where `a`'s
/// does. Returns a list of sentences, empty when they agree.
/// The disagreements that count with the browser's print on one side:
/// all of them in Chromium; in Firefox, whose print keeps no lines
/// together and breaks a line or a row away (print_support.rs, and the
/// app says so when Firefox prints), only a different page count.
function printDisagreements(a, b) {
  const problems = disagreements(a, b);
  return BROWSER === "firefox" ? problems.filter((problem) => / pages against /.test(problem)) : problems;
}

function disagreements(a, b) {
  const problems = [];
  if (a.length !== b.length) problems.push(`${a.length} pages against ${b.length}`);
  const all = b.flat();
  let start = 0;
  for (let index = 1; index < Math.min(a.length, b.length); index++) {
    start += b[index - 1].length;
    const first = a[index][0] ?? "";
    // The first characters of `a`'s page, looked for in `b`'s lines from
    // the one before its page's first to the one after.
    const near = all.slice(Math.max(0, start - 1), start + 2).join("");
    const probe = first.slice(0, 12);
    if (!near.includes(probe)) problems.push(`page ${index + 1} starts with ${first} against ${b[index][0]}`);
  }
  return problems;
}

/// A State report (Nghị định 30) of `items` items, each a paragraph and a
/// list of one-line bullets, as a draft file.
async function stateDraft(items) {
  const envelope = JSON.parse(await readFile(FIXTURE, "utf8"));
  const document = envelope.document;
  let id = 1000;
  document.meta = {
    ...document.meta,
    ruleset: "state",
    superior_body: "UBND XÃ MỸ AN HƯNG",
    issuing_body: "TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ MỸ AN HƯNG",
    number_symbol: "02/BC-THCS",
    subject: "tổng kết năm học 2025 - 2026",
    date: { day: 29, month: 5, year: 2026 },
  };
  document.closing = {
    ...document.closing,
    signing_authority: "",
    position: "HIỆU TRƯỞNG",
    signer_name: "Nguyễn Thị Thu Hà",
    recipients: ["UBND xã Mỹ An Hưng", "Lưu: VT"],
  };
  document.preamble = [];
  const item = (number) => ({
    id: id++,
    heading: `Kết quả thực hiện nhiệm vụ thứ ${number}`,
    heading_locked: false,
    guidance: "",
    children: [],
    blocks: [
      {
        type: "paragraph",
        id: id++,
        text:
          `Trong năm học, nhà trường đã triển khai nhiệm vụ thứ ${number} theo kế hoạch, bám sát hướng dẫn của cấp trên, ` +
          "phân công cụ thể cho từng tổ chuyên môn, thường xuyên kiểm tra, đánh giá và kịp thời điều chỉnh những nội dung chưa phù hợp.",
      },
      {
        type: "list",
        id: id++,
        items: ["Tổ chức hội nghị triển khai;", "Phân công giáo viên phụ trách;", "Kiểm tra, đánh giá định kỳ."].map((text) => ({
          id: id++,
          text,
          blocks: [],
        })),
      },
    ],
  });
  const parts = [];
  for (let number = 1; number <= items; number++) {
    if (parts.length === 0 || parts.at(-1).children.length === 3) {
      parts.push({ id: id++, heading: `Phần thứ ${parts.length + 1}`, heading_locked: false, guidance: "", blocks: [], children: [] });
    }
    parts.at(-1).children.push(item(number));
  }
  document.sections = parts;
  document.next_id = id;
  document.title = `Báo cáo ${items} mục`;
  envelope.meta = { ...envelope.meta, title: document.title };
  return JSON.stringify(envelope);
}

/// The seed sample (Party) as a draft file, issued by `issuing` under
/// `superior`, with `parts` of its parts.
async function partyDraft(superior, issuing, parts) {
  const envelope = JSON.parse(await readFile(FIXTURE, "utf8"));
  const document = envelope.document;
  document.meta = { ...document.meta, superior_body: superior, issuing_body: issuing, number_symbol: "05-BC/CB" };
  document.sections = document.sections.slice(0, parts);
  return JSON.stringify(envelope);
}

/// The words of `pdf`'s first page with their boxes (pdftotext -bbox).
function words(pdf) {
  const html = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[5].normalize("NFC"),
  }));
}

/// The lines of the header's left column on `pdf`'s first page (the words
/// above "BÁO CÁO" left of `edge` points), each a list of words.
function headerLeftLines(pdf, edge) {
  const all = words(pdf);
  const title = all.find((word) => word.text === "BÁO");
  const lines = new Map();
  for (const word of all.filter((word) => word.yMin < title.yMin && word.xMax <= edge)) {
    const key = Math.round(word.yMin);
    lines.set(key, [...(lines.get(key) ?? []), word.text]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
}

/// On which page of `pages` (lines without white space) `text` is last.
const pageOf = (pages, text) => pages.findLastIndex((lines) => lines.some((line) => line.includes(text.replace(/\s+/g, ""))));

/// Opens a fresh app, then either the seed sample or `draft`; runs
/// `before` on the page if given (to change settings through the form);
/// prints the preview to `name`.pdf and exports `name`.docx. Returns both

/// Opens the sample (with a number) when `draft` is null, or imports
/// `draft` as `name`.baocao.json, and waits for the preview.
async function openDraft(page, name, draft) {
  if (draft === null) {
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
  } else {
    await page.getByTestId("file-input").setInputFiles({ name: `${name}.baocao.json`, mimeType: "application/json", buffer: Buffer.from(draft) });
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
  }
}

/// paths.
async function printAndExport(name, draft, before = null) {
  const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await openDraft(page, name, draft);
    if (before !== null) await before(page);
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    const docx = join(OUTPUT, `${name}.docx`);
    await copyFile(await download.path(), docx);
    const printed = join(OUTPUT, `${name}.print.pdf`);
    await printToPdf(page, printed);
    assert.deepEqual(page.problems, []);
    return { name, docx, printed };
  } finally {
    await context.close();
  }
}

// Long names of real bodies, which a column too narrow, or broken by
// the width alone, leaves with one word alone on a line.
const LONG_NAMES = [
  ["ĐẢNG BỘ XÃ MỸ AN HƯNG", "CHI BỘ TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ XÃ MỸ AN HƯNG", 4],
  ["ĐẢNG BỘ TỈNH ĐỒNG THÁP", "ĐẢNG ỦY TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN NGUYỄN QUANG DIÊU", 7],
];

test("the print and the DOCX break pages at the same lines, from one page to three", { timeout: 600000 }, async () => {
  const runs = [await printAndExport("pagination-party-sample", null)];
  for (const [index, [superior, issuing, parts]] of LONG_NAMES.entries()) {
    runs.push(await printAndExport(`pagination-party-${index + 1}`, await partyDraft(superior, issuing, parts)));
  }
  for (const items of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    runs.push(await printAndExport(`pagination-state-${items}`, await stateDraft(items)));
  }
  const converted = await convertToPdf(runs.map((run) => run.docx));
  const table = [];
  const failures = [];
  runs.forEach((run, index) => {
    const outputs = [
      ["print", pages(run.printed)],
      ["DOCX", pages(converted[index])],
    ];
    const firsts = (all) => all.slice(1).map((lines) => (lines[0] ?? "").slice(0, 24)).join(" | ");
    table.push(`${run.name}: ${outputs.map(([output, all]) => `${output} ${all.length} pages [${firsts(all)}]`).join(", ")}`);
    for (const problem of printDisagreements(outputs[0][1], outputs[1][1])) failures.push(`${run.name}: ${problem}`);
    // Every letter and the page number in Times New Roman's metrics: before,
    // LibreOffice set the DOCX's page number in DejaVu Sans.
    for (const pdf of [run.printed, converted[index]]) {
      const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter((line) => line.trim() !== "");
      for (const font of fonts) if (!/^[A-Z]{6}\+(LiberationSerif|TimesNewRoman)/.test(font)) failures.push(`${pdf}: ${font.split(" ")[0]}`);
    }
    // The closing is never split: "Nơi nhận:", the position and the
    // signer's name on one page.
    const [position, signer] = run.name.startsWith("pagination-state") ? ["HIỆU TRƯỞNG", "Nguyễn Thị Thu Hà"] : ["BÍ THƯ", "Nguyễn Văn Kiệt"];
    for (const [output, all] of outputs) {
      const at = [pageOf(all, "Nơi nhận:"), pageOf(all, position), pageOf(all, signer)];
      if (at.some((page) => page !== at[0] || page < 0)) failures.push(`${run.name}, ${output}: the closing is split over pages ${at.map((page) => page + 1)}`);
    }
  });
  // The header's left column: no line of a body's name is one word alone.
  for (const [index, [superior, issuing]] of LONG_NAMES.entries()) {
    // The left column is 42 % of the 165 mm between the margins, from 30 mm.
    const edge = ((30 + 165 * 0.42) * 72) / 25.4;
    for (const pdf of [runs[index + 1].printed, converted[index + 1]]) {
      const lines = headerLeftLines(pdf, edge);
      const names = lines.filter((line) => !(line.length === 1 && line[0] === "*") && line[0] !== "Số");
      table.push(`${pdf.split("/").at(-1)} header: ${names.map((line) => line.join(" ")).join(" / ")}`);
      assert.equal(names.flat().join(" "), `${superior} ${issuing}`, `${pdf}: ${JSON.stringify(lines)}`);
      for (const line of names) if (line.length < 2) failures.push(`${pdf}: a header line of one word: ${JSON.stringify(names)}`);
    }
  }
  await writeFile(join(OUTPUT, "pagination.txt"), table.join("\n") + "\n");
  // From one page to three.
  const counts = runs.map((run) => pageCount(run.printed));
  assert.ok(counts.includes(1) && Math.max(...counts) >= 3, `${counts}`);
  assert.deepEqual(failures, [], table.join("\n"));
});

/// Page width and height of `pdf` in points.
const pageSize = (pdf) => {
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }));
  return [Number(width), Number(height)];
};

/// The size of the body text on `pdf`'s first page, in points: the height
/// of the word box of "Trong" (which opens each item's paragraph).
const bodyWordHeight = (pdf) => {
  const html = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  const [, yMin, yMax] = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Trong<\/word>/.exec(html);
  return Number(yMax) - Number(yMin);
};

// Typed in the details form: body 13 pt, 1.5 lines, left margin 35 mm,
// landscape.
const choose = async (page) => {
  for (const [id, value] of [
    ["field-page-body-size", "13"],
    ["field-page-line-spacing", "1.5"],
    ["field-page-margin-left", "35"],
  ]) {
    await typeOver(page.getByTestId(id), value);
  }
  await page.getByTestId("field-page-orientation").selectOption("landscape");
  await page.waitForFunction(() => getComputedStyle(document.getElementById("preview-sheet")).getPropertyValue("--page-width").trim() === "297mm");
};
// Portrait at 13 pt single spaced, with margins at the other end of
// their ranges, over a longer report.
const single = async (page) => {
  for (const [id, value] of [
    ["field-page-body-size", "13"],
    ["field-page-line-spacing", "1"],
    ["field-page-margin-top", "25"],
    ["field-page-margin-bottom", "25"],
    ["field-page-margin-right", "20"],
  ]) {
    await typeOver(page.getByTestId(id), value);
  }
  await page.waitForFunction(() => getComputedStyle(document.getElementById("preview-sheet")).getPropertyValue("--margin-top").trim() === "25mm");
};

test("page settings chosen in the form reach the print and the DOCX alike", { timeout: 600000 }, async () => {
  const draft = await stateDraft(6);
  const runs = [
    await printAndExport("page-settings-default", draft),
    await printAndExport("page-settings-chosen", draft, choose),
    await printAndExport("page-settings-single", await stateDraft(10), single),
  ];
  const converted = await convertToPdf(runs.map((run) => run.docx));
  const table = [];
  const failures = [];
  runs.forEach((run, index) => {
    const outputs = [
      ["print", run.printed, pages(run.printed)],
      ["DOCX", converted[index], pages(converted[index])],
    ];
    const firsts = (all) => all.slice(1).map((lines) => (lines[0] ?? "").slice(0, 24)).join(" | ");
    table.push(
      `${run.name}: ${outputs
        .map(([output, pdf, all]) => `${output} ${pageSize(pdf).map(Math.round).join("x")} pt, body ${bodyWordHeight(pdf).toFixed(1)}, ${all.length} pages [${firsts(all)}]`)
        .join(", ")}`,
    );
    for (const problem of printDisagreements(outputs[0][2], outputs[1][2])) failures.push(`${run.name}: ${problem}`);
    for (const [output, pdf] of outputs) {
      const [width, height] = pageSize(pdf);
      const landscape = run.name.endsWith("chosen");
      if (landscape !== width > height) failures.push(`${run.name}, ${output}: page ${width} x ${height}`);
    }
  });
  await writeFile(join(OUTPUT, "page-settings.txt"), table.join("\n") + "\n");
  assert.deepEqual(failures, [], table.join("\n"));
  // The chosen settings change the layout: smaller letters in both, and
  // more pages (fewer, taller lines on a landscape page).
  const [portrait, chosen] = runs.map((run) => run.printed);
  const [portraitDocx, chosenDocx] = converted;
  for (const [before, after] of [
    [portrait, chosen],
    [portraitDocx, chosenDocx],
  ]) {
    assert.ok(bodyWordHeight(after) < bodyWordHeight(before) - 0.5, table.join("\n"));
    assert.ok(pageCount(after) > pageCount(before), table.join("\n"));
  }
});

/// Waits until the preview's pages are worked out and stay so: the count
/// of measures (`data-measures` on the page marks) at least one and the
/// same for a second.
async function pagesSettled(page) {
  const marks = page.getByTestId("page-marks");
  let last = null;
  for (let round = 0; round < 40; round++) {
    const now = await marks.getAttribute("data-measures");
    if (now !== null && now === last) return Number(now);
    last = now;
    await page.waitForTimeout(1000);
  }
  throw new Error(`the preview's pages never settled (${last} measures)`);
}

/// The preview's pages as a reader sees them: the sheet's words, read
/// through ranges, put into lines by where they are drawn, white space
/// taken out, and split into pages at the page marks; with the page
/// numbers the marks show. The sheet must be at 100 %. Every part of the
/// sheet is laid out for the reading (parts far from the screen otherwise
/// keep a guessed size), as the app does when it measures.
function previewPages(page) {
  return page.evaluate(() => {
    const sheet = document.getElementById("preview-sheet");
    for (const section of sheet.querySelectorAll(".sheet-section")) section.style.contentVisibility = "visible";
    const top = sheet.getBoundingClientRect().top;
    const words = [];
    const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rect = range.getClientRects()[0];
        if (rect !== undefined) words.push({ y: rect.top - top, x: rect.left, text: match[0] });
      }
    }
    words.sort((a, b) => a.y - b.y || a.x - b.x);
    const lines = [];
    for (const word of words) {
      const line = lines.at(-1);
      if (line !== undefined && Math.abs(word.y - line.y) < 4) line.words.push(word);
      else lines.push({ y: word.y, words: [word] });
    }
    for (const line of lines) line.words.sort((a, b) => a.x - b.x);
    const marks = [...document.querySelectorAll("[data-testid=page-mark]")];
    const starts = marks.map((mark) => mark.getBoundingClientRect().top - top);
    const pages = [[]];
    for (const line of lines) {
      while (pages.length <= starts.length && line.y >= starts[pages.length - 1] - 2) pages.push([]);
      pages.at(-1).push(line.words.map((word) => word.text).join("").normalize("NFC"));
    }
    return { pages, numbers: marks.map((mark) => mark.textContent.trim()) };
  });
}

/// Opens `draft` (or the sample when null) at 100 %, reads the preview's
/// pages, then prints it. Returns both.
async function previewAndPrint(name, draft, before = null) {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await openDraft(page, name, draft);
    if (before !== null) await before(page);
    await page.getByTestId("zoom-full").click();
    await pagesSettled(page);
    const preview = await previewPages(page);
    const printed = join(OUTPUT, `${name}.print.pdf`);
    await printToPdf(page, printed);
    assert.deepEqual(page.problems, []);
    return { name, preview, printed };
  } finally {
    await context.close();
  }
}

test("the preview shows the printed pages: as many, each starting at the same line, numbered from page 2", { timeout: 600000 }, async () => {
  const runs = [await previewAndPrint("preview-pages-party-sample", null)];
  for (const [index, [superior, issuing, parts]] of LONG_NAMES.entries()) {
    runs.push(await previewAndPrint(`preview-pages-party-${index + 1}`, await partyDraft(superior, issuing, parts)));
  }
  for (const items of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16]) runs.push(await previewAndPrint(`preview-pages-state-${items}`, await stateDraft(items)));
  // The draft's page settings: landscape at 13 pt and 1.5 lines, and
  // portrait single spaced with other margins.
  runs.push(await previewAndPrint("preview-pages-settings-chosen", await stateDraft(6), choose));
  runs.push(await previewAndPrint("preview-pages-settings-single", await stateDraft(10), single));
  const table = [];
  const failures = [];
  for (const run of runs) {
    const printed = pages(run.printed);
    const firsts = (all) => all.slice(1).map((lines) => (lines[0] ?? "").slice(0, 24)).join(" | ");
    table.push(`${run.name}: preview ${run.preview.pages.length} pages [${firsts(run.preview.pages)}], print ${printed.length} pages [${firsts(printed)}]`);
    for (const problem of printDisagreements(run.preview.pages, printed)) failures.push(`${run.name}: ${problem}`);
    const expected = run.preview.pages.slice(1).map((_, index) => `Trang ${index + 2}`);
    if (JSON.stringify(run.preview.numbers) !== JSON.stringify(expected)) failures.push(`${run.name}: page numbers ${run.preview.numbers}`);
  }
  await writeFile(join(OUTPUT, "preview-pages.txt"), table.join("\n") + "\n");
  // From one page to three.
  const counts = runs.map((run) => run.preview.pages.length);
  assert.ok(counts.includes(1) && Math.max(...counts) >= 3, `${counts}\n${table.join("\n")}`);
  assert.deepEqual(failures, [], table.join("\n"));
});

test("typing in a long draft works the pages out once it pauses, not at each key", { timeout: 120000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("file-input").setInputFiles({ name: "typing.baocao.json", mimeType: "application/json", buffer: Buffer.from(await stateDraft(12)) });
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    const before = await pagesSettled(page);
    const marksBefore = await page.getByTestId("page-mark").count();
    const field = page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first();
    await field.click();
    await field.press("End");
    // Forty keys, 40 ms apart: a burst with no pause as long as the wait.
    const words = " thêm một câu dài để trang sau dời xuống";
    await page.keyboard.type(words, { delay: 40 });
    const during = Number(await page.getByTestId("page-marks").getAttribute("data-measures"));
    const after = await pagesSettled(page);
    await writeFile(join(OUTPUT, "preview-typing.txt"), `measures: ${before} before, ${during} after ${words.length} keys, ${after} once settled\n`);
    // No measure while the keys came; one or two after (the last change,
    // and the one its own outcome may make).
    assert.ok(during - before <= 1, `${before} then ${during} while typing`);
    assert.ok(after - before >= 1 && after - before <= 2, `${before} then ${after} after typing ${words.length} keys`);
    assert.equal(await page.getByTestId("page-mark").count(), marksBefore);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("typing in an item moves the page marks where the print moves its pages, measuring that item alone", { timeout: 300000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await openDraft(page, "typing-moves-pages", await stateDraft(10));
    await page.getByTestId("zoom-full").click();
    await pagesSettled(page);
    const before = await previewPages(page);
    // The reading laid out every part; they are as the app leaves them
    // again, and the pages worked out after that change.
    await page.evaluate(() => {
      for (const section of document.querySelectorAll("#preview-sheet .sheet-section")) section.style.contentVisibility = "";
    });
    await page.waitForTimeout(1000);
    await pagesSettled(page);
    // Each time the whole sheet is measured, its frame carries
    // `measuring`, then no longer; typing in an item's text measures that
    // item alone.
    await page.getByTestId("sheet-frame").evaluate((frame) => {
      window.__wholeSheetMeasures = 0;
      new MutationObserver((records) => {
        for (const record of records) if ((record.oldValue ?? "").includes("measuring")) window.__wholeSheetMeasures++;
      }).observe(frame, { attributes: true, attributeFilter: ["class"], attributeOldValue: true });
    });
    // The second item's paragraph, in bursts with pauses as long as the
    // wait: the pages are worked out after each.
    const field = page.getByTestId("section-editor").nth(2).getByTestId("paragraph").first();
    await field.click();
    await field.press("End");
    const sentence = " Nhà trường tiếp tục bồi dưỡng đội ngũ, đổi mới phương pháp dạy học và kiểm tra, đánh giá theo hướng phát triển năng lực học sinh.";
    for (let burst = 0; burst < 4; burst++) {
      await page.keyboard.type(sentence, { delay: 5 });
      await page.waitForTimeout(900);
    }
    await pagesSettled(page);
    const whole = await page.evaluate(() => window.__wholeSheetMeasures);
    const after = await previewPages(page);
    const printed = join(OUTPUT, "typing-moves-pages.print.pdf");
    await printToPdf(page, printed);
    const firsts = (all) => all.slice(1).map((lines) => (lines[0] ?? "").slice(0, 24)).join(" | ");
    const table = `before [${firsts(before.pages)}]\nafter typing [${firsts(after.pages)}]\nprint [${firsts(pages(printed))}]\nwhole-sheet measures while typing: ${whole}\n`;
    await writeFile(join(OUTPUT, "preview-typing-moves.txt"), table);
    // The typing moved a page's first line, and the preview's pages are
    // the print's.
    assert.notEqual(firsts(after.pages), firsts(before.pages), table);
    assert.deepEqual(printDisagreements(after.pages, pages(printed)), [], table);
    assert.equal(whole, 0, table);
    assert.deepEqual(page.problems, []);
    // The marks are where a measure of the whole sheet puts them: the
    // draft opened again (saved as typed) shows them at the same places.
    const marks = () => page.getByTestId("page-mark").evaluateAll((all) => all.map((mark) => Math.round(parseFloat(mark.style.top))));
    const typed = await marks();
    await page.reload();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("zoom-full").click();
    await pagesSettled(page);
    const saved = await page.getByTestId("section-editor").nth(2).getByTestId("paragraph").first().inputValue();
    assert.ok(saved.includes(sentence.repeat(4)), saved);
    assert.deepEqual(await marks(), typed, table);
  } finally {
    await context.close();
  }
});

test("the preview's size: fitted to the window, or 100 %, and the page marks follow", { timeout: 120000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("file-input").setInputFiles({ name: "zoom.baocao.json", mimeType: "application/json", buffer: Buffer.from(await stateDraft(7)) });
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    await pagesSettled(page);
    const fit = page.getByTestId("zoom-fit");
    const full = page.getByTestId("zoom-full");
    assert.equal(await fit.textContent(), "Vừa khung");
    assert.equal(await full.textContent(), "100 %");
    const sizes = () =>
      page.evaluate(() => {
        const sheet = document.getElementById("preview-sheet").getBoundingClientRect();
        const mark = document.querySelector("[data-testid=page-mark]").getBoundingClientRect();
        return { width: sheet.width, mark: mark.top - sheet.top };
      });
    // 210 mm is 793.7 px at 100 %; the window fits it to two thirds.
    const fitted = await sizes();
    assert.equal(await fit.getAttribute("aria-pressed"), "true");
    assert.ok(fitted.width < 600, JSON.stringify(fitted));
    await full.click();
    assert.equal(await full.getAttribute("aria-pressed"), "true");
    assert.equal(await fit.getAttribute("aria-pressed"), "false");
    const whole = await sizes();
    assert.ok(Math.abs(whole.width - 793.7) < 1, JSON.stringify(whole));
    // The marks scale with the sheet.
    assert.ok(Math.abs(whole.mark / fitted.mark - whole.width / fitted.width) < 0.01, JSON.stringify([fitted, whole]));
    await fit.click();
    assert.ok(Math.abs((await sizes()).width - fitted.width) < 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
