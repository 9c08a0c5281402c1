// Shared helpers for the end-to-end tests: a static server for the release
// build in dist/ (optionally under a sub-path, as on a real static host) and
// a headless browser launched through playwright-core with Debian's binary:
// Chromium (over CDP), or Firefox ESR over WebDriver BiDi when
// BAOCAO_BROWSER=firefox (`./dev test` runs the suite in both).
import { before, after } from "node:test";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, stat } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, firefox } from "../../tools/node_modules/playwright-core/index.mjs";

export const DIST = process.env.BAOCAO_DIST ?? new URL("../../dist", import.meta.url).pathname;
export const OUTPUT = process.env.BAOCAO_TEST_OUTPUT ?? new URL("./output", import.meta.url).pathname;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/// Serves `root` on 127.0.0.1 under `prefix` ("/" or "/baocao/"). Resolves to
/// { origin, url, hits, close }, where `hits` lists every path requested.
export async function serveDist({ root = DIST, prefix = "/" } = {}) {
  const hits = [];
  const server = createServer(async (request, response) => {
    hits.push(request.url);
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end("not found");
      return;
    }
    let relative = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
    if (relative === "" || relative === "." || relative.endsWith("/")) relative = join(relative, "index.html");
    const file = join(root, relative);
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + prefix, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/// The browser the suite runs in: "chromium" (the default) or "firefox".
export const BROWSER = process.env.BAOCAO_BROWSER === "firefox" ? "firefox" : "chromium";
export const FIREFOX_BIN = process.env.BAOCAO_FIREFOX ?? "/usr/bin/firefox-esr";

/// Why a test does not run in this browser, or `false` when it does: for
/// `test(name, { skip: onlyIn("chromium", "why") }, …)`. Only for what the
/// driver cannot do in the other browser (Playwright's `page.pdf()` and CDP
/// sessions are Chromium's), never for an app feature that fails there.
export function onlyIn(browser, why) {
  return BROWSER === browser ? false : `${browser} only: ${why}`;
}

/// Where Firefox saves the files the app downloads (see `downloadOf`).
const FIREFOX_DOWNLOADS = BROWSER === "firefox" ? mkdtempSync(join(tmpdir(), "baocao-downloads-")) : null;

export function launchBrowser() {
  if (BROWSER === "firefox") {
    // Playwright's "moz-" channels drive a stock Firefox over WebDriver
    // BiDi (its own patched Firefox is not installable here).
    return firefox.launch({
      channel: "moz-firefox",
      executablePath: FIREFOX_BIN,
      headless: true,
      downloadsPath: FIREFOX_DOWNLOADS,
    });
  }
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/// The SHA-256 of "body {}", the style Playwright adds before a screenshot.
const PLAYWRIGHT_SCREENSHOT_STYLE_HASH = "sha256-YjaKGiklmzC6wjXA513HAMmzus8VE61XCOT+SmwNZWA=";

/// Opens `url` in a new page and waits until the app has started. Collects
/// console errors, page errors and CSP violations into `page.problems`.
export async function openApp(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    // Before a screenshot Playwright adds `<style>body {}</style>` to the
    // page for a moment; over BiDi the page's CSP blocks it and Firefox
    // reports that as an error. It is the driver's, not the app's: only that
    // one style's hash is let through.
    if (error.message.includes(PLAYWRIGHT_SCREENSHOT_STYLE_HASH)) return;
    page.problems.push(`pageerror: ${error.message}`);
  });
  await page.goto(url);
  await page.waitForSelector("[data-testid=workspace]", { timeout: 20000 });
  return page;
}

/// Starts one browser and one server for the tests of a file and stops them
/// afterwards; the returned object holds both once the tests run.
export function useBrowserAndServer() {
  const suite = { browser: null, server: null };
  before(async () => {
    suite.browser = await launchBrowser();
    suite.server = await serveDist();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/// Starts catching the page's file choosers, and resolves once Chromium has
/// been told to intercept them. Returns `next()`, which resolves to the next
/// chooser opened. Registering `waitForEvent("filechooser")` together with
/// the key press races: Playwright enables interception while the key press
/// is already on its way, and about one run in forty the chooser opened
/// before interception and was never reported.
///
/// Firefox over BiDi reports only the first file chooser of a page: after
/// Playwright has answered it, Firefox holds it as still open and opens no
/// other. So there the page notes which file input the app clicked (the
/// click itself goes through), and when no chooser is reported within
/// 2 s, the files are set on that input, as a chooser would.
export async function catchFileChoosers(page) {
  const opened = [];
  const waiting = [];
  page.on("filechooser", (chooser) => (waiting.length ? waiting.shift()(chooser) : opened.push(chooser)));
  // A round trip through the page: the subscription above went out first.
  if (BROWSER === "firefox") {
    await page.evaluate(() => {
      if (window.__baocaoNoteFileInputs) return;
      window.__baocaoNoteFileInputs = true;
      const click = HTMLInputElement.prototype.click;
      HTMLInputElement.prototype.click = function () {
        if (this.type === "file") window.__baocaoLastFileInput = this;
        return click.call(this);
      };
    });
  } else {
    await page.evaluate(() => true);
  }
  const fallback = async () => {
    const input = await page.waitForFunction(() => window.__baocaoLastFileInput ?? false);
    await page.evaluate(() => (window.__baocaoLastFileInput = undefined));
    return { setFiles: (files) => input.asElement().setInputFiles(files) };
  };
  const next = () => (opened.length ? Promise.resolve(opened.shift()) : new Promise((resolve) => waiting.push(resolve)));
  return {
    next: async () => {
      if (BROWSER !== "firefox") return next();
      const event = next();
      const late = new Promise((resolve) => setTimeout(() => resolve(null), 2000));
      const chooser = await Promise.race([event, late]);
      if (chooser) {
        await page.evaluate(() => (window.__baocaoLastFileInput = undefined));
        return chooser;
      }
      // The reported chooser, if it comes after all, is not used.
      waiting.length = 0;
      return fallback();
    },
  };
}

/// Waits until the preview shows what was typed: it follows typing a moment
/// later (at most 150 ms), and says so with `data-settled` on the sheet.
export async function settled(page) {
  await page.waitForFunction(() => document.getElementById("preview-sheet")?.dataset.settled === "true");
}

/// The text of the preview sheet as a reader who copies it gets it, once it
/// shows what was typed (`settled`): the whole
/// sheet selected, then the selection's text. The browser skips rendering
/// the parts of a long sheet far from the screen and `innerText` leaves them
/// out; a selection brings them in, as it does when a user copies. Focus and
/// the caret of the focused field are put back afterwards.
export async function sheetText(page) {
  await settled(page);
  return page.evaluate(async () => {
    const sheet = document.getElementById("preview-sheet");
    const focused = document.activeElement;
    const caret = focused && typeof focused.selectionStart === "number" ? [focused.selectionStart, focused.selectionEnd] : null;
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(sheet);
    selection.removeAllRanges();
    selection.addRange(range);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const text = selection.toString();
    selection.removeAllRanges();
    if (focused && focused !== document.body) {
      focused.focus();
      if (caret) focused.setSelectionRange(caret[0], caret[1]);
    }
    return text;
  });
}

/// Starts a new draft from the template `template` with the visible
/// button of the library, and waits for its preview.
export async function newDraft(page, template = "tong-ket-phuong-thuc-lanh-dao") {
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId("preview").waitFor();
}

/// The editor of the section whose outline reference is `reference`
/// ("I.2"), once the outline shows the last change (`settled`); fails when
/// the outline has no such section.
export async function sectionEditor(page, reference) {
  await settled(page);
  const references = await page.getByTestId("outline-entry").evaluateAll((entries) => entries.map((e) => e.dataset.reference));
  const index = references.indexOf(reference);
  if (index < 0) throw new Error(`no section ${reference} in ${references}`);
  return page.getByTestId("section-editor").nth(index);
}

/// The app's bulk store (IndexedDB "baocao", object store "bulk") as
/// { key: value }, or {} when there is none yet. Never creates the
/// database.
export function bulkEntries(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes("baocao")) return {};
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("baocao");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const database = open.result;
        if (!database.objectStoreNames.contains("bulk")) {
          database.close();
          resolve({});
          return;
        }
        const store = database.transaction("bulk").objectStore("bulk");
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          database.close();
          resolve(Object.fromEntries(keys.result.map((key, i) => [key, values.result[i]])));
        };
        values.onerror = () => reject(values.error);
      };
    });
  });
}

/// The reasons of the open draft's versions as stored in the bulk store.
export async function storedVersionReasons(page) {
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem("baocao.current")));
  const text = (await bulkEntries(page))[`versions/${id}`];
  return text ? JSON.parse(text).map((version) => version.reason) : [];
}

/// Converts `docx` to a PDF beside it in OUTPUT with LibreOffice (its own
/// profile, so that runs never share one); returns the PDF's path.
export async function docxToPdf(docx) {
  const profile = await mkdtemp(join(tmpdir(), "lo-"));
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", OUTPUT, docx],
    { stdio: "pipe", timeout: 150000 },
  );
  return docx.replace(/\.docx$/, ".pdf");
}

/// Runs `action` (a click on a visible control) and resolves to the file
/// the browser downloaded because of it, as { suggestedFilename(), path(),
/// saveAs(to) }. In Chromium that is Playwright's download event. Firefox
/// ESR sends its BiDi download events without the id Playwright waits for,
/// so there the file is taken from where Firefox saved it: the first new,
/// finished file in its downloads folder, moved aside so that a later file
/// of the same name is not renamed.
export async function downloadOf(page, action) {
  if (BROWSER !== "firefox") {
    const [download] = await Promise.all([page.waitForEvent("download"), action()]);
    return download;
  }
  const [download] = await downloadsOf(page, action, 1, 30000);
  if (!download) throw new Error("downloadOf: Firefox saved no file within 30 s");
  return download;
}

/// Runs `action` and resolves to the files downloaded because of it, once
/// `count` have come or `wait` ms have passed (then fewer), in the order
/// they came; each as `downloadOf` gives it.
export async function downloadsOf(page, action, count, wait = 5000) {
  if (BROWSER !== "firefox") {
    const downloads = [];
    const take = (download) => downloads.push(download);
    page.on("download", take);
    await action();
    const deadline = Date.now() + wait;
    while (downloads.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    page.off("download", take);
    return downloads;
  }
  const before = new Set(await readdir(FIREFOX_DOWNLOADS));
  await action();
  const found = [];
  const deadline = Date.now() + wait;
  while (found.length < count && Date.now() < deadline) {
    const names = await readdir(FIREFOX_DOWNLOADS);
    const partial = names.some((name) => name.endsWith(".part"));
    const fresh = names.filter((name) => !before.has(name) && !name.endsWith(".part"));
    if (fresh.length > 0 && !partial) {
      for (const name of fresh) {
        const aside = await mkdtemp(join(tmpdir(), "baocao-download-"));
        const path = join(aside, name);
        // Firefox may still be renaming a file it has just written (a
        // temporary name, then the file's own): it is looked for again.
        try {
          await rename(join(FIREFOX_DOWNLOADS, name), path);
        } catch (error) {
          if (error.code !== "ENOENT") throw error;
          continue;
        }
        found.push({
          suggestedFilename: () => name,
          path: async () => path,
          saveAs: async (to) => {
            await mkdir(join(to, ".."), { recursive: true });
            await copyFile(path, to);
          },
        });
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return found;
}

/// Types `text` over what `field` holds and leaves it, as a user does:
/// the field's text selected, the keys typed, then focus moved on (which
/// sends `change`). Playwright's `fill()` sets the value by script over
/// BiDi, after which Firefox sends no `change` when the field is left.
export async function typeOver(field, text) {
  await field.selectText();
  await field.page().keyboard.type(text);
  await field.blur();
}

/// Prints the page to a PDF at `path`. Chromium takes the paper from the
/// page's @page rules. Firefox's print over BiDi takes the paper the driver
/// names (Letter unless told) and the margins from @page, so there it is
/// told A4, the app's paper, turned as the draft's page setting is.
export async function printToPdf(page, path) {
  if (BROWSER !== "firefox") return page.pdf({ path, preferCSSPageSize: true });
  const landscape = await page.evaluate(
    () => getComputedStyle(document.getElementById("preview-sheet")).getPropertyValue("--page-width").trim() === "297mm",
  );
  return page.pdf({ path, format: "A4", landscape });
}

/// Lets the page write to the clipboard and the test read it back
/// (`clipboardText`). Firefox has no clipboard permissions to grant: a
/// click lets the page write, and the test reads with a paste.
export async function allowClipboard(context, origin) {
  if (BROWSER === "chromium") await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
}

/// The text on the clipboard. Firefox asks the user before a page reads
/// it, so there it is pasted (Ctrl+V) into a scratch box instead.
export async function clipboardText(page) {
  if (BROWSER === "chromium") return page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => {
    const box = document.createElement("textarea");
    box.id = "test-clipboard-scratch";
    document.body.append(box);
    box.focus();
  });
  await page.keyboard.press("Control+v");
  return page.evaluate(() => {
    const box = document.getElementById("test-clipboard-scratch");
    box.remove();
    return box.value;
  });
}
