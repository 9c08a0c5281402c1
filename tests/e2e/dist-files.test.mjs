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
