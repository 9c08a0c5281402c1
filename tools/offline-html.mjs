// The one-file copy: writes DIST/baocao-offline.html, the whole app in a
// single HTML file that works opened from disk (file://) with no network
// and no server, to be copied onto a USB stick or sent by mail. Run by
// `./dev dist` after Trunk's build: `node tools/offline-html.mjs [DIST]`.
//
// It holds the stylesheet in a <style>, the favicon as a data: URL, the
// wasm module in base64 in a data block (a <script> of a type browsers
// never run), and wasm-bindgen's JS glue inline in the loader script, which
// instantiates the module from those bytes instead of fetching it by URL.
// The parts of a split build (src/ui/lazy.rs) come too, each in a data
// block of its own: their loader goes inline in front of the glue, and
// reads a part from its block where it would have fetched it.
// Its Content-Security-Policy allows no network at all (default-src and
// connect-src 'none'): only its own two inline blocks, by SHA-256 hash, and
// 'wasm-unsafe-eval' to compile the module. There is no web manifest and
// no service worker in it (neither works from file://; the app's
// registration skips it).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const OUT = "baocao-offline.html";
const fail = (message) => {
  console.error(`offline-html: ${message}`);
  process.exit(1);
};
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

let html = readFileSync(join(dist, "index.html"), "utf8");

// Trunk's loader names the glue and the module.
const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) fail("no loader <script type=\"module\"> in index.html; did Trunk change?");
const glueName = loader[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) fail(`cannot find the glue and the module in the loader: ${loader[1]}`);

// The glue as a plain part of the loader: its exports become the bindings
// object Trunk's loader exposes as window.wasmBindings. A split build's
// glue imports the loader of the parts (tools/wasm-split.mjs), which goes
// in front of it; that loader fetches each part from its own data block.
let glue = readFileSync(join(dist, glueName), "utf8");
const parts = [];
let splitBody = "";
const splitImport = /^import \* as (\w+) from '\.\/(__wasm_split-[0-9a-f]+\.js)'\s*$/gm;
const splitNames = new Set([...glue.matchAll(splitImport)].map((m) => m[2]));
if (splitNames.size > 1) fail(`${glueName} imports several part loaders: ${[...splitNames]}`);
if (splitNames.size === 1) {
  const [splitName] = splitNames;
  let split = readFileSync(join(dist, splitName), "utf8");
  const mainImport = `import { initSync } from "./${glueName}";`;
  if (!split.includes(mainImport)) fail(`${splitName} does not import initSync from ${glueName}`);
  split = split.replace(mainImport, "");
  // The preload of the library part names files; here every part is inline.
  split = split.replace(/\/\* baocao: preload the library part[\s\S]*?\/\* baocao: end \*\/\n?/, "");
  const splitExports = [];
  split = split.replace(/^export const (\w+)/gm, (_, name) => {
    splitExports.push(name);
    return `const ${name}`;
  });
  split = split.replace(/fetch\(new URL\("\.\/([\w-]+\.wasm)", import\.meta\.url\)\)/g, (_, part) => {
    parts.push(part);
    return `__baocaoPart(${JSON.stringify(part)})`;
  });
  if (/^\s*(import|export)\b|import\.meta/m.test(split)) fail(`${splitName} has an import, export or URL this tool does not know`);
  splitBody = `${split}
const __baocaoSplit = { ${splitExports.join(", ")} };
`;
  glue = glue.replace(splitImport, (_, local) => `const ${local} = __baocaoSplit;`);
}
if (/^\s*import\s/m.test(glue)) fail(`${glueName} imports other files (snippets); inline them first`);
const exported = [];
let body = glue.replace(/^export (function|class|const|let) (\w+)/gm, (_, kind, name) => {
  exported.push(name);
  return `${kind} ${name}`;
});
const tail = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (!tail.test(body)) fail(`${glueName} does not end with wasm-bindgen's usual export list`);
body = body.replace(tail, "");
if (/^export\b/m.test(body)) fail(`${glueName} has an export this tool does not know`);

const WASM_ID = "baocao-wasm";
const PART_TYPE = "application/x-baocao-wasm-part-base64";
// The loader's own names start with __baocao, apart from the glue's.
const script = `
const __baocaoBase64 = (text) => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
const __baocaoPart = async (name) => {
  const block = [...document.querySelectorAll('script[type="${PART_TYPE}"]')].find((b) => b.dataset.part === name);
  return new Response(__baocaoBase64(block.textContent), { headers: { "content-type": "application/wasm" } });
};
${splitBody}
${body}
const __baocaoBindings = { ${exported.join(", ")} };
const __baocaoBlock = document.getElementById(${JSON.stringify(WASM_ID)});
const __baocaoBinary = atob(__baocaoBlock.textContent);
__baocaoBlock.remove();
const __baocaoBytes = new Uint8Array(__baocaoBinary.length);
for (let i = 0; i < __baocaoBinary.length; i++) __baocaoBytes[i] = __baocaoBinary.charCodeAt(i);
const __baocaoWasm = await __wbg_init({ module_or_path: __baocaoBytes });
window.wasmBindings = __baocaoBindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __baocaoWasm } }));
`;
if (script.includes("</script")) fail("the glue contains </script");

const cssLink = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>/);
if (!cssLink) fail("no stylesheet link in index.html");
const css = readFileSync(join(dist, cssLink[1]), "utf8");
if (/<\/style/i.test(css)) fail("the stylesheet contains </style");
const iconLink = html.match(/<link rel="icon" href="\.\/([^"]+\.svg)"[^>]*\/?>/);
if (!iconLink) fail("no icon link in index.html");
const icon = readFileSync(join(dist, iconLink[1])).toString("base64");
const wasm = readFileSync(join(dist, wasmName)).toString("base64");

const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(script)}`,
  `style-src ${sha256(css)}`,
  "img-src data: blob:",
  "font-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src blob:",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const replaceOnce = (pattern, replacement, what) => {
  const before = html;
  html = html.replace(pattern, () => replacement);
  if (html === before) fail(`could not replace ${what} in index.html`);
};
replaceOnce(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `http-equiv="Content-Security-Policy"\n      content="${policy}"`, "the CSP");
replaceOnce(
  /<!--\s*Nothing may leave the machine[\s\S]*?-->/,
  `<!--
      The one-file copy of Báo cáo (tools/offline-html.mjs): it works opened
      from disk, and nothing may leave the machine: no request of any kind
      is allowed, only this file's own two inline blocks (by SHA-256 hash)
      and the compilation of its WebAssembly module.
    -->`,
  "the CSP comment",
);
const partBlocks = parts
  .map((part) => `<script type="${PART_TYPE}" data-part="${part}">${readFileSync(join(dist, part)).toString("base64")}</script>\n`)
  .join("");
replaceOnce(loader[0], `<script type="application/x-baocao-wasm-base64" id="${WASM_ID}">${wasm}</script>\n${partBlocks}<script type="module">${script}</script>`, "the loader");
replaceOnce(cssLink[0], `<style>${css}</style>`, "the stylesheet");
replaceOnce(iconLink[0], `<link rel="icon" href="data:image/svg+xml;base64,${icon}" />`, "the icon");
html = html.replace(/\s*<!--\s*Installable and offline[\s\S]*?-->/, "");
html = html.replace(/\s*<link rel="manifest"[^>]*>/, "");
html = html.replace(/\s*<link rel="(modulepreload|preload)"[^>]*>/g, "");
if (/(href|src)="\.\//.test(html)) fail(`a reference to another file is left: ${html.match(/(href|src)="\.\/[^"]*"/)[0]}`);

writeFileSync(join(dist, OUT), html);
console.log(`offline-html: ${join(dist, OUT)} (${Buffer.byteLength(html)} bytes)`);
