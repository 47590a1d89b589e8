// Hashpivot's service worker: the whole app offline after one visit.
// `tools/post-build.sh` (a Trunk post-build hook) fills in the build's files and a version made
// from their contents, so every deployment gets its own cache. The old worker keeps serving its
// own cache until the page asks the new one to take over, so old and new files never mix.
const VERSION = "__HASHPIVOT_VERSION__";
const PRECACHE = __HASHPIVOT_PRECACHE__;
const CACHE = `hashpivot-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("hashpivot-") && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

// The page's "reload" button asks a waiting worker to take over.
self.addEventListener("message", (event) => {
  if (event.data === "hashpivot:activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Pages (any query string: share links) are the cached index.html of this version.
      const key = request.mode === "navigate" ? "./index.html" : request;
      const hit = await cache.match(key, { ignoreSearch: true });
      return hit ?? fetch(request);
    }),
  );
});
