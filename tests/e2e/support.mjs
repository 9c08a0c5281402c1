// Shared helpers for the end-to-end tests: a static server for the release
// build in dist/ (optionally under a sub-path, as on a real static host) and
// a headless Chromium launched through playwright-core with Debian's binary.
import { before, after } from "node:test";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "../../tools/node_modules/playwright-core/index.mjs";

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

export function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/// Opens `url` in a new page and waits until the app has started. Collects
/// console errors, page errors and CSP violations into `page.problems`.
export async function openApp(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`pageerror: ${error.message}`));
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
export async function catchFileChoosers(page) {
  const opened = [];
  const waiting = [];
  page.on("filechooser", (chooser) => (waiting.length ? waiting.shift()(chooser) : opened.push(chooser)));
  // A round trip through the page: the subscription above went out first.
  await page.evaluate(() => true);
  return {
    next: () => (opened.length ? Promise.resolve(opened.shift()) : new Promise((resolve) => waiting.push(resolve))),
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
