// Trunk post-build hook: puts the SHA-256 hash of every inline <script> of
// the built index.html into its Content-Security-Policy, replacing the
// CSP_INLINE_SCRIPT_HASHES marker, and drops the fixed `nonce` attributes
// Trunk bakes in (a nonce that never changes protects nothing).
//
// Run by Trunk with TRUNK_STAGING_DIR set; `node tools/csp-hash.mjs FILE`
// processes FILE instead.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
let html = readFileSync(file, "utf8");

html = html.replace(/\s+nonce="[^"]*"/g, "");
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash("sha256").update(match[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
const MARKER = "CSP_INLINE_SCRIPT_HASHES";
const policy = /(http-equiv="Content-Security-Policy"\s+content="[^"]*)CSP_INLINE_SCRIPT_HASHES/;
if (html.split(MARKER).length !== 2 || !policy.test(html)) {
  console.error(`csp-hash: expected exactly one ${MARKER} marker, inside the CSP meta tag of ${file}`);
  process.exit(1);
}
if (hashes.length === 0) {
  console.error(`csp-hash: no inline script found in ${file}; did Trunk change its loader?`);
  process.exit(1);
}
html = html.replace(policy, `$1${hashes.join(" ")}`);
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) hashed into the CSP of ${file}`);
