// End-to-end tests of the two stores: versions of the old layout (in local
// storage) move to IndexedDB at start and show in the versions panel; the
// meter shows both stores; "Xóa dữ liệu trên máy này" names what it removes,
// offers every draft as a file first, and leaves both stores empty; and a
// library of many drafts with their versions, timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bulkEntries, downloadsOf, openApp, OUTPUT, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const FIXTURE = new URL("../fixtures/drafts/v3-tables.json", import.meta.url).pathname;

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
    assert.match(await meter.innerText(), /Phiên bản và hình ảnh đang dùng thêm/);
    await meter.screenshot({ path: join(OUTPUT, "storage-meter-both-stores.png") });
    // They are listed in the versions panel of the draft.
    await page.getByTestId("library-open").first().click();
    await page.getByTestId("versions-toggle").click();
    const versions = page.getByTestId("version");
    await versions.filter({ hasText: "Phiên bản cũ 2" }).waitFor();
    const text = await page.getByTestId("versions-panel").innerText();
    for (const n of [0, 1, 2]) assert.ok(text.includes(`Phiên bản cũ ${n}`), text);
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
