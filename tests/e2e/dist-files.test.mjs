// The release build as a static host gets it: each file of the page
// (wasm, JS, CSS, HTML) has a .gz and a .br beside it that give back its
// exact bytes, so that a host serving them precompressed serves the same
// app (issue 19, point 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { DIST } from "./support.mjs";

test("./dev dist writes a .gz and a .br beside each file of the page, with the same bytes inside", async () => {
  const files = await readdir(DIST);
  const page = files.filter((file) => /\.(wasm|js|css|html)$/.test(file));
  assert.ok(page.some((file) => file.endsWith(".wasm")), `no wasm in ${DIST}: ${files}`);
  for (const file of page) {
    const bytes = await readFile(join(DIST, file));
    assert.ok(files.includes(`${file}.gz`), `${file}.gz is missing`);
    assert.ok(files.includes(`${file}.br`), `${file}.br is missing`);
    assert.deepEqual(gunzipSync(await readFile(join(DIST, `${file}.gz`))), bytes, `${file}.gz`);
    const br = await readFile(join(DIST, `${file}.br`));
    assert.deepEqual(brotliDecompressSync(br), bytes, `${file}.br`);
    if (bytes.length > 10000) assert.ok(br.length < bytes.length / 2, `${file}.br is not compressed`);
  }
});

// What a first visit downloads (wasm, JS and CSS, gzip -9 as ./dev dist
// writes them) may not grow unnoticed. Issue 19 wants at most 290 KB gzip
// (250 KB brotli); the app is well above that (docs/performance.md, "Size,
// stop 25", has the figures and the plan). Until the target is reached the
// guard is the measured first load plus 2 %: a change that needs more has
// to raise FIRST_LOAD_GZIP_GUARD here, with its figures in its commit.
// Raised at stop 25 from 740,766 when pictures (+23.5 KB gzip: the
// figure editor, the picture store, base64, DOCX media), IndexedDB and
// erasing (+17.5 KB) and the in-app share dialog came in. Raised at stop 26
// from 784,146 (main at 4aa5c65 measured 784,216) to 800,132 (+15.9 KB gzip)
// when closed drafts, the trash and pictures moved to IndexedDB: parking and
// bringing back drafts, the moves at start, the trash in both stores,
// pictures held by the session and collected, the shell's jobs.
const FIRST_LOAD_GZIP_MEASURED = 800_132;
const FIRST_LOAD_GZIP_GUARD = Math.round(FIRST_LOAD_GZIP_MEASURED * 1.02);

test("the first load (wasm + JS + CSS, gzip) stays within its guard", async () => {
  const files = await readdir(DIST);
  const page = files.filter((file) => /\.(wasm|js|css)$/.test(file));
  let total = 0;
  for (const file of page) {
    total += (await readFile(join(DIST, `${file}.gz`))).length;
  }
  assert.ok(
    total <= FIRST_LOAD_GZIP_GUARD,
    `first load ${total} bytes gzip, above the guard ${FIRST_LOAD_GZIP_GUARD} (measured ${FIRST_LOAD_GZIP_MEASURED} + 2 %)`,
  );
});
