// Báo cáo's service worker: keeps the files of one build so that the app
// opens and works with no network after one visit. tools/service-worker.mjs
// fills in VERSION and FILES after each build (the hashed wasm, JS, CSS and
// icons Trunk wrote, index.html and the web manifest) and writes dist/sw.js.
//
// A new build installs beside the running one and WAITS: the page shows
// "Có phiên bản mới" and lets it in only when the user clicks (after saving),
// by posting "skip-waiting". Nothing here reloads a page.
const VERSION = "__BAOCAO_VERSION__";
const FILES = __BAOCAO_FILES__;
const CACHE = `baocao-${VERSION}`;
const PREFIX = "baocao-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // A file with Trunk's hash in its name never changes: the copy the
      // page just loaded will do. The others (index.html, the manifest, the
      // icons) are asked of the server again.
      cache.addAll(FILES.map((file) => new Request(file, { cache: /-[0-9a-f]{16}(_bg)?\.\w+$/.test(file) ? "default" : "no-cache" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// The page itself (the folder's address or index.html) and every file of
// the build come from the cache; anything else goes to the network as
// usual.
const scope = new URL(self.registration.scope);
function cachedPath(request) {
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === "navigate" && (path === "" || path === "index.html")) return "index.html";
  return FILES.includes(path) ? path : null;
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const path = cachedPath(event.request);
  if (path === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(path))
      .then((response) => response ?? fetch(event.request)),
  );
});
