// The bench's anchor for typing: Editor.js (from its npm packages in
// tools/node_modules, served by the bench's own server, nothing fetched
// from elsewhere) holding the same report as the app, as headings,
// paragraphs, nested lists and tables. `./dev bench` types the same keys
// into it and into the app, and compares the main thread's work per key
// above a blank page's.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const MODULES = new URL("../../tools/node_modules/@editorjs/", import.meta.url).pathname;
const SCRIPTS = {
  "editorjs.js": "editorjs/dist/editorjs.umd.js",
  "header.js": "header/dist/header.umd.js",
  "list.js": "list/dist/editorjs-list.umd.js",
  "table.js": "table/dist/table.umd.js",
};

/// The version of each Editor.js package, for the bench's table.
export async function editorJsVersions() {
  const versions = [];
  for (const name of ["editorjs", "list", "header", "table"]) {
    const manifest = JSON.parse(await readFile(join(MODULES, name, "package.json"), "utf8"));
    versions.push(`${manifest.name} ${manifest.version}`);
  }
  return versions.join(", ");
}

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/// The report of a `.baocao.json` envelope as Editor.js blocks.
export function editorJsBlocks(document) {
  const blocks = [];
  const listItems = (items) =>
    items.map((item) => ({
      content: escape(item.text ?? ""),
      meta: {},
      items: (item.blocks ?? []).filter((block) => block.type === "list").flatMap((block) => listItems(block.items ?? [])),
    }));
  const addBlocks = (list) => {
    for (const block of list ?? []) {
      if (block.type === "paragraph") {
        blocks.push({ type: "paragraph", data: { text: escape(block.text ?? "") } });
      } else if (block.type === "list") {
        blocks.push({ type: "list", data: { style: "unordered", meta: {}, items: listItems(block.items ?? []) } });
      } else if (block.type === "assessment") {
        blocks.push({ type: "header", data: { text: escape(block.label ?? ""), level: 5 } });
        addBlocks(block.blocks);
      } else if (block.type === "table") {
        const content = [...(block.header ?? []), ...(block.rows ?? []).map((row) => row.cells.map((cell) => cell.text ?? ""))];
        blocks.push({ type: "table", data: { withHeadings: true, content: content.map((row) => row.map(escape)) } });
      } else if (block.type === "figure") {
        blocks.push({ type: "paragraph", data: { text: escape(block.caption ?? "") } });
      }
    }
  };
  const addSection = (section, level) => {
    if (section.heading) blocks.push({ type: "header", data: { text: escape(section.heading), level } });
    addBlocks(section.blocks);
    for (const child of section.children ?? []) addSection(child, Math.min(level + 1, 4));
  };
  addBlocks(document.preamble);
  for (const section of document.sections ?? []) addSection(section, 2);
  return blocks;
}

/// Opens Editor.js with the report of `draft` (the envelope's JSON text) in
/// a new page of `context`, served under `origin`, and returns the page once
/// every block is on it.
export async function openEditorJs(context, origin, draft) {
  const base = new URL("editorjs-anchor/", origin).href;
  const data = JSON.stringify({ blocks: editorJsBlocks(JSON.parse(draft).document) });
  const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Editor.js</title>
<style>body { font: 16px/1.5 "Times New Roman", serif; max-width: 760px; margin: 0 auto; }</style>
${Object.keys(SCRIPTS).map((name) => `<script src="${name}"></script>`).join("\n")}
</head><body><div id="editor"></div>
<script>
window.__ready = false;
const editor = new EditorJS({
  holder: "editor",
  tools: { header: Header, list: { class: EditorjsList, inlineToolbar: true }, table: Table },
  data: ${data.replace(/</g, "\\u003c")},
  onReady: () => { window.__ready = true; },
  // As an app keeps its copy of the document: saved after each change.
  onChange: async (api) => { window.__saved = await api.saver.save(); },
});
</script></body></html>`;
  await context.route(`${base}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    if (name === "index.html") return route.fulfill({ contentType: "text/html; charset=utf-8", body: page });
    if (SCRIPTS[name]) return route.fulfill({ contentType: "text/javascript", body: await readFile(join(MODULES, SCRIPTS[name])) });
    return route.fulfill({ status: 404, body: "" });
  });
  const tab = await context.newPage();
  await tab.goto(`${base}index.html`);
  await tab.waitForFunction(() => window.__ready === true, null, { timeout: 60000 });
  return tab;
}

/// The main thread's busy time in ms (all its tasks: scripts, style,
/// layout, paint, garbage collection) while `work` runs in `page`, read
/// from Chromium's own counter.
export async function mainThreadMs(page, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => (await cdp.send("Performance.getMetrics")).metrics.find((metric) => metric.name === "TaskDuration").value;
  const before = await read();
  const result = await work();
  const after = await read();
  await cdp.detach();
  return { ms: (after - before) * 1000, result };
}
