// Runs the bench's text import step alone (tests/bench/import-text.mjs) on
// a build, without the rest of `./dev bench`:
//   node tools/bench-import-text.mjs <dist-dir> <report.txt or .docx> [runs]
// The report text comes from `cargo run --release --example large_report -- large.txt`.
import { readFile } from "node:fs/promises";
import { serveDist, launchBrowser } from "../tests/e2e/support.mjs";
import { importTextRuns } from "../tests/bench/import-text.mjs";

const [dist, textPath, runs = "3"] = process.argv.slice(2);
if (!dist || !textPath) {
  console.error("usage: node tools/bench-import-text.mjs <dist-dir> <report.txt> [runs]");
  process.exit(2);
}
const text = await readFile(textPath);
const server = await serveDist({ root: dist });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const file = textPath.endsWith(".docx")
    ? { name: "bao-cao-lon.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
    : {};
  const results = await importTextRuns(context, server.url, textPath, Number(runs), file);
  const round = (value) => Math.round(value);
  for (const r of results) {
    console.log(`total ${round(r.total)} ms, reading ${round(r.read)} ms, longest task ${round(r.longestTask)} ms, longest frame gap ${round(r.longestFrameGap)} ms, long tasks ${r.tasks}`);
    if (process.env.BENCH_DETAIL) console.log(JSON.stringify({ slices: r.slices, finish: r.finish, show: r.show, xml: r.xml }));
  }
} finally {
  await browser.close();
  await server.close();
}
