// The text import step of the bench (issue 17, point 6), also used for a
// 5 MB Word file: an old report of about 60,000 words opened as a .txt file the way a user does it (the
// "Mở tệp…" button, then the file chooser), timed from the file input's
// change event to the import dialog on screen, with the longest block of
// the main thread in that time (Long Tasks, and the longest gap between
// animation frames, which also counts work the Long Tasks API misses).
// `./dev bench` runs it inside tests/bench/bench.mjs; `tools/bench-import-text.mjs`
// runs it alone.

/// Opens `text` (a file's path, or a Buffer) through the visible "open file" button on `page`
/// (the app at its welcome or editing screen), waits for the import dialog,
/// and returns { total, read (the app's own measure of
/// reading the file), longestTask, longestFrameGap, tasks } in ms. The
/// dialog is left open.
export async function importTextOnce(page, text, name = "bao-cao-lon.txt", mimeType = "text/plain") {
  await page.evaluate(() => {
    window.__importWatch = { start: null, tasks: [], gaps: [], last: null, done: false };
    const watch = window.__importWatch;
    if (!window.__longTasks) {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: false });
    }
    document.addEventListener(
      "change",
      (event) => {
        if (event.target && event.target.type === "file" && watch.start == null) watch.start = performance.now();
      },
      true,
    );
    const frame = (now) => {
      if (watch.last != null && watch.start != null) watch.gaps.push(now - watch.last);
      watch.last = now;
      if (!watch.done) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-file").click();
  // A path is picked as a user picks a file on disk; a buffer is handed
  // over by Playwright through a script in the page, whose decoding is a
  // long task of its own before the file input's change event.
  await (await chooser).setFiles(typeof text === "string" ? text : { name, mimeType, buffer: text });
  const shown = await page.waitForFunction(
    () => (document.querySelector("[data-testid=import-preview]") ? performance.now() : false),
    null,
    { polling: "raf", timeout: 120000 },
  );
  const end = await shown.jsonValue();
  // One more frame, so that the gap holding the dialog's paint is counted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate((end) => {
    const watch = window.__importWatch;
    watch.done = true;
    const tasks = window.__longTasks.filter((task) => task.start + task.duration >= watch.start && task.start <= end);
    const read = performance.getEntriesByName("baocao-import").at(-1);
    return {
      total: end - watch.start,
      read: read ? read.duration : NaN,
      slices: performance.getEntriesByName("baocao-import-slice").map((e) => Math.round(e.duration)),
      finish: performance.getEntriesByName("baocao-import-finish").map((e) => Math.round(e.duration)),
      show: performance.getEntriesByName("baocao-import-show").map((e) => Math.round(e.duration)),
      xml: performance.getEntriesByName("baocao-import-docx-xml").map((e) => Math.round(e.duration)),
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      longestFrameGap: Math.max(0, ...watch.gaps),
      tasks: tasks.length,
    };
  }, end);
}

/// Runs `importTextOnce` `runs` times on fresh pages of `url` (closing the
/// dialog each time) and returns each run's figures. `file` names the file
/// and its type (a Word file: `{ name: "x.docx", mimeType: … }`).
export async function importTextRuns(context, url, text, runs = 3, file = {}) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId("welcome").waitFor();
    results.push(await importTextOnce(page, text, file.name, file.mimeType));
    await page.close();
  }
  return results;
}
