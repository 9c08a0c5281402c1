// Opening the page on a weak connection, two builds side by side: each
// round opens build A then build B (the order alternates by round, so the
// machine's drift falls on both alike), over a link throttled in Chromium
// (1.6 Mbit/s down, 150 ms round trip: a school's shared ADSL or weak 3G),
// with the HTTP cache off and no service worker, from a host that serves
// the .br files `./dev dist` writes (as a static host configured for them
// does). Two moments, from the start of the navigation:
//   - a new visitor: the library's templates are on screen;
//   - a returning user: the first paragraph of the open draft takes typing.
// Prints the medians, their ratio and the bytes each build sent.
//
// With BAOCAO_LOAD_DRAFT=FILE the returning user's draft is that file
// (opened through "Mở tệp…", e.g. the bench's 300-item report) instead of
// a new one from the first outline; BAOCAO_LOAD_NO_THROTTLE=1 leaves the
// link as it is (the machine's own loopback).
//
// Usage: node tools/bench-load.mjs <dist-A> <label-A> <dist-B> <label-B> [rounds]
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const [distA, labelA, distB, labelB, roundsText = "7"] = process.argv.slice(2);
if (!distA || !labelA || !distB || !labelB) {
  console.error("usage: node tools/bench-load.mjs <dist-A> <label-A> <dist-B> <label-B> [rounds]");
  process.exit(2);
}
const ROUNDS = Number(roundsText);
const DRAFT = process.env.BAOCAO_LOAD_DRAFT ? readFileSync(process.env.BAOCAO_LOAD_DRAFT) : null;
const THROTTLE = process.env.BAOCAO_LOAD_NO_THROTTLE !== "1";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

function serve(root) {
  const sent = { bytes: 0 };
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index.html";
    const file = join(root, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    let body = readFileSync(file);
    if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "") && existsSync(`${file}.br`)) {
      body = readFileSync(`${file}.br`);
      headers["content-encoding"] = "br";
    }
    sent.bytes += body.length;
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, sent, close: () => server.close() })),
  );
}

const builds = [
  { label: labelA, server: await serve(distA), visitor: [], returning: [], bytes: [] },
  { label: labelB, server: await serve(distB), visitor: [], returning: [], bytes: [] },
];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});

async function throttled(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (THROTTLE) await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) | 0,
    uploadThroughput: (0.8e6 / 8) | 0,
  });
  return page;
}

const now = (page) => page.evaluate(() => performance.now());

async function round(build) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1366, height: 768 } });
  try {
    // A new visitor.
    let page = await throttled(context);
    const before = build.server.sent.bytes;
    await page.goto(build.server.url, { waitUntil: "commit" });
    await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").waitFor({ timeout: 120000 });
    build.visitor.push(await now(page));
    build.bytes.push(build.server.sent.bytes - before);
    if (DRAFT) {
      await page.getByTestId("file-input").setInputFiles({ name: "lon.baocao.json", mimeType: "application/json", buffer: DRAFT });
      await page.getByTestId("import-as-new").click({ timeout: 120000 });
      await page.getByTestId("preview").waitFor({ timeout: 120000 });
    } else {
      await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").click();
    }
    await page.locator('[data-testid="section-editor"] [data-testid="paragraph"]').first().fill("Đoạn đã gõ.");
    await page.getByTestId("save-status").filter({ hasText: /Đã lưu/ }).waitFor({ timeout: 60000 });
    await page.close();
    // The same user the next day: the page opens on the draft.
    page = await throttled(context);
    await page.goto(build.server.url, { waitUntil: "commit" });
    const editable = await page.waitForFunction(() => {
      const field = document.querySelectorAll('[data-testid="section-editor"]')[1]?.querySelector('[data-testid="paragraph"]');
      return field && !field.disabled && !field.readOnly ? performance.now() : false;
    }, null, { polling: "raf", timeout: 120000 });
    build.returning.push(await editable.jsonValue());
  } finally {
    await context.close();
  }
}

for (let n = 0; n < ROUNDS; n++) {
  const order = n % 2 ? [builds[1], builds[0]] : [builds[0], builds[1]];
  for (const build of order) await round(build);
  process.stderr.write(`round ${n + 1}/${ROUNDS}\n`);
}
await browser.close();
for (const build of builds) build.server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const [a, b] = builds;
const row = (name, pick, unit) => {
  const ma = median(pick(a));
  const mb = median(pick(b));
  const spread = (values) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
  console.log(`| ${name} | ${Math.round(ma)} ${unit} (${spread(pick(a))}) | ${Math.round(mb)} ${unit} (${spread(pick(b))}) | ${(ma / mb).toFixed(2)} |`);
};
const link = THROTTLE ? "at 1.6 Mbit/s, 150 ms round trip" : "over loopback, not throttled";
const draft = DRAFT ? `, the returning user's draft ${process.env.BAOCAO_LOAD_DRAFT}` : "";
console.log(`\nOpening the page ${link}${draft}, ${ROUNDS} rounds interleaved (medians, range):\n`);
console.log(`| | ${a.label} | ${b.label} | ratio |`);
console.log("|---|---|---|---|");
row("new visitor: the library on screen", (build) => build.visitor, "ms");
row("returning user: the draft takes typing", (build) => build.returning, "ms");
row("bytes sent to a new visitor until then (brotli)", (build) => build.bytes, "B");
