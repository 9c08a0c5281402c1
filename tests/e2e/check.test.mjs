// End-to-end test of the format check: it lists what is missing, each line
// goes to the field, and fixing a field takes its line away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, settled, typeOver, useBrowserAndServer } from "./support.mjs";

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
    // The check follows the change a moment later.
    await settled(page);
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

test("a page setting typed outside the rules is a finding that goes to its field; undo and the reset take it back", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    await page.getByTestId("field-numbersymbol").fill("12-BC/ĐU");
    await page.getByTestId("field-year").fill("2018");
    // The form shows the ruleset's values, bounded to its ranges.
    const left = page.getByTestId("field-page-margin-left");
    assert.equal(await left.inputValue(), "30");
    assert.deepEqual([await left.getAttribute("min"), await left.getAttribute("max")], ["30", "35"]);
    assert.equal(await page.getByTestId("field-page-body-size").inputValue(), "14");
    assert.equal(await page.getByTestId("field-page-line-spacing").inputValue(), "1.15");
    assert.ok(await page.getByTestId("page-reset").isDisabled());
    await typeOver(left, "25");
    await page.getByTestId("check-toggle").filter({ hasText: "(1)" }).waitFor({ timeout: 5000 });
    await page.getByTestId("check-toggle").click();
    const items = page.getByTestId("check-item");
    assert.deepEqual(await items.allInnerTexts(), ["Trang: Lề trái (mm) là 25, ngoài khoảng 30–35 theo quy định."]);
    await items.first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "field-page-margin-left");
    // The preview's sheet follows the setting at once.
    const padding = () => page.getByTestId("preview").evaluate((sheet) => getComputedStyle(sheet).paddingLeft);
    const at25 = await padding();
    // Undo is one step back to the ruleset's value.
    await page.keyboard.press("Escape");
    await page.getByTestId("undo").click();
    await page.getByTestId("check-all-good").waitFor({ timeout: 5000 });
    assert.equal(await left.inputValue(), "30");
    assert.notEqual(await padding(), at25);
    // A value inside the rules is no finding; "Về mặc định" puts every value back.
    await typeOver(page.getByTestId("field-page-body-size"), "15");
    await page.getByTestId("field-page-orientation").selectOption("landscape");
    await page.getByTestId("check-all-good").waitFor({ timeout: 5000 });
    await page.getByTestId("page-reset").click();
    assert.equal(await page.getByTestId("field-page-body-size").inputValue(), "14");
    assert.equal(await page.getByTestId("field-page-orientation").inputValue(), "portrait");
    assert.ok(await page.getByTestId("page-reset").isDisabled());
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
