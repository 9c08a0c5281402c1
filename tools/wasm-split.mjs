// Trunk post-build hook, run first: splits the release wasm into the part
// the page loads and the parts it loads when first used (src/ui/lazy.rs),
// in place of the one module Trunk wrote.
//
// Trunk cannot split a module (trunk-rs/trunk#1022), so this redoes its
// last steps from the module rustc wrote, which `./dev` links with
// `--emit-relocs` and `--cfg baocao_split` (and marks with BAOCAO_SPLIT=1):
//   1. wasm-split-cli cuts it at the `#[wasm_split]` marks: main.wasm,
//      one module_N_<part>.wasm per part, chunk_N.wasm for code two parts
//      share, and __wasm_split.js, which fetches them;
//   2. wasm-bindgen writes the glue for main.wasm, keeping the exports the
//      parts link to (--keep-lld-exports), under Trunk's own file names;
//   3. wasm-opt -Oz, as Trunk runs it, on every module;
//   4. each part and __wasm_split.js get a content hash in their names (a
//      new build never mixes with an old part in a cache), and index.html's
//      preload integrity hashes are written again.
// Without BAOCAO_SPLIT=1 (a debug build, or no --emit-relocs) it does
// nothing. `node tools/wasm-split.mjs` reads Trunk's variables.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.BAOCAO_SPLIT !== "1" || process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}
const fail = (message) => {
  console.error(`wasm-split: ${message}`);
  process.exit(1);
};
const staging = process.env.TRUNK_STAGING_DIR ?? fail("TRUNK_STAGING_DIR is not set");
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, "target");
const raw = join(targetDir, "wasm32-unknown-unknown", "release", "baocao.wasm");
if (!existsSync(raw)) fail(`no ${raw}`);

const glue = readdirSync(staging).find((name) => /^baocao-[0-9a-f]+\.js$/.test(name));
if (!glue) fail(`no baocao-<hash>.js in ${staging}`);
const stem = glue.slice(0, -3);
const wasmName = `${stem}_bg.wasm`;
if (!existsSync(join(staging, wasmName))) fail(`no ${wasmName} in ${staging}`);

const work = join(targetDir, "wasm-split");
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "bindgen"), { recursive: true });
const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"] });

// 1. Split.
run(process.env.WASM_SPLIT_CLI ?? "wasm-split-cli", [raw, work, "--out-name", "main", "--target", "web"]);
const splitJs = join(work, "__wasm_split.js");
if (!existsSync(splitJs)) fail("wasm-split-cli wrote no __wasm_split.js: are there split points?");

// 2. Glue for the main part.
run("wasm-bindgen", [
  "--target=web",
  `--out-dir=${join(work, "bindgen")}`,
  `--out-name=${stem}`,
  "--no-typescript",
  "--keep-lld-exports",
  join(work, "main.wasm"),
]);

// 3. Optimise every module.
const parts = readdirSync(work).filter((name) => name.endsWith(".wasm") && name !== "main.wasm");
const optimise = (path) => run("wasm-opt", [`--output=${path}`, "-Oz", path]);
optimise(join(work, "bindgen", wasmName));
for (const part of parts) optimise(join(work, part));

// 4. Hashed names, the loader, the glue, index.html.
const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
let loader = readFileSync(splitJs, "utf8");
// Remove what an earlier build left.
for (const name of readdirSync(staging)) {
  if (/^(split_|module_|chunk_|__wasm_split)/.test(name)) rmSync(join(staging, name));
}
for (const part of parts) {
  const bytes = readFileSync(join(work, part));
  const named = `${part.slice(0, -5)}-${hash(bytes)}.wasm`;
  const quoted = `"./${part}"`;
  if (!loader.includes(quoted)) fail(`__wasm_split.js does not name ${part}`);
  loader = loader.split(quoted).join(`"./${named}"`);
  writeFileSync(join(staging, named), bytes);
}
// A host that serves .wasm with another type than application/wasm (an
// old IIS or Apache without the type) makes instantiateStreaming fail;
// the page's own module falls back to reading the bytes (wasm-bindgen's
// glue does), and so does each part here. A response that is not 200
// (the part missing on the host) is an error the app reports.
const streaming = "(WebAssembly.instantiateStreaming(src, imports))";
if (!loader.includes(streaming)) fail("__wasm_split.js does not instantiate its parts as this hook expects");
loader = loader.split(streaming).join("(__baocaoInstantiate(src, imports))");
loader += `
/* baocao: a part's module, also from a host with the wrong type (tools/wasm-split.mjs) */
async function __baocaoInstantiate(source, imports) {
  const response = await source;
  if (!response.ok) throw new Error(\`\${response.url}: \${response.status} \${response.statusText}\`);
  if ((response.headers.get("content-type") || "").split(";")[0].trim() === "application/wasm") {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;

// A page with no draft to reopen opens on the library: its part is asked
// for beside the page's own module (preloaded, as Trunk preloads that
// module), not one round trip after it has started. The storage key is
// the one src/persist/mod.rs names (`keys::CURRENT`).
const current = readFileSync(join(source, "src", "persist", "mod.rs"), "utf8").match(/pub const CURRENT: &str = "([^"]+)";/)?.[1];
if (!current) fail("no keys::CURRENT in src/persist/mod.rs");
const libraryFiles = [];
{
  const own = loader.match(/export const __wasm_split_load_library = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/);
  if (!own) fail("__wasm_split.js has no library part");
  for (const dep of own[2].split(",").map((name) => name.trim()).filter(Boolean)) {
    const file = loader.match(new RegExp(`const ${dep} = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"`))?.[1];
    if (!file) fail(`__wasm_split.js: the library part needs ${dep}, which it does not define`);
    libraryFiles.push(file);
  }
  libraryFiles.push(own[1]);
}
loader += `
/* baocao: preload the library part (tools/wasm-split.mjs) */
try {
  if (!localStorage.getItem(${JSON.stringify(current)})) {
    for (const file of ${JSON.stringify(libraryFiles)}) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.type = "application/wasm";
      link.crossOrigin = "anonymous";
      link.href = new URL(file, import.meta.url).href;
      document.head.append(link);
    }
  }
} catch (_) {}
/* baocao: end */
`;
if (!loader.includes('from "./main.js"')) fail("__wasm_split.js does not import ./main.js");
loader = loader.replace('from "./main.js"', `from "./${glue}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);

let glueText = readFileSync(join(work, "bindgen", glue), "utf8");
const importOfLoader = /from ['"]\.\/__wasm_split\.js['"]/g;
if (!importOfLoader.test(glueText)) fail(`${glue} does not import ./__wasm_split.js`);
glueText = glueText.replace(importOfLoader, `from './${loaderName}'`);
writeFileSync(join(staging, glue), glueText);
copyFileSync(join(work, "bindgen", wasmName), join(staging, wasmName));

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");
for (const name of [glue, wasmName]) {
  const pattern = new RegExp(`(href="\\./${name.replace(/\./g, "\\.")}"[^>]*integrity=")[^"]*"`);
  if (!pattern.test(html)) fail(`index.html has no integrity for ${name}`);
  html = html.replace(pattern, `$1${integrity(readFileSync(join(staging, name)))}"`);
}
writeFileSync(htmlPath, html);
const size = (name) => readFileSync(join(staging, name)).length;
console.log(
  `wasm-split: ${wasmName} ${size(wasmName)} bytes; parts: ${readdirSync(staging)
    .filter((name) => /^(module_|chunk_)/.test(name))
    .map((name) => `${name} ${size(name)}`)
    .join(", ")}`,
);
