// Draws the app's icons for the web manifest from style/favicon.svg:
// assets/icon-192.png and assets/icon-512.png (the favicon itself, scaled),
// and assets/icon-maskable-512.png (the page on a full red square, inside
// the middle 60 % that every launcher's mask keeps). The PNGs are committed;
// run `NODE_PATH=tools/node_modules node tools/make-icons.mjs` again after
// changing the favicon. Uses headless Chromium, as the end-to-end tests do.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const root = new URL("../", import.meta.url);
const favicon = readFileSync(new URL("style/favicon.svg", root), "utf8");
// The favicon's red and its page, without the rounded square behind them.
const red = favicon.match(/fill="(#[0-9a-f]{6})"/i)[1];
const glyph = favicon.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "").replace(/<rect[^>]*\/>/, "");
// The page spans x 9-24 and y 7-25 of 32: centred in the middle 60 %.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${red}"/><g transform="translate(16 16) scale(1.05) translate(-16.5 -16)">${glyph}</g></svg>`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
try {
  for (const [name, svg, size] of [
    ["icon-192.png", favicon, 192],
    ["icon-512.png", favicon, 512],
    ["icon-maskable-512.png", maskable, 512],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator("svg").screenshot({ path: new URL(`assets/${name}`, root).pathname, omitBackground: true });
    await page.close();
    console.log(`make-icons: assets/${name} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
