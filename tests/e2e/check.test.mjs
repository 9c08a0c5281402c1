// End-to-end test of the format check: it lists what is missing, each line
// goes to the field, and fixing a field takes its line away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

test("the format check lists what is missing and jumps to each place", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("check-toggle").click();
    const items = page.getByTestId("check-item");
    assert.deepEqual(await items.allInnerTexts(), ["Chưa có số, ký hiệu văn bản.", "Dòng ngày tháng chưa có năm."]);
    await items.first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "field-numbersymbol");
    await page.keyboard.type("12-BC/ĐU");
    await page.getByTestId("field-year").fill("2018");
    await page.getByTestId("check-all-good").waitFor();
    assert.match(await page.getByTestId("check-toggle").innerText(), /\(0\)/);

    // An assessment left empty is pointed at, and "không có" settles it.
    await page.getByTestId("close-draft").click();
    await page.getByTestId("template-so-ket").click();
    await page.getByTestId("check-toggle").click();
    const empty = items.filter({ hasText: "“Ưu điểm” chưa có nội dung" });
    await empty.click();
    const focused = await page.evaluate(() => document.activeElement.value);
    assert.equal(focused, "Ưu điểm");
    await page.getByTestId("assessment").first().getByTestId("nothing-to-report").check();
    assert.equal(await items.filter({ hasText: "“Ưu điểm” chưa có nội dung" }).count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("with the panel closed, the toolbar's count follows the document once typing pauses", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    // A newly opened draft is counted at once.
    assert.match(await page.getByTestId("check-toggle").innerText(), /\(2\)/);
    await page.getByTestId("field-year").fill("2018");
    await page.getByTestId("check-toggle").filter({ hasText: "(1)" }).waitFor({ timeout: 5000 });
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
    await page.getByTestId("check-toggle").filter({ hasText: "(0)" }).waitFor({ timeout: 5000 });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
