// The site's service worker: a second visit works without a network and starts faster, and a
// new release is picked up whole, never half old and half new.
//
// Registered by assets/javascripts/register-sw.js (on every page, scope = the site root, which
// may be a sub-path on GitHub Pages: every URL here is relative to this file).
//
// It caches site files only (pages, styles, scripts, the Python runtime and wheels), never
// anything typed into the planner: the plan lives in the URL fragment, which is not part of
// any request, and nothing is sent anywhere. See docs/privacy.md.
//
// ## Design
//
// One cache per release, named after `version`, a hash of the precache list that
// scripts/sw_manifest.py writes at asset-preparation time (before `mkdocs build`, so no
// post-build step is needed anywhere): assets/sw-precache.js lists, with their sha256,
//   - "shell": our CSS and this worker's registration script (every page loads them), and the
//     web app manifest with its icons (the installed app opens its start_url offline),
//   - "planner": the planner's JS, the Pyodide runtime, the wheels' lock file, the planner wheel,
//   - "lazy": the standard library's second archive and the holidays/icalendar wheels, loaded
//     by the planner only when needed (fetched or read synchronously by its worker: both pass
//     through this worker, which stores them as they arrive).
// Every file in the list is stored only if its bytes match the list's sha256 (fetch with
// `integrity`, or a hash check of a response on its way to the page), so a cache never holds a
// file of another release. The browser compares imported scripts byte for byte when it checks
// for an update (registered with updateViaCache: "none"), so any change to a listed file is a
// new version, which installs a new worker with a new cache.
//
// What is fetched when:
//   - install: the small "shell" (already in the HTTP cache: a revalidation) and, if the reader
//     had the planner cached in the previous release, the new release's planner files (files
//     unchanged since that release are copied from its cache, not downloaded again), plus a
//     fresh copy of every page they had offline. Guide readers never download Pyodide.
//   - when the planner page has rendered its first plan and the reader pauses (or leaves; see
//     register-sw.js), it asks for the planner pack (message "cache-planner"): the planner
//     files (revalidated from the HTTP cache the page has just filled: no second download) and
//     every page of the guide linked from the navigation, so that "Read the guide" links work
//     offline too.
//   - pages and other files are cached as they are visited.
//
// How each request is answered:
//   - files of the precache list: from this release's cache (fast, offline), else the network,
//     storing the answer if its hash matches;
//   - pages (navigations): network first,
//     so an online reader always sees the current text; the cached copy when offline, else a
//     small "you are offline" page listing what is available;
//   - Material's content-hashed assets (immutable names): cache first;
//   - anything else from the site (search index, images): network first, cache when
//     offline.
//
// A new release and the lifecycle. The default lifecycle is kept (no skipWaiting): a new worker
// waits until no tab uses the old one, then activates and deletes the
// old caches. skipWaiting would hand a page that was loaded with release A's HTML and scripts to
// release B's cache in the middle of its life (e.g. the planner's worker, started later, or a
// lazily loaded wheel): exactly the mix to avoid. The reverse case is handled too: while the old
// worker still controls tabs, a page may come from the network already in the new release.
// Each page fetch therefore also reads the live assets/sw-precache.js (a small revalidated
// request made in parallel, the page answered once both are in): if its version differs from
// this worker's, this worker is "stale" and from then on serves listed files from the network
// (or from the new release's cache when offline) and stops writing to its cache, so a new page
// never runs old scripts. No `clients.claim()`: a first-visit tab keeps loading from the
// network, and what it loaded is saved afterwards from the HTTP cache.
/* global SW_PRECACHE */
importScripts("assets/sw-precache.js");

const MANIFEST = self.SW_PRECACHE;
const VERSION = MANIFEST.version;
const PREFIX = "after-the-interview-";
const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope; // ends with "/"
const INDEX_KEY = new URL("__sw-manifest.json", SCOPE).href; // this cache's list, for the next release
const LIVE_LIST = new URL("assets/sw-precache.js", SCOPE).href;
const BY_URL = new Map(MANIFEST.files.map((f) => [new URL(f.url, SCOPE).href, f]));
// Material's bundles carry a content hash in their names (bundle.f13b1293.min.js).
const IMMUTABLE = /\.[0-9a-f]{8,}\.min\.(?:js|css)$/;

// Reads never create a cache and writes never re-create a deleted one: a worker that has just
// been replaced may still finish a request, and must not bring its release's cache back.
const fromCache = (url, options = {}) => caches.match(url, { ...options, cacheName: CACHE });
async function store(url, response) {
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(url, response);
}

// The live release's version once it differs from ours. Kept in the cache as well, because the
// browser stops an idle worker and a restarted one must not forget it.
const STALE_KEY = new URL("__sw-stale.json", SCOPE).href;
let stale = null;
const staleLoaded = fromCache(STALE_KEY)
  .then((hit) => (hit ? hit.json() : null))
  .then((data) => {
    if (data && data.version && data.version !== VERSION) stale = stale || data.version;
  })
  .catch(() => {});

async function clearStale() {
  stale = null;
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).delete(STALE_KEY);
}

async function markStale(version) {
  if (stale) return;
  stale = version;
  await store(STALE_KEY, jsonResponse({ version }));
  await self.registration.update().catch(() => {});
}

// ---- install / activate ---------------------------------------------------------------------

self.addEventListener("install", (event) => {
  event.waitUntil(install());
});

self.addEventListener("activate", (event) => {
  // No clients.claim(): a first-visit page stays with the network it started on (its worker's
  // downloads are saved afterwards, on "cache-planner", from the HTTP cache).
  event.waitUntil(sweep());
});

// Delete every other release's cache. On activation, and again on each page the active worker
// serves: a replaced worker that is still finishing a request must not leave its cache behind.
async function sweep() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

function isActive() {
  return Boolean(self.serviceWorker) && self.registration.active === self.serviceWorker;
}

async function install() {
  // Never install a release that is no longer the one online (its files could not be fetched
  // whole), and never leave a half-filled cache behind when installing fails.
  // (An install always follows a script fetched from the site, so the site is reachable.)
  const live = await liveVersion();
  if (live !== VERSION) throw new Error(`release ${VERSION} is not the one online (${live} is)`);
  const existed = await caches.has(CACHE);
  try {
    await fill();
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

async function fill() {
  const cache = await caches.open(CACHE);
  await cache.put(INDEX_KEY, jsonResponse(MANIFEST));
  const previous = await previousCaches();
  await cacheGroup(cache, "shell", previous);
  let hadPlanner = false;
  for (const old of previous) if (await hasGroup(old.cache, old.files, "planner")) hadPlanner = true;
  if (hadPlanner) {
    await cacheGroup(cache, "planner", previous);
    await copyLazy(cache, previous);
  }
  await refreshPages(cache, previous);
}

// The caches of earlier releases, each with the list it was filled from.
async function previousCaches() {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const index = await cache.match(INDEX_KEY);
    const list = index ? await index.json().catch(() => null) : null;
    const files = new Map((list ? list.files : []).map((f) => [new URL(f.url, SCOPE).href, f]));
    found.push({ cache, files });
  }
  return found;
}

function groupFiles(group) {
  return MANIFEST.files.filter((f) => f.group === group);
}

async function hasGroup(cache, files, group) {
  const wanted = [...files.values()].filter((f) => f.group === group);
  if (wanted.length === 0) return false;
  for (const f of wanted) if (!(await cache.match(new URL(f.url, SCOPE).href))) return false;
  return true;
}

// Put every file of a group in the cache: already there, copied from an earlier release's cache
// when its hash is the same, or downloaded with an integrity check (revalidated against the
// server, so the HTTP cache answers with a cheap 304 when it already has the file).
async function cacheGroup(cache, group, previous = []) {
  await Promise.all(
    groupFiles(group).map(async (f) => {
      const url = new URL(f.url, SCOPE).href;
      if (await cache.match(url)) return;
      for (const old of previous) {
        const known = old.files.get(url);
        if (known && known.sha256 === f.sha256) {
          const hit = await old.cache.match(url);
          if (hit) return cache.put(url, hit);
        }
      }
      const response = await fetch(url, { cache: "no-cache", integrity: "sha256-" + f.sha256 });
      if (!response.ok) throw new Error(`${f.url}: HTTP ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

async function copyLazy(cache, previous) {
  for (const f of groupFiles("lazy")) {
    const url = new URL(f.url, SCOPE).href;
    for (const old of previous) {
      const known = old.files.get(url);
      const hit = known && known.sha256 === f.sha256 && (await old.cache.match(url));
      if (hit) {
        await cache.put(url, hit);
        break;
      }
    }
  }
}

// Pages the reader had offline in the previous release: fetch this release's copy (best
// effort: a page that no longer exists, or a failed fetch, is simply not carried over), and
// carry Material's immutable assets over as they are.
async function refreshPages(cache, previous) {
  const jobs = [];
  for (const old of previous) {
    for (const request of await old.cache.keys()) {
      const url = request.url;
      if (url === INDEX_KEY || old.files.has(url) || BY_URL.has(url)) continue;
      if (IMMUTABLE.test(new URL(url).pathname)) {
        jobs.push(old.cache.match(request).then((r) => r && cache.put(url, r)));
      } else {
        jobs.push(
          fetch(url, { cache: "no-cache" })
            .then((r) => (r.ok ? cache.put(url, r) : null))
            .catch(() => null),
        );
      }
    }
  }
  await Promise.all(jobs);
}

// ---- messages from pages (register-sw.js) ---------------------------------------------------

self.addEventListener("message", (event) => {
  const data = event.data || {};
  // Answered on the MessageChannel port the page sends (register-sw.js), not with
  // client.postMessage: the reader may have left the page meanwhile (it asks on `pagehide`), and
  // a client.postMessage to a page kept in the back/forward cache evicts it (Chrome:
  // "ServiceWorkerPostMessage"), so Back would reload the planner and start Python again. A
  // port's messages wait until the page is back.
  const port = event.ports[0];
  const reply = (message) => port && port.postMessage(message);
  if (data.type === "cache-page") {
    // A page that was loaded before this worker controlled it: keep it and what it loaded.
    event.waitUntil(cachePage(data.urls || []).then(() => reply({ type: "page-cached" })));
  } else if (data.type === "cache-planner") {
    event.waitUntil(
      cachePlanner(data.page).then(
        () => reply({ type: "offline-ready", version: VERSION }),
        (error) => reply({ type: "offline-failed", message: String(error && error.message ? error.message : error) }),
      ),
    );
  }
});

function inScope(url) {
  return typeof url === "string" && url.startsWith(SCOPE);
}

async function cachePage(urls) {
  await staleLoaded;
  if (stale) return;
  await Promise.all(
    urls.filter(inScope).map(async (raw) => {
      const url = raw.split("#")[0];
      if (BY_URL.has(url) || (await fromCache(url))) return;
      try {
        const response = await fetch(url); // from the HTTP cache: the page has just loaded it
        if (response.ok && response.type === "basic") await store(url, response);
      } catch {
        /* best effort */
      }
    }),
  );
}

async function cachePlanner(pageUrl) {
  await staleLoaded;
  if (stale) throw new Error("a newer release is online; it will be cached by its own worker");
  if (!(await caches.has(CACHE))) throw new Error("this release has been replaced");
  await cacheGroup(await caches.open(CACHE), "planner");
  // The planner page itself, and every page its navigation links to (plus what Material needs
  // offline: the search index its search worker reads).
  const page = inScope(pageUrl) ? pageUrl.split("#")[0] : new URL("planner/", SCOPE).href;
  const html = await (await fetch(page, { cache: "no-cache" })).text();
  const urls = new Set([page, new URL("search/search_index.json", SCOPE).href]);
  // Links and sources, and the quoted paths of Material's config (its search worker).
  for (const m of html.matchAll(/\b(?:href|src)="([^"#?]*)"|"([^"#?]*\.[0-9a-f]{8,}\.min\.js)"/g)) {
    const url = new URL(m[1] || m[2], page).href;
    if (inScope(url)) urls.add(url);
  }
  await cachePage([...urls]);
}

// ---- answering requests ---------------------------------------------------------------------

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) return; // the browser's default
  const url = request.url.split("#")[0];
  const listed = BY_URL.get(url.split("?")[0]);
  if (listed) event.respondWith(listedFile(event, url.split("?")[0], listed));
  else if (isPage(request)) event.respondWith(page(event, url));
  else if (IMMUTABLE.test(new URL(url).pathname)) event.respondWith(cacheFirst(event, url));
  else event.respondWith(networkFirst(event, url));
});

function isPage(request) {
  if (request.mode === "navigate" || request.destination === "document") return true;
  const path = new URL(request.url).pathname;
  return path.endsWith("/") || path.endsWith(".html");
}

async function listedFile(event, url, entry) {
  await staleLoaded;
  if (!stale) {
    const hit = await fromCache(url);
    if (hit) return hit;
  }
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const hit = (await newerCopy(url)) || (await fromCache(url));
    if (hit) return hit;
    throw error;
  }
  if (!stale && response.status === 200 && response.type === "basic") {
    event.waitUntil(storeIfListed(url, entry, response.clone()));
  }
  return response;
}

// Store a response of a listed file only if it is this release's file, byte for byte.
async function storeIfListed(url, entry, response) {
  const copy = response.clone();
  const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  const b64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  if (b64 === entry.sha256) await store(url, copy);
}

// While stale and offline: the new release's cache, if its worker has filled it already.
async function newerCopy(url) {
  if (!stale) return null;
  return caches.match(url, { cacheName: PREFIX + stale });
}

async function liveVersion() {
  try {
    const response = await fetch(LIVE_LIST, { cache: "no-cache" });
    if (!response.ok) return null;
    const text = (await response.text()).trim();
    return JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))).version || null;
  } catch {
    return null; // offline, or not a list we understand: nothing learnt
  }
}

async function page(event, url) {
  await staleLoaded;
  try {
    const [response, live] = await Promise.all([fetch(event.request), liveVersion()]);
    if (live && live !== VERSION) event.waitUntil(markStale(live));
    else if (live === VERSION && !stale && isActive()) event.waitUntil(sweep());
    else if (live === VERSION && stale) event.waitUntil(clearStale()); // the release was rolled back
    if (!stale && response.ok && response.type === "basic") event.waitUntil(store(url, response.clone()));
    return response;
  } catch {
    const hit = (await newerCopy(url)) || (await fromCache(url, { ignoreSearch: true }));
    return hit || offlinePage(url);
  }
}

async function cacheFirst(event, url) {
  await staleLoaded;
  const hit = await fromCache(url);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (!stale && response.ok && response.type === "basic") event.waitUntil(store(url, response.clone()));
  return response;
}

async function networkFirst(event, url) {
  await staleLoaded;
  try {
    const response = await fetch(event.request);
    if (!stale && response.ok && response.type === "basic") event.waitUntil(store(url, response.clone()));
    return response;
  } catch (error) {
    const hit = (await newerCopy(url)) || (await fromCache(url, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}

// ---- the offline page -----------------------------------------------------------------------

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ESCAPES[c]);

async function offlinePage(url) {
  const links = [];
  const cache = (await caches.has(CACHE)) ? await caches.open(CACHE) : null;
  for (const request of cache ? await cache.keys() : []) {
    if (!request.url.endsWith("/") || request.url.startsWith(SCOPE + "__sw")) continue;
    const html = await (await cache.match(request)).text();
    const title = (/<title>([^<]*)<\/title>/.exec(html) || [])[1] || request.url;
    links.push(`<li><a href="${escape(request.url)}">${title}</a></li>`);
  }
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline - After the Interview</title></head>
<body><main>
<h1>You are offline</h1>
<p>This page (${escape(new URL(url).pathname)}) has not been saved on this device yet. It will open once you are back online.</p>
${links.length ? `<p>These pages are saved on this device and work offline:</p><ul>${links.join("")}</ul>` : ""}
</main></body></html>`;
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function jsonResponse(data) {
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
}
