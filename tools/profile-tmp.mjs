import { serveDist, launchBrowser } from "../tests/e2e/support.mjs";
import { readFile } from "node:fs/promises";
const server = await serveDist({ root: "/tmp/dist-prof" });
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);
await page.getByTestId("file-input").setInputFiles({ name: "l.baocao.json", mimeType: "application/json", buffer: await readFile("target/bench/large.baocao.json") });
await page.getByTestId("import-as-new").click();
await page.getByTestId("preview").waitFor();
await page.waitForTimeout(1000);
const field = page.locator('[data-testid="section-editor"]').last().locator('[data-testid="paragraph"]').first();
await field.click(); await field.press("End");
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
for (let i = 0; i < 5; i++) { await page.keyboard.press("a"); await page.waitForTimeout(50); }
await page.waitForTimeout(150);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const name = n.callFrame.functionName || "(anon " + n.callFrame.url.slice(-30) + ")"; self.set(name, (self.get(name) ?? 0) + us); }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [name, us] of top) console.log((us / 1000).toFixed(1).padStart(8), "ms", name.slice(0, 150));
// inclusive: for each node compute total of subtree
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) { let cur = id; const seen = new Set(); while (cur != null) { const name = byId.get(cur).callFrame.functionName; if (!seen.has(name)) { incl.set(name, (incl.get(name) ?? 0) + us); seen.add(name); } cur = parent.get(cur); } }
console.log("---- inclusive");
for (const [name, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((us / 1000).toFixed(1).padStart(8), "ms", name.slice(0, 160));
await browser.close(); await server.close();
