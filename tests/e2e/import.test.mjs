// End-to-end tests of opening draft files: a downloaded draft opens again
// (by picker, by drop, by Ctrl+O), problems are named by place, a file from
// a newer version is refused, and replacing the open draft can be undone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { catchFileChoosers, downloadOf, openApp, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

async function downloadSample(page) {
  await page.getByTestId("open-sample").click();
  await page.getByTestId("preview").waitFor();
  const download = await downloadOf(page, () => page.getByTestId("download-draft").click());
  return readFile(await download.path(), "utf8");
}

test("a downloaded draft opens again as a new draft, with a preview first", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    const text = await downloadSample(page);
    await page.getByTestId("close-draft").click();
    await page.getByTestId("file-input").setInputFiles({ name: "mau.baocao.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-title").innerText(), /Hội nghị tổng kết đổi mới/);
    assert.equal(await page.getByTestId("import-sections").innerText(), "10");
    // In the Vietnamese number format, as the library writes sizes (it
    // said "12.3 KB" beside the library's "12,3 KB").
    assert.match(await page.getByTestId("import-size").innerText(), /^\d+(,\d)? KB$/);
    // Nothing is stored before the choice.
    assert.equal(await page.getByTestId("library-row").count(), 1);
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.match(await sheetText(page), /1\. Hội nghị Trung ương 5, khoá X khẳng định/);
    await page.getByTestId("close-draft").click();
    assert.equal(await page.getByTestId("library-row").count(), 2);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a file dropped on the page or picked with Ctrl+O is checked the same way", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    const choosers = await catchFileChoosers(page);
    const text = await downloadSample(page);
    const drop = (content, name) =>
      page.evaluate(
        ([content, name]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([content], name, { type: "application/json" }));
          document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [content, name],
      );
    // A draft whose item II.2 has no heading yet opens: the app saves such
    // drafts, so its own file must open again (it was refused with "Mục
    // II.2: thiếu tiêu đề" until stop 31).
    const untitled = JSON.parse(text);
    untitled.document.sections[1].children[1].heading = "";
    await drop(JSON.stringify(untitled), "chua-dat-ten.baocao.json");
    await page.getByTestId("import-preview").waitFor();
    assert.equal(await page.getByTestId("import-error").count(), 0);
    await page.getByTestId("import-cancel").click();
    // A draft whose II.2 holds a table with a cell of 12,000 letters is
    // refused, with the place named.
    const fixture = JSON.parse(await readFile(new URL("../fixtures/drafts/v3-tables.json", import.meta.url), "utf8"));
    const table = fixture.document.sections[0].children[0].blocks[1];
    table.rows[0].cells[0].text = "Đảng viên ".repeat(1200);
    const broken = JSON.parse(text);
    broken.document.sections[1].children[1].blocks.push(table);
    await drop(JSON.stringify(broken), "hong.baocao.json");
    await page.getByTestId("import-error").waitFor();
    assert.equal(
      await page.getByTestId("import-error").innerText(),
      "Mục II.2: có ô bảng chứa đoạn chữ quá dài (quá 10.000 ký tự) — hãy chuyển đoạn đó ra ngoài bảng",
    );
    await page.getByTestId("import-cancel").click();

    const newer = { ...JSON.parse(text), version: 99 };
    await page.keyboard.press("Control+o");
    const chooser = await choosers.next();
    await chooser.setFiles({ name: "moi.baocao.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(newer)) });
    await page.getByTestId("import-error").waitFor();
    assert.match(await page.getByTestId("import-error").innerText(), /phiên bản mới hơn của Báo cáo \(định dạng 99\)/);
    await page.getByTestId("import-cancel").click();

    await page.keyboard.press("Control+o");
    const chooser2 = await choosers.next();
    await chooser2.setFiles({ name: "rac.json", mimeType: "application/json", buffer: Buffer.from('{"a": ') });
    assert.match(await page.getByTestId("import-error").innerText(), /lỗi JSON ở dòng 1/);
  } finally {
    await context.close();
  }
});

test("replacing the open draft keeps a version first and can be undone", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    const text = await downloadSample(page);
    await page.getByTestId("close-draft").click();
    await page.getByTestId("template-so-ket").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first().fill("Đã viết trước khi nhập.");
    await page.getByTestId("file-input").setInputFiles({ name: "mau.baocao.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByTestId("import-replace").click();
    // The draft is replaced once its version is kept (in IndexedDB).
    await page.waitForFunction(() => document.getElementById("preview-sheet")?.textContent.includes("Hội nghị Trung ương 5"));
    assert.match(await sheetText(page), /1\. Hội nghị Trung ương 5/);
    await page.getByTestId("versions-toggle").click();
    // The versions are read from IndexedDB when the panel opens.
    await page.getByTestId("versions-panel").getByText(/trước khi nhập/).first().waitFor();
    await page.keyboard.press("Control+z");
    assert.doesNotMatch(await sheetText(page), /Hội nghị Trung ương 5/);
    assert.match(await sheetText(page), /Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai\s+Đã viết trước khi nhập\./);
  } finally {
    await context.close();
  }
});

test("a template file joins the list of outlines", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const template = {
      format: "baocao-template",
      version: 1,
      id: "ke-hoach-huyen-uy",
      name: "Đề cương của Huyện ủy",
      description: "Mẫu cấp trên gửi",
      document: { title: "Báo cáo theo đề cương Huyện ủy", sections: [{ heading: "Kết quả" }, { heading: "Kiến nghị" }] },
    };
    await page.getByTestId("file-input").setInputFiles({ name: "de-cuong.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(template)) });
    await page.getByTestId("import-add-template").click();
    await page.getByTestId("template-ke-hoach-huyen-uy").click();
    await page.getByTestId("preview").waitFor();
    assert.match(await sheetText(page), /II\. KIẾN NGHỊ/);
  } finally {
    await context.close();
  }
});

test("an existing report as a .txt file opens as a structured draft", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const seed = new URL("../fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt", import.meta.url).pathname;
    await page.getByTestId("file-input").setInputFiles(seed);
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-title").innerText(), /^HỘI NGHỊ TỔNG KẾT/);
    assert.equal(await page.getByTestId("import-sections").innerText(), "10");
    assert.equal(await page.getByTestId("import-unplaced").innerText(), "Tin bài gần đây");
    await page.getByTestId("import-as-new").click();
    const preview = await sheetText(page);
    assert.match(preview, /II\. VỀ XÂY DỰNG TỔ CHỨC BỘ MÁY\./);
    assert.match(preview, /Hạn chế: Trong quá trình lãnh chỉ đạo/);
    assert.match(preview, /\+ Qua mỗi hoạt động đều tổ chức họp rút kinh nghiệm/);
    assert.match(preview, /3\. Đề xuất, kiến nghị:\s+không có/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a report pasted into the box becomes a draft with its header and signature in place", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const text = await readFile(new URL("../fixtures/tcvn3-source.txt", import.meta.url), "utf8");
    await page.getByTestId("paste-read").click();
    // An empty box says so in a sentence.
    assert.match(await page.getByTestId("import-error").innerText(), /Chưa có chữ nào để đọc/);
    await page.getByTestId("import-cancel").click();
    await page.getByTestId("paste-text").fill(text);
    await page.getByTestId("paste-read").click();
    await page.getByTestId("import-preview").waitFor();
    assert.equal(await page.getByTestId("import-issuing-body").innerText(), "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2");
    assert.equal(await page.getByTestId("import-number").innerText(), "12-BC/ĐU");
    assert.equal(await page.getByTestId("import-place-date").innerText(), "Lấp Vò, ngày 05 tháng 01 năm 2026");
    assert.equal(await page.getByTestId("import-signer").innerText(), "T/M ĐẢNG ỦY · BÍ THƯ · Nguyễn Văn Kiệt");
    assert.equal(await page.getByTestId("import-unplaced").count(), 0);
    assert.equal(await page.getByTestId("import-converted").count(), 0);
    assert.ok((await page.evaluate(() => window.scrollY)) > 0, "the paste box is below the fold");
    await page.getByTestId("import-as-new").click();
    const preview = await sheetText(page);
    // Regression: the editor opened at the welcome screen's scroll position,
    // showing a blank page below its panes.
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.match(preview, /ĐẢNG BỘ HUYỆN LẤP VÒ/);
    assert.match(preview, /Số 12-BC\/ĐU/);
    assert.match(preview, /tổng kết đổi mới phương thức lãnh đạo của Đảng/);
    assert.match(preview, /I\. VỀ ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO CỦA ĐẢNG/);
    assert.match(preview, /Nguyễn Văn Kiệt/);
    assert.match(preview, /- Huyện ủy Lấp Vò,/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("text pasted on the page itself opens the same preview; TCVN3 is converted", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await openApp(context, suite.server.url);
    const bytes = await readFile(new URL("../fixtures/tcvn3-bao-cao.txt", import.meta.url));
    // What Word puts on the clipboard for .VnTime text: each byte as the
    // Latin-1 character.
    const pasted = bytes.toString("latin1");
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true });
      // Firefox leaves a constructed event's clipboardData empty; the data
      // then rides on the event itself, where the app reads it the same way.
      if (!event.clipboardData?.types.length) Object.defineProperty(event, "clipboardData", { value: data });
      document.body.dispatchEvent(event);
    }, pasted);
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-converted").innerText(), /TCVN3/);
    assert.equal(await page.getByTestId("import-issuing-body").innerText(), "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2");
    await page.getByTestId("import-cancel").click();
    // The same bytes as a .txt file.
    await page.getByTestId("file-input").setInputFiles({ name: "bao-cao-cu.txt", mimeType: "text/plain", buffer: bytes });
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-converted").innerText(), /TCVN3/);
    await page.getByTestId("import-as-new").click();
    assert.match(await sheetText(page), /Chi bộ duy trì sinh hoạt định kỳ/);
    // A paste into a field stays the browser's own.
    await page.evaluate(() => {
      const field = document.querySelector("textarea, input[type=text]");
      const data = new DataTransfer();
      data.setData("text/plain", "I. MỘT");
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true });
      if (!event.clipboardData?.types.length) Object.defineProperty(event, "clipboardData", { value: data });
      field.dispatchEvent(event);
    });
    assert.equal(await page.getByTestId("import-dialog").count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// Regression: a Word file (users pick last year's report as one) was
// refused as "not UTF-8 text", which says nothing about what to do.
test("a Word file exported by the app opens back as a new draft with the same outline", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    // Part headings print in capitals, and come back so from Word.
    const outline = () =>
      page.getByTestId("outline-entry").evaluateAll((entries) => entries.map((e) => `${e.dataset.reference} ${e.title}`.toLocaleUpperCase("vi")));
    const before = await outline();
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    const word = await readFile(await download.path());
    await page.getByTestId("close-draft").click();
    await page.getByTestId("library-row").waitFor();
    await page.getByTestId("file-input").setInputFiles({
      name: "bao-cao-nam-ngoai.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: word,
    });
    await page.getByTestId("import-found").waitFor();
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.deepEqual(await outline(), before);
    await page.getByTestId("close-draft").click();
    assert.equal(await page.getByTestId("library-row").count(), 2);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
