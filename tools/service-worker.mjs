// Trunk post-build hook (after csp-hash.mjs, which changes index.html):
// writes sw.js, the service worker that keeps this build for offline use,
// from tools/sw.template.js with the list of the build's files to precache
// and a version: the hash of that list with each file's content, so that
// any change of any file (index.html, the manifest, the icons have no hash
// in their names) makes a new version.
//
// Run by Trunk with TRUNK_STAGING_DIR set; `node tools/service-worker.mjs DIR`
// processes DIR instead. Prints the number of files and the version.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";

/// What the worker leaves out: itself, the compressed copies ./dev dist
/// writes beside each file, and the one-file copy (a download, not a part
/// of the page).
function precached(path) {
  return path !== "sw.js" && path !== "baocao-offline.html" && !/\.(gz|br|map)$/.test(path);
}

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? walk(path) : [relative(dir, path).split(sep).join("/")];
  });
}

const files = walk(dir).filter(precached).sort();
if (!files.includes("index.html") || !files.some((file) => file.endsWith(".wasm"))) {
  console.error(`service-worker: no index.html or wasm in ${dir}: ${files}`);
  process.exit(1);
}
const version = createHash("sha256");
for (const file of files) {
  version.update(`${file}\0${createHash("sha256").update(readFileSync(join(dir, file))).digest("hex")}\n`);
}
const id = version.digest("hex").slice(0, 16);
const template = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8");
const worker = template
  .replace('"__BAOCAO_VERSION__"', JSON.stringify(id))
  .replace("__BAOCAO_FILES__", JSON.stringify(files));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`service-worker: ${files.length} files precached, version ${id}, in ${join(dir, "sw.js")}`);
