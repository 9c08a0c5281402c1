// The consolidation step of the bench (issue 18, point 6): 30 units'
// drafts of 50 items and 3 tables each (tests/e2e/units.mjs) chosen at once
// through the visible "Tổng hợp báo cáo…" dialog, each run on a fresh
// page with empty storage. It times the files read (input change to the
// last unit read, the completeness table on screen), the click on "Tạo
// báo cáo tổng hợp" to the consolidated draft open (its preview shown and
// its first section an enabled field), and the app's own measure of the
// core's work ("baocao-consolidate": plan and draft in wasm). The figures
// are reported, not asserted. `./dev bench` runs it inside
// tests/bench/bench.mjs; alone, on a built dist/:
//   NODE_PATH=tools/node_modules node tests/bench/consolidate.mjs [runs]
import { fileURLToPath } from "node:url";
import { unitFile } from "../e2e/units.mjs";

export const UNITS = 30;
export const ITEMS = 50;
export const TABLES = 3;

/// One run on a fresh page of `context`: { read, create, core } in ms.
export async function consolidateOnce(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByTestId("welcome").waitFor();
    await page.getByTestId("consolidate-open").click();
    const files = Array.from({ length: UNITS }, (_, i) => ({
      name: `chi-bo-ap-${i + 1}.baocao.json`,
      mimeType: "application/json",
      buffer: Buffer.from(unitFile(i + 1, ITEMS, TABLES)),
    }));
    const readStart = Date.now();
    await page.getByTestId("consolidate-files").setInputFiles(files);
    await page.waitForFunction(
      (count) => {
        const items = [...document.querySelectorAll("[data-testid=consolidate-source]")];
        return items.length === count && items.every((item) => item.dataset.status === "read") && document.querySelector(".completeness");
      },
      UNITS,
      { timeout: 60000 },
    );
    const read = Date.now() - readStart;
    await page.evaluate(() => performance.clearMeasures());
    const createStart = await page.evaluate(() => performance.now());
    await page.getByTestId("consolidate-create").click();
    const opened = await page.waitForFunction(
      () => {
        const field = document.querySelector('[data-testid="section-editor"] [data-testid="paragraph"]');
        return document.querySelector("[data-testid=preview]") && field && !field.disabled ? performance.now() : false;
      },
      null,
      { polling: "raf", timeout: 60000 },
    );
    const create = (await opened.jsonValue()) - createStart;
    const core = await page.evaluate(() => performance.getEntriesByName("baocao-consolidate").map((entry) => entry.duration)[0] ?? null);
    return { read, create, core };
  } finally {
    await page.close();
  }
}

/// `runs` runs, each in a fresh context (empty storage).
export async function consolidateRuns(browser, url, runs = 3) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      results.push(await consolidateOnce(context, url));
    } finally {
      await context.close();
    }
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { serveDist, launchBrowser } = await import("../e2e/support.mjs");
  const runs = Number(process.argv[2] ?? 3);
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const results = await consolidateRuns(browser, server.url, runs);
    for (const result of results) console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await server.close();
  }
}
