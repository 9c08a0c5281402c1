// End-to-end tests of the split release build (issue 19, point 4): the
// page downloads only its own part at once; each other part (src/ui/
// lazy.rs) is fetched the first time the user needs it, works then, and a
// part that cannot be fetched is said, not fatal, and is fetched on the
// next try.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { downloadOf, newDraft, openApp, sectionEditor, settled, useBrowserAndServer } from "./support.mjs";
import { DIST } from "./support.mjs";
import { pageFiles, partFiles } from "../../tools/first-load.mjs";

const suite = useBrowserAndServer();

/// Records the names of the app's wasm and JS files the page asks for.
function watchFiles(page) {
  const asked = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop();
    if (/\.(wasm|js|css)$/.test(name)) asked.push(name);
  });
  return asked;
}

const partsAsked = (asked) => {
  const parts = partFiles(DIST);
  // A part counts as asked for when its own module is (chunks are shared).
  return [...parts].filter(([, files]) => asked.includes(files.at(-1))).map(([name]) => name).sort();
};

test("a new visitor gets the page and the library; a returning user's draft opens with the page alone", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    const asked = watchFiles(page);
    page.problems = [];
    page.on("pageerror", (error) => page.problems.push(error.message));
    await page.goto(suite.server.url);
    await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").waitFor();
    for (const file of pageFiles(DIST).filter((file) => file !== "sw.js")) {
      assert.ok(asked.includes(file), `the page did not ask for ${file}: ${asked}`);
    }
    assert.deepEqual(partsAsked(asked), ["library"], `parts asked for by a new visitor: ${asked}`);
    // Asked for beside the page's own module, not after it has started.
    const library = partFiles(DIST).get("library");
    const preloaded = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) =>
      links.map((link) => new URL(link.href).pathname.split("/").pop()),
    );
    for (const file of library) assert.ok(preloaded.includes(file), `${file} is not preloaded: ${preloaded}`);

    await newDraft(page);
    const field = (await sectionEditor(page, "I.1")).getByTestId("paragraph").first();
    await field.fill("Đoạn gõ trước khi tải lại.");
    await settled(page);

    // Back the next day: the draft opens, and typing works, with no part.
    asked.length = 0;
    await page.reload();
    const again = (await sectionEditor(page, "I.1")).getByTestId("paragraph").first();
    assert.equal(await again.inputValue(), "Đoạn gõ trước khi tải lại.");
    await again.press("End");
    await again.pressSequentially(" Thêm.");
    await settled(page);
    assert.equal(await again.inputValue(), "Đoạn gõ trước khi tải lại. Thêm.");
    assert.deepEqual(partsAsked(asked), [], `parts asked for with a draft open: ${asked}`);
    assert.equal(await page.locator('link[rel="preload"][href*="split_"]').count(), 0, "a part is preloaded with a draft open");

    // Each part comes when first used, and works.
    const section = await sectionEditor(page, "I.1");
    await section.getByTestId("add-table").last().selectOption("blank-3x4");
    await section.locator(".table-block input.table-cell").first().waitFor();
    assert.deepEqual(partsAsked(asked), ["table"]);
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), "PK");
    assert.deepEqual(partsAsked(asked), ["export", "table"]);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a part that cannot be downloaded is said, the draft stays, and the next click fetches it", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true, serviceWorkers: "block" });
  try {
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    // The network drops just when the export part is asked for.
    let refused = 0;
    await context.route(/split_export-[0-9a-f]+\.wasm$/, (route) => {
      refused += 1;
      return route.abort("internetdisconnected");
    });
    await page.getByTestId("export-toggle").click();
    await page.getByTestId("export-docx").click();
    await page.getByText("Chưa tải được phần này của ứng dụng").waitFor();
    assert.equal(refused, 1);
    // The draft is untouched and still takes typing.
    const field = (await sectionEditor(page, "I.1")).getByTestId("paragraph").first();
    await field.fill("Vẫn gõ được.");
    await settled(page);
    assert.equal(await field.inputValue(), "Vẫn gõ được.");

    // The network is back: the same click works.
    await context.unroute(/split_export-[0-9a-f]+\.wasm$/);
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    // The loader logs the failed fetch on the console (each browser in
    // its own words); no error escaped the page.
    assert.ok(page.problems.length > 0, "the failed fetch was not logged");
    assert.ok(page.problems.every((problem) => problem.startsWith("console:")), page.problems.join("\n"));
  } finally {
    await context.close();
  }
});

test("parts load from a host that serves .wasm with the wrong type", async () => {
  const context = await suite.browser.newContext({ acceptDownloads: true, serviceWorkers: "block" });
  try {
    // An old IIS or Apache without the wasm type: octet-stream.
    let served = 0;
    await context.route(/\/(split|chunk)_[\w-]+\.wasm$/, async (route) => {
      const response = await route.fetch();
      served += 1;
      await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
    });
    const page = await openApp(context, suite.server.url);
    await newDraft(page);
    await page.getByTestId("export-toggle").click();
    const download = await downloadOf(page, () => page.getByTestId("export-docx").click());
    assert.match(download.suggestedFilename(), /\.docx$/);
    assert.ok(served > 0, "no part went through the wrong-type host");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a new visitor whose library part fails to download gets the message and a button that fetches it again", async () => {
  const context = await suite.browser.newContext({ serviceWorkers: "block" });
  try {
    let refused = 0;
    const library = /split_library-[0-9a-f]+\.wasm$/;
    await context.route(library, (route) => {
      refused += 1;
      return route.abort("internetdisconnected");
    });
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("part-not-loaded").waitFor();
    assert.match(await page.getByTestId("workspace").innerText(), /Chưa tải được phần này của ứng dụng/);
    assert.ok(refused >= 1);
    await context.unroute(library);
    await page.getByTestId("part-retry").click();
    await page.getByTestId("template-tong-ket-phuong-thuc-lanh-dao").click();
    await page.getByTestId("preview").waitFor();
    assert.ok(page.problems.every((problem) => problem.startsWith("console:")), page.problems.join("\n"));
  } finally {
    await context.close();
  }
});
