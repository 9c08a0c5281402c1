// End-to-end test of pictures in figure blocks: a PNG larger than 1600 px
// chosen through the figure's visible "Chọn ảnh…" button is scaled down to
// 1600 px, shown in the editor and the preview, survives a reload and an
// undo, goes into the DOCX (word/media, rendered by LibreOffice), and
// travels inside the .baocao.json file to a fresh browser. A file that is
// not a picture is refused with a Vietnamese sentence; an image pasted into
// a paragraph becomes a figure after it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { catchFileChoosers, docxToPdf, downloadOf, openApp, OUTPUT, sheetText, useBrowserAndServer } from "./support.mjs";

const suite = useBrowserAndServer();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/// A photo-like RGB PNG of `width` × `height`: gradients with a little
/// noise, so that it compresses as a photo does.
function photoPng(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = seed % 24;
      const at = row + 1 + x * 3;
      raw[at] = (x * 255) / width + noise;
      raw[at + 1] = (y * 255) / height + noise;
      raw[at + 2] = 128 + noise;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const naturalSize = (locator) => locator.evaluate((img) => [img.naturalWidth, img.naturalHeight]);

test("a picture chosen for a figure is scaled down, shown, kept, exported and carried in the draft file", { timeout: 300000 }, async () => {
  const big = join(OUTPUT, "photo-2400x1800.png");
  const png = photoPng(2400, 1800);
  await writeFile(big, png);
  const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const choosers = await catchFileChoosers(page);
    const figure = page.locator(".figure-block").first();
    const choose = figure.getByTestId("choose-picture");
    assert.equal(await choose.innerText(), "Chọn ảnh…");
    await choose.click();
    await (await choosers.next()).setFiles(big);
    const shown = figure.getByTestId("figure-picture");
    await shown.waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=figure-picture]")?.complete);
    assert.deepEqual(await naturalSize(shown), [1600, 1200]);
    const src = await shown.getAttribute("src");
    const stored = Buffer.from(src.split(",")[1], "base64");
    console.log(`picture: ${png.length} bytes at 2400×1800 in, ${stored.length} bytes at 1600×1200 stored (${src.slice(5, src.indexOf(";"))})`);
    assert.ok(stored.length < png.length);
    assert.equal(await choose.innerText(), "Đổi ảnh…");
    await sheetText(page);
    const inPreview = page.getByTestId("preview-picture");
    await inPreview.waitFor();
    assert.deepEqual(await naturalSize(inPreview), [1600, 1200]);
    // Fitted to the text column, never wider.
    const [imageWidth, columnWidth] = await inPreview.evaluate((img) => [
      img.getBoundingClientRect().width,
      img.closest(".doc-picture").getBoundingClientRect().width,
    ]);
    assert.ok(imageWidth <= columnWidth + 0.5 && imageWidth > columnWidth * 0.9, `${imageWidth} in ${columnWidth}`);
    await inPreview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "pictures-preview.png") });

    // Undo takes the picture away in one step; redo brings it back.
    await page.getByTestId("undo").click();
    await assert.rejects(shown.waitFor({ timeout: 500 }));
    await page.getByTestId("redo").click();
    await shown.waitFor();

    // A reload reopens the draft with its picture.
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent.includes("Đã lưu"));
    await page.reload();
    await page.waitForSelector("[data-testid=workspace]");
    await page.getByTestId("preview-picture").waitFor();
    assert.deepEqual(await naturalSize(page.getByTestId("preview-picture")), [1600, 1200]);

    // DOCX: the picture in word/media, rendered by LibreOffice.
    await page.getByTestId("export-toggle").click();
    const wordDownload = await downloadOf(page, () => page.getByTestId("export-docx").click());
    const docx = join(OUTPUT, "pictures.docx");
    await copyFile(await wordDownload.path(), docx);
    const listing = execFileSync("unzip", ["-l", docx], { encoding: "utf8" });
    assert.match(listing, /word\/media\/image1\.(png|jpeg)/);
    const rels = execFileSync("unzip", ["-p", docx, "word/_rels/document.xml.rels"], { encoding: "utf8" });
    assert.match(rels, /Target="media\/image1\.(png|jpeg)"/);
    const pdf = await docxToPdf(docx);
    const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" });
    console.log(images);
    const rows = images.split("\n").slice(2).filter((line) => line.trim() !== "");
    assert.ok(rows.some((line) => /\b1600\s+1200\b/.test(line)), images);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, join(OUTPUT, "pictures-docx")]);

    // The draft file carries the picture to a fresh browser.
    const jsonDownload = await downloadOf(page, () => page.getByTestId("download-draft").click());
    const json = join(OUTPUT, "pictures.baocao.json");
    await copyFile(await jsonDownload.path(), json);
    const other = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const fresh = await openApp(other, suite.server.url);
      await fresh.getByTestId("file-input").setInputFiles(json);
      await fresh.getByTestId("import-as-new").click();
      const carried = fresh.getByTestId("preview-picture");
      await carried.waitFor();
      await fresh.waitForFunction(() => document.querySelector("[data-testid=preview-picture]")?.complete);
      assert.deepEqual(await naturalSize(carried), [1600, 1200]);
      assert.equal(await carried.getAttribute("src"), src);
      assert.deepEqual(fresh.problems, []);
    } finally {
      await other.close();
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test("a file that is not a picture is refused in Vietnamese; an image pasted into a paragraph becomes a figure after it", { timeout: 120000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await openApp(context, suite.server.url);
    await page.getByTestId("open-sample").click();
    await page.getByTestId("preview").waitFor();
    const text = join(OUTPUT, "not-a-picture.txt");
    await writeFile(text, "Đây không phải là ảnh.");
    const choosers = await catchFileChoosers(page);
    const figure = page.locator(".figure-block").first();
    await figure.getByTestId("choose-picture").click();
    await (await choosers.next()).setFiles(text);
    await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.textContent.includes("không phải là ảnh"));
    assert.equal(await figure.getByTestId("figure-picture").count(), 0);

    // A screenshot pasted into the first paragraph of section I.1.
    const figures = await page.locator(".figure-block").count();
    const paragraph = page.getByTestId("section-editor").nth(1).getByTestId("paragraph").first();
    await paragraph.click();
    const small = photoPng(800, 500).toString("base64");
    await paragraph.evaluate((field, data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "image.png", { type: "image/png" }));
      const event = new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true });
      // Firefox leaves a constructed event's clipboardData empty; the data
      // then rides on the event itself, where the app reads it the same way.
      if (!event.clipboardData?.types.length) Object.defineProperty(event, "clipboardData", { value: transfer });
      field.dispatchEvent(event);
    }, small);
    await page.waitForFunction((count) => document.querySelectorAll(".figure-block").length === count + 1, figures);
    const added = page.getByTestId("section-editor").nth(1).locator(".figure-block").first();
    await added.getByTestId("figure-picture").waitFor();
    assert.deepEqual(await naturalSize(added.getByTestId("figure-picture")), [800, 500]);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
