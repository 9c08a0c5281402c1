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
import { compressedSize, pageFiles, partFiles } from "../../tools/first-load.mjs";

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

// What a visit downloads at once may not grow unnoticed. Issue 19 wants at
// most 250 KB brotli (290 KB gzip); the app is above that (docs/
// performance.md, "Size, stop 27"). Until the target is reached the guard
// is the measured figure plus 2 %: a change that needs more raises the
// constants here, with its figures in its commit.
// History of the guard (gzip, everything then loaded at once): 740,766 at
// stop 25, 800,132 at stop 26. At stop 27 the page was split
// (src/ui/lazy.rs, tools/wasm-split.mjs): import, export, consolidation,
// next year, the table editor and the library screen load on first use,
// so the first load is counted as what the page asks for at once
// (tools/first-load.mjs): a returning user's page opens on the draft, a
// new visitor's on the library, which adds that part. At stop 29 the
// app's JSON came to be read by hand (src/model/read.rs): 442,682 →
// 407,053 brotli with a draft open.
const DRAFT_OPEN_BROTLI_MEASURED = 407_053;
const NEW_VISITOR_BROTLI_MEASURED = 459_963;
const DRAFT_OPEN_GZIP_MEASURED = 521_167;
const guard = (measured) => Math.round(measured * 1.02);

test("the first load (wasm + JS + CSS the page asks for at once) stays within its guard", async () => {
  const page = pageFiles(DIST);
  const draftOpen = compressedSize(DIST, page);
  const newVisitor = compressedSize(DIST, [...page, ...partFiles(DIST).get("library")]);
  assert.ok(
    draftOpen.brotli <= guard(DRAFT_OPEN_BROTLI_MEASURED),
    `first load with a draft open ${draftOpen.brotli} bytes brotli, above the guard ${guard(DRAFT_OPEN_BROTLI_MEASURED)}`,
  );
  assert.ok(
    draftOpen.gzip <= guard(DRAFT_OPEN_GZIP_MEASURED),
    `first load with a draft open ${draftOpen.gzip} bytes gzip, above the guard ${guard(DRAFT_OPEN_GZIP_MEASURED)}`,
  );
  assert.ok(
    newVisitor.brotli <= guard(NEW_VISITOR_BROTLI_MEASURED),
    `first load of a new visitor ${newVisitor.brotli} bytes brotli, above the guard ${guard(NEW_VISITOR_BROTLI_MEASURED)}`,
  );
});

test("the release build is split: the parts loaded on first use exist, and none is in the page's own files", async () => {
  const parts = partFiles(DIST);
  assert.deepEqual(
    [...parts.keys()].sort(),
    ["consolidate", "export", "import", "library", "next_year", "table"],
  );
  const page = pageFiles(DIST);
  const files = await readdir(DIST);
  for (const [name, needed] of parts) {
    for (const file of needed) {
      assert.ok(files.includes(file), `part ${name} needs ${file}, which is not in ${DIST}`);
      assert.ok(!page.includes(file), `part ${name}'s ${file} is loaded with the page`);
    }
  }
});
