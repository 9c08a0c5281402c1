// End-to-end tests of in-app browsers (Zalo, Facebook, Messenger), where a
// download cannot start: with Zalo's user agent on a phone, exporting from
// the toolbar's menu shows the message and "Chia sẻ tệp", which hands the
// file to the share sheet (navigator.share, stubbed here with
// navigator.canShare, as an iPhone's Zalo has them); without share the
// dialog says so. With a browser's user agent the same export downloads
// and no message appears.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { downloadOf, openApp, OUTPUT, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const ZALO_IOS =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/502 ZaloTheme/light ZaloLanguage/vn";
const MESSENGER_ANDROID =
  "Mozilla/5.0 (Linux; Android 7.1.2; Nexus 5X Build/N2G47F; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.132 Mobile Safari/537.36 [FB_IAB/MESSENGER;FBAV/114.0.0.21.71;]";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true };

const MESSAGE = "Trình duyệt trong ứng dụng này không tải tệp về được. Hãy mở bằng trình duyệt (Chrome, Cốc Cốc, Safari…)";

/// Records every `navigator.share` call (the file's name, type, size and
/// first bytes) in `window.shared`, and answers `canShare` yes for files.
function stubShare() {
  window.shared = [];
  Object.defineProperty(navigator, "canShare", {
    configurable: true,
    value: (data) => Array.isArray(data?.files) && data.files.every((file) => file instanceof File),
  });
  Object.defineProperty(navigator, "share", {
    configurable: true,
    value: async (data) => {
      const files = await Promise.all(
        data.files.map(async (file) => ({
          name: file.name,
          type: file.type,
          size: file.size,
          head: Array.from(new Uint8Array(await file.slice(0, 64).arrayBuffer())),
        })),
      );
      window.shared.push(files);
    },
  });
}

/// Takes navigator.share and canShare away (an Android WebView has neither).
function removeShare() {
  for (const name of ["share", "canShare"]) {
    Object.defineProperty(navigator, name, { configurable: true, value: undefined });
  }
}

/// Starts a new draft with the library's first outline; on a phone the
/// editor shows first (the preview is behind its tab).
async function newDraft(page) {
  await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").click();
  await page.getByTestId("section-editor").first().waitFor();
}

/// Opens the export formats from the phone's toolbar menu and clicks `format`.
async function exportFromMenu(page, format) {
  await page.getByTestId("menu-toggle").click();
  await page.getByTestId("export-toggle").click();
  await page.getByTestId(`export-${format}`).click();
}

test("in Zalo, exporting shows the message and “Chia sẻ tệp” shares the file with its name and type", async () => {
  const context = await suite.browser.newContext({ ...PHONE, userAgent: ZALO_IOS });
  await context.addInitScript(stubShare);
  const downloads = [];
  try {
    const page = await openApp(context, suite.server.url);
    page.on("download", (download) => downloads.push(download));
    await newDraft(page);

    await exportFromMenu(page, "docx");
    const dialog = page.getByTestId("inapp-download");
    await dialog.waitFor();
    assert.equal(await page.getByTestId("inapp-message").innerText(), MESSAGE);
    assert.equal(await dialog.getAttribute("data-app"), "Zalo");
    assert.match(await dialog.innerText(), /Mở bằng trình duyệt/);
    assert.match(await dialog.innerText(), /⋯/);
    const name = await page.getByTestId("inapp-file-name").innerText();
    assert.match(name, /\.docx$/);
    await page.screenshot({ path: join(OUTPUT, "inapp-zalo.png") });

    await page.getByTestId("inapp-share").click();
    await page.getByTestId("inapp-download").waitFor({ state: "detached" });
    const shared = await page.evaluate(() => window.shared);
    assert.equal(shared.length, 1);
    assert.equal(shared[0].length, 1);
    const [file] = shared[0];
    assert.equal(file.name, name);
    assert.equal(file.type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.ok(file.size > 1000, `a Word file of ${file.size} bytes`);
    assert.equal(String.fromCharCode(...file.head.slice(0, 2)), "PK");
    assert.match(await page.getByTestId("status").innerText(), /Đã gửi tệp/);

    // The draft file too: shared as JSON, and then counted as kept.
    await page.getByTestId("menu-toggle").click();
    await page.getByTestId("download-draft").click();
    await page.getByTestId("inapp-download").waitFor();
    const draftName = await page.getByTestId("inapp-file-name").innerText();
    assert.match(draftName, /\.baocao\.json$/);
    await page.getByTestId("inapp-share").click();
    await page.getByTestId("inapp-download").waitFor({ state: "detached" });
    const draft = (await page.evaluate(() => window.shared))[1][0];
    assert.equal(draft.name, draftName);
    assert.equal(draft.type, "application/json");
    assert.equal(String.fromCharCode(...draft.head.slice(0, 1)), "{");

    // A text format: its type carries the charset.
    await exportFromMenu(page, "html");
    await page.getByTestId("inapp-share").click();
    await page.getByTestId("inapp-download").waitFor({ state: "detached" });
    const html = (await page.evaluate(() => window.shared))[2][0];
    assert.match(html.name, /\.html$/);
    assert.equal(html.type, "text/html;charset=utf-8");

    // No download was started: in-app browsers may put a blob link's file
    // in place of the page.
    assert.equal(downloads.length, 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("in Messenger without the share API, the dialog says so and how to open a browser", async () => {
  const context = await suite.browser.newContext({ ...PHONE, userAgent: MESSENGER_ANDROID });
  await context.addInitScript(removeShare);
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await exportFromMenu(page, "text");
    await page.getByTestId("inapp-download").waitFor();
    assert.equal(await page.getByTestId("inapp-message").innerText(), MESSAGE);
    assert.match(await page.getByTestId("inapp-cannot-share").innerText(), /không chia sẻ được tệp/);
    assert.equal(await page.getByTestId("inapp-share").count(), 0);
    await page.getByTestId("inapp-close").click();
    await page.getByTestId("inapp-download").waitFor({ state: "detached" });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("in a browser, exporting downloads and shows no in-app message", async () => {
  const context = await suite.browser.newContext({ ...PHONE });
  await context.addInitScript(stubShare);
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await page.getByTestId("menu-toggle").click();
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("inapp-download").count(), 0);
    assert.deepEqual(await page.evaluate(() => window.shared), []);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
