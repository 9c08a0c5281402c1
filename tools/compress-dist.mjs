// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside each
// file given, for a static host that serves them to browsers which ask,
// and prints "bytes gzip brotli file" per file (tab-separated).
//
// Usage: node tools/compress-dist.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  console.log([bytes.length, gz.length, br.length, file].join("\t"));
}
