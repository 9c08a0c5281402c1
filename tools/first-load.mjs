// What a visit downloads, from a release build in DIST: the files the page
// loads at once (index.html's loader: the glue, the loader of the parts
// it imports, the main wasm; the stylesheet; sw.js), and for each part of
// the app loaded on first use (src/ui/lazy.rs) the files it adds (its own
// module and the chunks it shares with other parts), as the loader
// `__wasm_split-*.js` written by tools/wasm-split.mjs names them.
//
// `node tools/first-load.mjs [DIST]` prints, from the .gz and .br files
// `./dev dist` writes beside each file, the two figures issue 19 (point 4)
// is about: a returning user's first load (the page opens on the draft)
// and a new visitor's (the page opens on the library: + the library
// part), then each part. The e2e tests import `pageFiles`/`partFiles`.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/// The files the page itself loads, in the order it asks for them.
export function pageFiles(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const glue = html.match(/from '\.\/([^']+\.js)'/)?.[1];
  const wasm = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  const css = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/)?.[1];
  if (!glue || !wasm || !css) throw new Error(`index.html names no glue, wasm or stylesheet`);
  const files = [glue];
  const loader = readFileSync(join(dist, glue), "utf8").match(/from '\.\/(__wasm_split-[0-9a-f]+\.js)'/)?.[1];
  if (loader) files.push(loader);
  files.push(wasm, css);
  if (existsSync(join(dist, "sw.js"))) files.push("sw.js");
  return files;
}

/// Each part the loader can fetch: its name ("import", "table", ...) and
/// its files, the part's own module last.
export function partFiles(dist) {
  const loaderName = pageFiles(dist).find((file) => file.startsWith("__wasm_split-"));
  if (!loaderName) return new Map();
  const loader = readFileSync(join(dist, loaderName), "utf8");
  const chunks = new Map();
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    chunks.set(m[1], m[2]);
  }
  const parts = new Map();
  const exported = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g;
  for (const m of loader.matchAll(exported)) {
    const own = m[2].match(/new URL\("\.\/([^"]+)"/)?.[1];
    const deps = m[3].split(",").map((name) => name.trim()).filter(Boolean).map((name) => {
      if (!chunks.has(name)) throw new Error(`${loaderName}: part ${m[1]} needs ${name}, which it does not define`);
      return chunks.get(name);
    });
    parts.set(m[1], own ? [...deps, own] : deps);
  }
  return parts;
}

/// Sums the compressed sizes (the .gz and .br beside each file).
export function compressedSize(dist, files) {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    gzip += readFileSync(join(dist, `${file}.gz`)).length;
    brotli += readFileSync(join(dist, `${file}.br`)).length;
  }
  return { gzip, brotli };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? "dist";
  const page = pageFiles(dist);
  const parts = partFiles(dist);
  const line = (label, files) => {
    const { gzip, brotli } = compressedSize(dist, files);
    console.log(`${label.padEnd(44)} ${String(gzip).padStart(10)} ${String(brotli).padStart(10)}`);
  };
  console.log(`${"".padEnd(44)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`);
  line("first load, a draft open (returning user)", page);
  if (parts.has("library")) line("first load, the library (new visitor)", [...page, ...parts.get("library")]);
  for (const [name, files] of parts) line(`  part "${name}", on first use`, files);
  const all = readdirSync(dist).filter((file) => /\.(wasm|js|css)$/.test(file) && !page.includes(file));
  line("everything (cached in the background)", [...page, ...all]);
}
