// Shared helpers for the end-to-end tests in Firefox: Debian's firefox-esr
// driven by puppeteer-core over WebDriver BiDi (Playwright drives only its
// own patched Firefox, which cannot be downloaded here), with downloads
// saved without asking into a folder per test file, and the release build
// in dist/ served by the Chromium tests' server.
import { before, after } from "node:test";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "../../tools/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js";
import { serveDist } from "../e2e/support.mjs";

export const FIREFOX = process.env.BAOCAO_FIREFOX ?? "/usr/bin/firefox-esr";

/// Every file type the app offers, saved without a dialog.
const SAVE_TYPES = [
  "application/json",
  "text/html",
  "text/markdown",
  "text/plain",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/octet-stream",
].join(",");

/// Starts Firefox (with `prefs` on top of the download ones) and the server
/// for the tests of a file and stops them afterwards; the returned object holds the browser, the server and the
/// download folder once the tests run.
export function useFirefoxAndServer({ prefs = {} } = {}) {
  const suite = { browser: null, server: null, downloads: null };
  before(async () => {
    suite.downloads = await mkdtemp(join(tmpdir(), "baocao-firefox-downloads-"));
    suite.browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: { width: 1366, height: 768 },
      extraPrefsFirefox: {
        "browser.download.folderList": 2,
        "browser.download.dir": suite.downloads,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.helperApps.neverAsk.saveToDisk": SAVE_TYPES,
        ...prefs,
      },
    });
    suite.server = await serveDist();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (suite.downloads) await rm(suite.downloads, { recursive: true, force: true });
  });
  return suite;
}

/// Opens the app in a new private context (its own storage) and waits until
/// it has started. Collects console errors and page errors into
/// `page.problems`. Returns { context, page }.
export async function openApp(suite) {
  const context = await suite.browser.createBrowserContext();
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`pageerror: ${error.message ?? error}`));
  await page.goto(suite.server.url);
  await page.waitForSelector("[data-testid=workspace]", { timeout: 20000 });
  return { context, page };
}

/// `[data-testid=id]`.
export const byTestId = (id) => `[data-testid="${id}"]`;

/// Clicks the visible element with test id `id` (the first one).
export async function click(page, id) {
  await page.locator(byTestId(id)).click();
}

/// The text of the first element with test id `id`.
export function text(page, id) {
  return page.$eval(byTestId(id), (element) => element.innerText);
}

/// Waits until `predicate(page)` holds, polling; fails with `what` after
/// `timeout` ms.
export async function until(what, predicate, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/// Clicks `handle` once it has stopped moving: puppeteer clicks at a
/// point, and while a long draft's sections are still being built on
/// screen (a few at a time) the buttons below them move down.
export async function clickSettled(handle) {
  let last = null;
  await until("the element to stop moving", async () => {
    const box = JSON.stringify(await handle.boundingBox());
    const settled = box === last;
    last = box;
    if (!settled) await new Promise((resolve) => setTimeout(resolve, 150));
    return settled;
  });
  await handle.click();
}

/// The editor of the section whose outline reference is `reference`.
export async function sectionEditor(page, reference) {
  const references = await page.$$eval(byTestId("outline-entry"), (entries) => entries.map((e) => e.dataset.reference));
  const index = references.indexOf(reference);
  if (index < 0) throw new Error(`no section ${reference} in ${references}`);
  return (await page.$$(byTestId("section-editor")))[index];
}

/// Waits for a file whose name matches `pattern` to be saved complete in
/// the download folder, and returns its path and bytes.
export async function downloaded(suite, pattern, timeout = 15000) {
  let found = null;
  await until(
    `a download matching ${pattern}`,
    async () => {
      const names = await readdir(suite.downloads);
      // Firefox writes "<name>.part" first and renames it when done.
      const name = names.find((n) => pattern.test(n) && !n.endsWith(".part"));
      if (!name || names.includes(`${name}.part`)) return false;
      const path = join(suite.downloads, name);
      if ((await stat(path)).size === 0) return false;
      found = { path, name, bytes: await readFile(path) };
      return true;
    },
    timeout,
  );
  return found;
}

/// The preview sheet's text.
export function sheetText(page) {
  return page.$eval("#preview-sheet", (sheet) => sheet.textContent);
}
