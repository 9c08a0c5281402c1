// The app after one visit: the service worker (dist/sw.js) keeps the
// build's files, so that the page opens and works with the network off; a
// new version waits and is announced by a banner, and the page reloads only
// when the user clicks it, never under typing; the web manifest makes it
// installable, and the installed app opens the draft files the system hands
// it like "Mở tệp…" (issue 19, point 2).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BROWSER, DIST, downloadOf, launchBrowser, newDraft, openApp, OUTPUT, serveDist, sheetText } from "./support.mjs";

let browser;
before(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchBrowser();
});
after(async () => browser?.close());

/// Resolves once a service worker controls the page and holds its files.
async function workerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}

/// Types into the paragraph of item I.2 (the third section editor).
async function typeInItemTwo(page, text) {
  await page.getByTestId("section-editor").nth(2).getByTestId("paragraph").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

async function saved(page) {
  await page.getByTestId("save-status").filter({ hasText: /Đã lưu|Saved/ }).waitFor();
}

test("after one visit the app opens and works with the network off", async () => {
  const server = await serveDist();
  const context = await browser.newContext();
  try {
    const page = await openApp(context, server.url);
    await workerReady(page);
    const files = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((key) => key.startsWith("baocao-")));
      return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1));
    });
    for (const kind of [/\.wasm$/, /\.js$/, /\.css$/, /^index\.html$/, /^manifest\.webmanifest$/, /^icon-512\.png$/]) {
      assert.ok(files.some((file) => kind.test(file)), `${kind} is not kept: ${files}`);
    }

    await context.setOffline(true);
    const heard = server.hits.length;
    await page.reload();
    await page.getByTestId("workspace").waitFor({ timeout: 20000 });
    await newDraft(page);
    await typeInItemTwo(page, "Soạn khi mất mạng");
    await saved(page);
    await page.reload();
    await page.getByTestId("preview").waitFor({ timeout: 20000 });
    assert.match(await sheetText(page), /2\. Soạn khi mất mạng/);
    // The server heard nothing once the network was off. Firefox checks
    // for a newer sw.js on reload past the driver's offline switch (with no
    // network that check fails, and the cached worker serves the page).
    const heardAfter = server.hits.slice(heard).filter((path) => !(BROWSER === "firefox" && path === "/sw.js"));
    assert.deepEqual(heardAfter, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("a new version waits for the user's click and never reloads the page by itself", async () => {
  const root = await mkdtemp(join(tmpdir(), "baocao-sw-"));
  await cp(DIST, root, { recursive: true });
  const server = await serveDist({ root });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, server.url);
    await workerReady(page);
    await newDraft(page);
    await typeInItemTwo(page, "Trước bản mới");
    await page.evaluate(() => (window.sameDocument = true));

    // A new build is published: its worker has another version.
    const worker = join(root, "sw.js");
    const source = await readFile(worker, "utf8");
    const next = source.replace(/const VERSION = "([0-9a-f]+)"/, (_, version) => `const VERSION = "${version}-next"`);
    assert.notEqual(next, source);
    await writeFile(worker, next);
    // The check a page makes every hour, or at its next visit.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByTestId("update-banner");
    await banner.waitFor({ timeout: 20000 });
    assert.match(await banner.innerText(), /Có phiên bản mới/);

    // The user keeps typing: nothing reloads under them.
    await typeInItemTwo(page, ", vẫn gõ tiếp");
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    await page.screenshot({ path: join(OUTPUT, "offline-update-banner.png") });

    // The click saves, lets the new version in and reloads.
    await Promise.all([page.waitForEvent("load"), page.getByTestId("update-reload").click()]);
    await page.getByTestId("preview").waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => window.sameDocument), undefined);
    assert.match(await sheetText(page), /2\. Trước bản mới, vẫn gõ tiếp/);
    assert.equal(await page.getByTestId("update-banner").count(), 0);
    const active = await page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith("baocao-")));
    assert.equal(active.length, 1);
    assert.match(active[0], /-next$/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

test("the page is installable: a web manifest with its icons and the draft files it opens", async () => {
  const server = await serveDist();
  const context = await browser.newContext();
  try {
    const page = await openApp(context, server.url);
    const href = await page.getAttribute('link[rel="manifest"]', "href");
    const manifest = await (await fetch(new URL(href, server.url))).json();
    assert.equal(manifest.name, "Báo cáo");
    assert.equal(manifest.start_url, "./");
    assert.equal(manifest.display, "standalone");
    assert.match(manifest.description, /báo cáo/i);
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    assert.deepEqual(sizes.sort(), ["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, server.url));
      assert.equal(response.status, 200, icon.src);
      const bytes = Buffer.from(await response.arrayBuffer());
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    }
    assert.deepEqual(manifest.file_handlers[0].accept, { "application/json": [".json"] });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the installed app opens a draft file the system hands it, like Mở tệp…", async () => {
  const server = await serveDist();
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    // The browser's launch queue, as an installed app opened with "Open
    // with Báo cáo" has it; the test hands it the file.
    await context.addInitScript(() => {
      const queue = { consumer: null, setConsumer: (consumer) => (queue.consumer = consumer) };
      Object.defineProperty(window, "launchQueue", { value: queue, configurable: true });
    });
    const page = await openApp(context, server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const download = await downloadOf(page, () => page.getByTestId("download-draft").click());
    const text = await readFile(await download.path(), "utf8");
    await page.getByTestId("close-draft").click();
    const handed = await page.evaluate(async (content) => {
      if (!window.launchQueue.consumer) return false;
      const file = new File([content], "mau.baocao.json", { type: "application/json" });
      window.launchQueue.consumer({ files: [{ kind: "file", name: file.name, getFile: async () => file }] });
      return true;
    }, text);
    assert.equal(handed, true, "the app set no launch consumer");
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-title").innerText(), /Hội nghị tổng kết đổi mới/);
    await page.getByTestId("import-as-new").click();
    await page.getByTestId("preview").waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});
