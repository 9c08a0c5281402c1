// End-to-end tests of the two stores: versions of the old layout (in local
// storage) move to IndexedDB at start and show in the versions panel; the
// meter shows both stores; "Xóa dữ liệu trên máy này" names what it removes,
// offers every draft as a file first, and leaves both stores empty; a
// library of many drafts with their versions, timed; closed drafts and the
// trash in IndexedDB, restored after a reload; a library in the layout before
// (drafts, trash and a picture in local storage, as the app at 4aa5c65 wrote
// it) moved whole, its picture in the DOCX; and 200 reports of 8,000 words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { bulkEntries, downloadOf, downloadsOf, newDraft, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const FIXTURE = new URL("../fixtures/drafts/v3-tables.json", import.meta.url).pathname;
const MAIN_LAYOUT = new URL("../fixtures/storage/main-layout.json", import.meta.url).pathname;

/// What the app's keys take in local storage, in UTF-16 code units.
function appLocalUnits(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("baocao."))
      .reduce((sum, key) => sum + key.length + localStorage.getItem(key).length, 0),
  );
}

/// Seeds a draft in local storage with three versions of the layout before
/// the bulk store, as an earlier version of the app left them.
async function seedOldLayout(page, id) {
  const envelope = JSON.parse(await readFile(FIXTURE, "utf8"));
  await page.evaluate(
    ({ id, envelope }) => {
      envelope.meta.id = id;
      localStorage.setItem(`baocao.draft.${id}`, JSON.stringify(envelope));
      const versions = [0, 1, 2].map((n) => ({
        taken_ms: 1796000000000 + n * 600000,
        reason: "periodic",
        document: { ...envelope.document, title: `Phiên bản cũ ${n}` },
      }));
      localStorage.setItem(`baocao.versions.${id}`, JSON.stringify(versions));
    },
    { id, envelope },
  );
}

test("versions left in local storage move to IndexedDB and show in the versions panel", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    let page = await openApp(context, suite.server.url);
    await seedOldLayout(page, "1796000000000");
    const before = await appLocalUnits(page);
    await page.reload();
    await page.getByTestId("workspace").waitFor();
    // Moved: copied, read back, then removed from local storage.
    await page.waitForFunction(() => localStorage.getItem("baocao.versions.1796000000000") === null, null, {
      timeout: 10000,
    });
    const moved = JSON.parse((await bulkEntries(page))["versions/1796000000000"]);
    assert.deepEqual(
      moved.map((version) => version.document.title),
      ["Phiên bản cũ 0", "Phiên bản cũ 1", "Phiên bản cũ 2"],
    );
    const after = await appLocalUnits(page);
    assert.ok(after < before / 2, `local storage shrank: ${before} → ${after} code units`);
    // The meter shows both stores.
    const meter = page.getByTestId("storage-meter");
    await meter.getByTestId("bulk-usage").waitFor();
    assert.match(await meter.innerText(), /phiên bản và hình ảnh đang dùng thêm/);
    await meter.screenshot({ path: join(OUTPUT, "storage-meter-both-stores.png") });
    // They are listed in the versions panel of the draft.
    await page.getByTestId("library-open").first().click();
    await page.getByTestId("versions-toggle").click();
    const versions = page.getByTestId("version");
    await versions.filter({ hasText: "Phiên bản cũ 2" }).waitFor();
    const text = await page.getByTestId("versions-panel").innerText();
    for (const n of [0, 1, 2]) assert.ok(text.includes(`Phiên bản cũ ${n}`), text);
    // Sizes in the Vietnamese number format, as in the library.
    assert.match(text, /\d+(,\d)? KB/);
    assert.doesNotMatch(text, /\d\.\d KB/);
    // A restore keeps the current text as a version first, in IndexedDB
    // (here the version on open, of the same text, stands for it).
    await versions.filter({ hasText: "Phiên bản cũ 1" }).getByTestId("version-restore").click();
    await page.getByText("Đã khôi phục").first().waitFor();
    const kept = JSON.parse((await bulkEntries(page))["versions/1796000000000"]);
    assert.deepEqual(
      kept.map((version) => version.reason),
      ["periodic", "periodic", "periodic", "opened"],
    );
    assert.equal(kept[3].document.title, "Báo cáo tổng kết năm học có bảng");
    assert.equal(await page.evaluate(() => localStorage.getItem("baocao.versions.1796000000000")), null);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("erasing the data on this computer names what goes, offers the files, and leaves nothing", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    await seedOldLayout(page, "1796000000000");
    await page.reload();
    await page.getByTestId("workspace").waitFor();
    await page.waitForFunction(() => localStorage.getItem("baocao.versions.1796000000000") === null);
    // A second draft, opened and edited, then back to the library.
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const field = page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first();
    await field.fill("Một đoạn sẽ bị xóa.");
    await page.getByTestId("save-status").getByText(/Đã lưu lúc/).waitFor();
    await page.getByTestId("close-draft").click();
    await page.getByTestId("library").waitFor();

    await page.getByTestId("erase-all").click();
    const dialog = page.getByTestId("erase-dialog");
    await dialog.waitFor();
    const counts = await dialog.getByTestId("erase-counts").innerText();
    assert.match(counts, /2 bản thảo/);
    assert.match(counts, /0 bản thảo trong thùng rác/);
    assert.match(counts, /phiên bản tự lưu của 2 bản thảo/);
    await page.screenshot({ path: join(OUTPUT, "erase-dialog.png") });

    // Every draft as its own file first.
    const downloads = await downloadsOf(page, () => dialog.getByTestId("erase-download").click(), 2);
    assert.equal(downloads.length, 2);
    const texts = await Promise.all(
      downloads.map(async (download) => {
        assert.match(download.suggestedFilename(), /\.baocao\.json$/);
        return readFile(await download.path(), "utf8");
      }),
    );
    assert.ok(texts.some((text) => text.includes("Một đoạn sẽ bị xóa.")));

    await dialog.getByTestId("erase-confirm").click();
    await page.getByTestId("empty-workspace").waitFor();
    await dialog.waitFor({ state: "detached" });
    const left = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("baocao.")));
    assert.deepEqual(left, []);
    assert.deepEqual(await bulkEntries(page), {});
    await page.reload();
    await page.getByTestId("empty-workspace").waitFor();
    assert.equal(await page.getByTestId("library-row").count(), 0);
    // The meter claims no space for drafts that are gone (it said the
    // browser's own "244 KB" were closed drafts, versions and pictures).
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId("bulk-usage").count(), 0);
    assert.deepEqual(await bulkEntries(page), {});
    assert.deepEqual(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("baocao.") && key !== "baocao.lang")),
      [],
    );
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a library of many drafts keeps their versions in IndexedDB, not in local storage", async () => {
  const context = await suite.browser.newContext();
  const count = 40;
  try {
    const page = await openApp(context, suite.server.url);
    const envelope = JSON.parse(await readFile(FIXTURE, "utf8"));
    // Old-layout drafts, each with versions: more than local storage could
    // hold once the versions are counted.
    const seeded = await page.evaluate(
      ({ envelope, count }) => {
        let units = 0;
        for (let n = 0; n < count; n++) {
          const id = String(1796000000000 + n);
          const draft = { ...envelope, meta: { ...envelope.meta, id, title: `Báo cáo ${n}` } };
          draft.document = { ...envelope.document, title: `Báo cáo ${n}` };
          const versions = [0, 1, 2, 3, 4].map((v) => ({
            taken_ms: 1796000000000 + v,
            reason: "periodic",
            document: { ...draft.document, title: `Báo cáo ${n} v${v}` },
          }));
          const texts = [JSON.stringify(draft), JSON.stringify(versions)];
          localStorage.setItem(`baocao.draft.${id}`, texts[0]);
          localStorage.setItem(`baocao.versions.${id}`, texts[1]);
          units += texts[0].length + texts[1].length;
        }
        return units;
      },
      { envelope, count },
    );
    const started = Date.now();
    await page.reload();
    await page.getByTestId("library").waitFor();
    await page.waitForFunction(
      () => !Object.keys(localStorage).some((key) => key.startsWith("baocao.versions.")),
      null,
      { timeout: 60000 },
    );
    const moveMs = Date.now() - started;
    const bulk = await bulkEntries(page);
    assert.equal(Object.keys(bulk).filter((key) => key.startsWith("versions/")).length, count);
    assert.equal(await page.getByTestId("library-row").count(), count);
    const local = await page.evaluate(() =>
      Object.keys(localStorage).reduce((sum, key) => sum + key.length + localStorage.getItem(key).length, 0),
    );
    console.log(
      `# ${count} drafts with 5 versions each: ${seeded} code units seeded in local storage; ` +
        `after the move ${local} there; moved in ${moveMs} ms`,
    );
    assert.ok(local < seeded / 3);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

/// Waits until the library lists `n` drafts (outside the trash).
function libraryRows(page, n) {
  return page.waitForFunction((n) => document.querySelectorAll("[data-testid=library-row]").length === n, n, {
    timeout: 20000,
  });
}

/// The app's keys in local storage.
function appKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("baocao.")).sort());
}

/// Waits until local storage holds no draft's text (every draft closed is
/// in IndexedDB).
function noDraftTextInLocalStorage(page) {
  return page.waitForFunction(
    () => !Object.keys(localStorage).some((key) => key.startsWith("baocao.draft.") || key.startsWith("baocao.part.")),
    null,
    { timeout: 20000 },
  );
}

test("closed drafts go to IndexedDB, and one moved to the trash is restored from it after a reload", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    let page = await openApp(context, suite.server.url);
    const write = async (template, text) => {
      await newDraft(page, template);
      await page.getByTestId("section-editor").getByTestId("paragraph").first().fill(text);
      await page.getByTestId("save-status").getByText(/Đã lưu lúc/).waitFor();
      await page.getByTestId("close-draft").click();
      await page.getByTestId("library").waitFor();
    };
    await write("so-ket", "Đoạn của bản sơ kết.");
    await write("tong-ket-nam-hoc", "Đoạn của bản tổng kết năm học.");
    await noDraftTextInLocalStorage(page);
    const parked = Object.entries(await bulkEntries(page)).filter(([key]) => key.startsWith("drafts/"));
    assert.equal(parked.length, 2);
    assert.ok(parked.some(([, text]) => text.includes("Đoạn của bản sơ kết.")));
    const local = await page.evaluate(() => Object.values(localStorage).join("\n"));
    assert.ok(!local.includes("Đoạn của bản"), "no draft text in local storage");
    // To the trash, then a reload.
    await page.getByTestId("library-row").filter({ hasText: "sơ kết" }).getByTestId("library-trash").click();
    await libraryRows(page, 1);
    await page.reload();
    await page.getByTestId("library").waitFor();
    await libraryRows(page, 1);
    await page.getByTestId("trash").locator("summary").click();
    assert.match(await page.getByTestId("trash").innerText(), /Báo cáo sơ kết/);
    await page.screenshot({ path: join(OUTPUT, "storage-trash-after-reload.png") });
    await page.getByTestId("trash-restore").click();
    await libraryRows(page, 2);
    // It opens with its text, from IndexedDB, and goes back there when closed.
    await page.getByTestId("library-row").filter({ hasText: "sơ kết" }).getByTestId("library-open").click();
    await page.getByTestId("preview").waitFor();
    assert.ok((await sheetText(page)).includes("Đoạn của bản sơ kết."));
    await page.getByTestId("close-draft").click();
    await noDraftTextInLocalStorage(page);
    const restored = Object.entries(await bulkEntries(page)).find(([, text]) => text.includes("Đoạn của bản sơ kết."));
    assert.equal(JSON.parse(restored[1]).meta.trashed_ms, null);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a library in the layout before moves to IndexedDB whole: drafts, trash and picture, which reaches the DOCX", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  try {
    const page = await openApp(context, suite.server.url);
    const items = JSON.parse(await readFile(MAIN_LAYOUT, "utf8"));
    await page.evaluate((items) => {
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, items);
    await page.reload();
    await page.getByTestId("library").waitFor();
    await libraryRows(page, 2);
    // Moved: every draft's text and the picture are in IndexedDB, read
    // back, and local storage keeps the library entries only.
    await page.waitForFunction(
      () => !Object.keys(localStorage).some((key) => /^baocao\.(draft|part|picture)\./.test(key)),
      null,
      { timeout: 20000 },
    );
    const keys = await appKeys(page);
    assert.deepEqual(
      keys.filter((key) => !key.startsWith("baocao.meta.")),
      [],
      `${keys}`,
    );
    assert.equal(keys.length, 3);
    const bulk = await bulkEntries(page);
    const pictureId = Object.keys(items).find((key) => key.startsWith("baocao.picture.")).slice("baocao.picture.".length);
    const picture = JSON.parse(bulk[`pictures/${pictureId}`]);
    assert.equal(`data:${picture.mime};base64,${picture.base64}`, items[`baocao.picture.${pictureId}`]);
    const drafts = Object.keys(bulk).filter((key) => key.startsWith("drafts/"));
    assert.equal(drafts.length, 3);
    for (const [text, trashed] of [
      ["Bản thảo có hình, viết bằng phiên bản cũ.", false],
      ["Bản thảo nằm trong thùng rác.", true],
      ["Bản thảo thứ ba.", false],
    ]) {
      const found = drafts.map((key) => JSON.parse(bulk[key])).find((draft) => JSON.stringify(draft).includes(text));
      assert.ok(found, text);
      assert.equal(found.meta.trashed_ms !== null, trashed, text);
    }
    // The trash lists the one moved there.
    await page.getByTestId("trash").locator("summary").click();
    assert.match(await page.getByTestId("trash").innerText(), /Báo cáo sơ kết/);
    // The draft with a picture opens with it, and its DOCX carries it.
    await page.getByTestId("library-row").filter({ hasText: "Hội nghị" }).getByTestId("library-open").click();
    await page.getByTestId("preview-picture").waitFor();
    await page.getByTestId("figure-picture").waitFor();
    assert.ok((await sheetText(page)).includes("Bản thảo có hình, viết bằng phiên bản cũ."));
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    const docx = join(OUTPUT, "storage-moved-picture.docx");
    await copyFile(await download.path(), docx);
    assert.match(execFileSync("unzip", ["-l", docx], { encoding: "utf8" }), /word\/media\/image1\.png/);
    const media = execFileSync("unzip", ["-p", docx, "word/media/image1.png"]);
    assert.equal(media.toString("base64"), picture.base64);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("200 reports of 8,000 words with three versions each: the library lists them and opens one", { timeout: 300000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const count = 200;
  try {
    const page = await openApp(context, suite.server.url);
    const envelope = JSON.parse(await readFile(FIXTURE, "utf8"));
    // Written by a script as the app parks a closed draft: its envelope
    // under drafts/<id> and its versions under versions/<id> in IndexedDB;
    // the app gives each its library entry at the next start.
    const seeded = await page.evaluate(
      async ({ envelope, count }) => {
        const words = "trường học sinh giáo viên năm học kết quả thi đua chất lượng giáo dục phong trào".split(" ");
        let seed = 11;
        const sentence = (n) => {
          const out = [];
          for (let i = 0; i < n; i++) {
            seed = (seed * 1103515245 + 12345) & 0x7fffffff;
            out.push(words[seed % words.length]);
          }
          return out.join(" ") + ".";
        };
        const paragraphs = Array.from({ length: 40 }, () => sentence(200));
        const database = await new Promise((resolve, reject) => {
          const open = indexedDB.open("baocao");
          open.onupgradeneeded = () => open.result.createObjectStore("bulk");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        let bytes = 0;
        for (let n = 0; n < count; n++) {
          const id = String(1796000000000 + n);
          const document = structuredClone(envelope.document);
          document.title = `Báo cáo số ${n}`;
          let next = 900000;
          document.sections[0].blocks = paragraphs.map((text) => ({ type: "paragraph", id: next++, text }));
          document.next_id = next;
          const draft = { ...envelope, meta: { ...envelope.meta, id, title: document.title, edited_ms: 1796000000000 + n }, document };
          const versions = [0, 1, 2].map((v) => ({
            taken_ms: 1796000000000 + v,
            reason: "periodic",
            document: { ...document, title: `${document.title} v${v}` },
          }));
          const texts = [JSON.stringify(draft), JSON.stringify(versions)];
          bytes += texts[0].length + texts[1].length;
          await new Promise((resolve, reject) => {
            const transaction = database.transaction("bulk", "readwrite");
            transaction.objectStore("bulk").put(texts[0], `drafts/${id}`);
            transaction.objectStore("bulk").put(texts[1], `versions/${id}`);
            transaction.oncomplete = resolve;
            transaction.onerror = () => reject(transaction.error);
          });
        }
        database.close();
        return { bytes, words: paragraphs.join(" ").split(" ").length };
      },
      { envelope, count },
    );
    assert.ok(seeded.words >= 8000, `${seeded.words} words`);
    const started = Date.now();
    await page.reload();
    await page.getByTestId("library").waitFor();
    await libraryRows(page, count);
    const listedMs = Date.now() - started;
    const localUnits = await appLocalUnits(page);
    console.log(
      `# ${count} reports of ${seeded.words} words with 3 versions: ${seeded.bytes} code units in IndexedDB, ` +
        `${localUnits} in local storage for their library entries; listed ${listedMs} ms after the reload`,
    );
    assert.ok(localUnits * 2 < 1024 * 1024, `${localUnits} code units`);
    const openStarted = Date.now();
    await page.getByTestId("library-row").filter({ hasText: "Báo cáo số 123" }).getByTestId("library-open").click();
    await page.getByTestId("preview").waitFor();
    console.log(`# one of them opened in ${Date.now() - openStarted} ms`);
    // The draft opened is number 123, and this tab says so.
    assert.match(await page.evaluate(() => sessionStorage.getItem("baocao.tab-draft")), /1796000000123/);
    // The sheet is built a few sections per frame after the first screen:
    // under load (Firefox, a full run) it was read before its end once.
    let words = 0;
    for (const deadline = Date.now() + 15000; words < 8000 && Date.now() < deadline; ) {
      words = (await sheetText(page)).split(/\s+/).length;
      if (words < 8000) await page.waitForTimeout(250);
    }
    assert.ok(words >= 8000, `${words} words on the sheet`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("where IndexedDB cannot be opened, everything stays in local storage and the meter says so", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  // As in private windows of some browsers: no IndexedDB at all.
  await context.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true }));
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page, "so-ket");
    await page.getByTestId("section-editor").getByTestId("paragraph").first().fill("Viết khi không có IndexedDB.");
    await page.getByTestId("save-status").getByText(/Đã lưu lúc/).waitFor();
    await page.getByTestId("close-draft").click();
    await page.getByTestId("library").waitFor();
    // The "on open" version is kept in local storage, and the draft closed
    // stays there.
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith("baocao.bulk.versions/")));
    const keys = await appKeys(page);
    assert.equal(keys.filter((key) => key.startsWith("baocao.draft.")).length, 1, `${keys}`);
    const meter = page.getByTestId("storage-meter");
    assert.match(await meter.getByTestId("bulk-in-local").innerText(), /không cho dùng kho lớn \(IndexedDB\)/);
    await meter.screenshot({ path: join(OUTPUT, "storage-meter-without-indexeddb.png") });
    await page.reload();
    await page.getByTestId("library").waitFor();
    await page.getByTestId("library-row").getByTestId("library-open").click();
    await page.getByTestId("preview").waitFor();
    assert.ok((await sheetText(page)).includes("Viết khi không có IndexedDB."));
    await page.getByTestId("versions-toggle").click();
    await page.getByTestId("version").first().waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
