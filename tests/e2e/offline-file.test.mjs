// The one-file copy, dist/baocao-offline.html, opened from disk (file://)
// with every network request failing: a draft is created, typed in,
// autosaved, still there after a reload, and exported as a download; its
// CSP allows no request at all; the service worker's registration skips it
// without a word. Checked in Chromium (playwright-core) and in Firefox ESR
// (puppeteer-core over WebDriver BiDi) (issue 19, point 3).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, mkdir, readFile, readdir, rm } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "../../tools/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js";
import { DIST, downloadOf, launchBrowser, newDraft, onlyIn, OUTPUT, sheetText } from "./support.mjs";

const FILE = join(DIST, "baocao-offline.html");
const FIREFOX = "/usr/bin/firefox-esr";
const TEXT = "Soạn trên tệp mở từ đĩa";

let root;
before(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  // A copy in a folder of its own, as on a USB stick.
  root = await mkdtemp(join(tmpdir(), "baocao-file-"));
  await mkdir(join(root, "usb"));
  await copyFile(FILE, join(root, "usb", "baocao-offline.html"));
});
after(async () => root && rm(root, { recursive: true, force: true }));

test("the one-file copy allows no request and holds everything it needs", async () => {
  const html = await readFile(FILE, "utf8");
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /script-src 'wasm-unsafe-eval' 'sha256-[^']+'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'/);
  // No other file is named: no script, style, module, manifest or worker.
  assert.doesNotMatch(html, /(src|href)="(?!data:)[^"]*"/);
  assert.doesNotMatch(html, /rel="manifest"|sw\.js/);
});

test("opened from disk in Chromium with no network: create, type, autosave, reload, export", { skip: onlyIn("chromium", "this file opens the one-file copy in both browsers itself") }, async () => {
  const browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  // Every request that would leave the file fails.
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    const url = `file://${join(root, "usb", "baocao-offline.html")}`;
    await page.goto(url);
    await page.getByTestId("workspace").waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => location.origin), "file://");
    await newDraft(page);
    await page.getByTestId("section-editor").nth(2).getByTestId("paragraph").first().click();
    await page.keyboard.type(TEXT);
    await page.getByTestId("save-status").filter({ hasText: /Đã lưu/ }).waitFor();
    await page.reload();
    await page.getByTestId("preview").waitFor({ timeout: 20000 });
    assert.match(await sheetText(page), new RegExp(`2\\. ${TEXT}`));
    await page.screenshot({ path: join(OUTPUT, "offline-file-chromium.png") });

    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), "PK");

    const outside = requests.filter((request) => !/^(file|data|blob):/.test(request));
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await browser.close();
  }
});

test("opened from disk in Firefox: create, type, autosave, reload, download the draft and an export", { skip: onlyIn("chromium", "this file opens the one-file copy in both browsers itself") }, async () => {
  const downloads = join(root, "downloads");
  await mkdir(downloads);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      "browser.download.dir": downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      // No request of Firefox's own (updates, telemetry) while the test runs.
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": 9,
    },
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    const problems = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`file://${join(root, "usb", "baocao-offline.html")}`);
    await page.waitForSelector("[data-testid=workspace]", { timeout: 30000 });
    await page.click("[data-testid=template-tong-ket-phuong-thuc-lanh-dao]");
    await page.waitForSelector("[data-testid=preview]");
    // A click right after the draft opens can land while Firefox still
    // builds the section (seen once in 3 full runs, also by the Firefox
    // suite): the field is found and clicked again until it holds the text.
    for (let attempt = 0; attempt < 3; attempt++) {
      const editors = await page.$$("[data-testid=section-editor]");
      const field = await editors[2].$("[data-testid=paragraph]");
      await field.click();
      await page.keyboard.type(TEXT);
      if ((await field.evaluate((area) => area.value)).includes(TEXT)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await page.waitForFunction(() => /Đã lưu/.test(document.querySelector("[data-testid=save-status]")?.textContent ?? ""));
    await page.reload();
    await page.waitForSelector("[data-testid=preview]", { timeout: 30000 });
    const sheet = await page.evaluate(() => document.getElementById("preview-sheet").textContent);
    assert.ok(sheet.includes(TEXT), "the typed text is gone after the reload");
    await page.screenshot({ path: join(OUTPUT, "offline-file-firefox.png") });

    const downloaded = async (ending) => {
      for (let waited = 0; waited < 10000; waited += 200) {
        // Firefox makes the file empty first and writes it after, and may
        // write it under a temporary name (next to a .part file) that is
        // renamed between the listing and the read: then it looks again.
        const names = await readdir(downloads);
        const name = names.find((file) => file.endsWith(ending));
        let bytes;
        if (name && !names.some((file) => file.endsWith(".part"))) {
          try {
            bytes = await readFile(join(downloads, name));
          } catch (error) {
            if (error.code !== "ENOENT") throw error;
          }
        }
        if (bytes?.length) return bytes;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.fail(`no ${ending} file downloaded: ${await readdir(downloads)}`);
    };
    await page.click("[data-testid=download-draft]");
    assert.ok((await downloaded(".baocao.json")).toString("utf8").includes(TEXT));
    await page.click("[data-testid=export-toggle]");
    await page.click("[data-testid=export-docx]");
    assert.equal((await downloaded(".docx")).subarray(0, 2).toString(), "PK");
    assert.deepEqual(problems, []);

    // Firefox gives a page opened from disk the origin "null" but one
    // local storage for every file: a copy in another folder sees the
    // draft (open in the first tab, so read-only there).
    assert.equal(await page.evaluate(() => location.origin), "null");
    await mkdir(join(root, "other"));
    await copyFile(join(root, "usb", "baocao-offline.html"), join(root, "other", "copy.html"));
    const copy = await browser.newPage();
    await copy.setViewport({ width: 1366, height: 768 });
    await copy.goto(`file://${join(root, "other", "copy.html")}`);
    await copy.waitForSelector("[data-testid=read-only-banner]", { timeout: 30000 });
    const copySheet = await copy.evaluate(() => document.getElementById("preview-sheet").textContent);
    assert.ok(copySheet.includes(TEXT), "the copy in another folder does not see the draft");
  } finally {
    await browser.close();
  }
});
