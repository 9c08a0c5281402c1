// End-to-end tests of the app shell on the release build: it starts with a
// Vietnamese title and an empty workspace, works under a sub-path, and
// remembers the interface language.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serveDist, launchBrowser, openApp, OUTPUT } from "./support.mjs";

let browser;
before(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchBrowser();
});
after(async () => browser?.close());

test("the shell loads with a Vietnamese title and an empty workspace", async () => {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(context, server.url);
    assert.equal(await page.title(), "Báo cáo — soạn báo cáo tổng kết, sơ kết");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    const empty = page.locator("[data-testid=empty-workspace]");
    await empty.waitFor();
    assert.match(await empty.innerText(), /Chưa có bản thảo nào/);
    const screenshot = join(OUTPUT, "shell.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the release build works under a sub-path", async () => {
  const server = await serveDist({ prefix: "/baocao/" });
  const context = await browser.newContext();
  try {
    const responses = [];
    context.on("response", (response) => responses.push(response));
    const page = await openApp(context, server.url);
    assert.match(await page.locator("[data-testid=empty-workspace]").innerText(), /Chưa có bản thảo nào/);
    for (const response of responses) {
      assert.ok(new URL(response.url()).pathname.startsWith("/baocao/"), `outside the sub-path: ${response.url()}`);
      assert.equal(response.status(), 200, `${response.url()} answered ${response.status()}`);
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the language switch is remembered across a reload", async () => {
  const server = await serveDist();
  const context = await browser.newContext();
  try {
    const page = await openApp(context, server.url);
    await page.getByTestId("lang-switch").click();
    await page.getByText("No drafts yet").waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.reload();
    await page.getByText("No drafts yet").waitFor({ timeout: 20000 });
    await page.getByTestId("lang-switch").click();
    await page.getByText("Chưa có bản thảo nào").waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});
