// The planner's Python, running in a module Web Worker so the page never freezes.
//
// Started by planner.js as soon as the planner page opens:
//   new Worker(new URL("./planner-worker.js", import.meta.url), { type: "module" })
// Everything is self-hosted: Pyodide from ../pyodide/, the wheels and their lock file from
// ../wheels/ (written by scripts/prepare_assets.py). The planner wheel is fetched in parallel
// with Python's start-up (its name and hash from the lock) and imported from the zip; the
// holidays and icalendar wheels are loaded by name through the lock only when a request needs
// them (Python says which, see planner/web.py `needs`).
//
// The standard library comes in two archives (scripts/stdlib_zip.py): the boot archive, given
// to loadPyodide as stdLibURL, holds only what the planner imports before its first plan; the
// second archive holds the rest and is fetched the first time a request needs holidays or
// icalendar (beside their wheels), or, for any rarer path, synchronously by the import hook of
// _stdlib_lazy (scripts/stdlib_lazy.py) the first time Python imports a module only it has.
// Both are zips named .json so that GitHub Pages gzips them on the wire.
//
// Protocol (page -> worker): {id, op, ...} with op "plan" | "decode" | "screen" | "ics" (see planner/web.py).
// Worker -> page: {type: "ready"} once Python and the planner are loaded,
//                 {type: "status", message} while something slow loads (e.g. holidays),
//                 {type: "result", id, op, answer} for each request, in the order received,
//                 {type: "failed", message} if Python cannot start at all.
// Requests are handled strictly one after another; the page drops answers it no longer needs.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const PYODIDE_URL = new URL("../pyodide/", import.meta.url).href;
const WHEELS_URL = new URL("../wheels/", import.meta.url).href;
const LAZY_STDLIB_URL = PYODIDE_URL + "python_stdlib.lazy.zip.json";

let web = null; // planner.web's handle(), once ready
let pyodide = null;

// The lock (revalidated on every start, "no-cache": a cheap 304 when unchanged, so never stale)
// names the planner wheel by a content hash (see scripts/prepare_assets.py) and gives its sha256.
const lock = fetch(WHEELS_URL + "pyodide-lock.json", { cache: "no-cache" }).then((r) => {
  if (!r.ok) throw new Error(`pyodide-lock.json: HTTP ${r.status}`);
  return r.json();
});
// The planner wheel, fetched while Python starts and imported straight from the zip (sys.path):
// no installation step, so start-up needs none of Pyodide's installer modules (tarfile,
// importlib.metadata...) and they stay out of the boot archive (scripts/stdlib_zip.py traces
// the planner loaded this same way).
const plannerWheel = lock.then(async (contents) => {
  const entry = contents.packages.planner;
  const bytes = Uint8Array.from(entry.sha256.match(/../g), (h) => parseInt(h, 16));
  const integrity = "sha256-" + btoa(String.fromCharCode(...bytes));
  const response = await fetch(WHEELS_URL + entry.file_name, { integrity });
  if (!response.ok) throw new Error(`${entry.file_name}: HTTP ${response.status}`);
  return { name: entry.file_name, bytes: new Uint8Array(await response.arrayBuffer()) };
});
plannerWheel.catch(() => {}); // reported when awaited below

const started = (async () => {
  pyodide = await loadPyodide({
    indexURL: PYODIDE_URL,
    // What start-up imports, precompiled (scripts/stdlib_zip.py, built by
    // scripts/prepare_assets.py and verified there with the planner, holidays and icalendar).
    stdLibURL: PYODIDE_URL + "python_stdlib.boot.zip.json",
    // The same lock, for the holidays and icalendar wheels loaded later by name.
    lockFileContents: lock,
    packageBaseUrl: WHEELS_URL,
    stdout: (line) => console.log("[planner]", line),
    stderr: (line) => console.warn("[planner]", line),
  });
  lazyStdlib = pyodide.pyimport("_stdlib_lazy");
  lazyStdlib.install(readLazyStdlibNow);
  const wheel = await plannerWheel;
  const path = "/lib/" + wheel.name;
  pyodide.FS.writeFile(path, wheel.bytes);
  pyodide.pyimport("sys").path.insert(0, path);
  const module = pyodide.pyimport("planner.web");
  web = module.handle;
  self.postMessage({ type: "ready" });
})();

started.catch((error) => {
  self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
});

let lazyStdlib = null; // the boot archive's _stdlib_lazy module
let lazyFetch = null;

// The second archive, for a request that will need it: fetched while the wheels download.
function fetchLazyStdlib() {
  lazyFetch ??= fetch(LAZY_STDLIB_URL).then(async (response) => {
    if (!response.ok) throw new Error(`${LAZY_STDLIB_URL}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  return lazyFetch;
}

function mountLazyStdlib(bytes) {
  if (lazyStdlib.mounted()) return;
  pyodide.FS.writeFile(lazyStdlib.ARCHIVE, bytes);
  lazyStdlib.mount();
}

// The import hook's reader, for a module needed before any request asked for the archive: a
// synchronous request (allowed in a worker; it blocks only this worker).
function readLazyStdlibNow() {
  const xhr = new XMLHttpRequest();
  xhr.open("GET", LAZY_STDLIB_URL, false);
  xhr.responseType = "arraybuffer";
  xhr.send();
  if (xhr.status !== 200) throw new Error(`${LAZY_STDLIB_URL}: HTTP ${xhr.status}`);
  return new Uint8Array(xhr.response);
}

function call(request) {
  return JSON.parse(web(JSON.stringify(request)));
}

async function ensurePackages(request) {
  if (request.op !== "plan" && request.op !== "ics") return;
  const { packages, status } = call({ op: "needs", raw: request.raw, form: request.form, for: request.op });
  if (!packages || packages.length === 0) return;
  self.postMessage({ type: "status", message: status });
  const stdlib = lazyStdlib.mounted() ? null : fetchLazyStdlib();
  // Mounted before the wheels install: their installer and their imports may need it.
  const wheels = pyodide.loadPackage(packages, {
    messageCallback: () => {},
    errorCallback: (m) => console.warn(m),
  });
  if (stdlib) mountLazyStdlib(await stdlib);
  await wheels;
}

// One queue: each request waits for start-up and for the request before it.
let queue = started;

self.addEventListener("message", (event) => {
  const request = event.data;
  queue = queue
    .then(async () => {
      let answer;
      try {
        await ensurePackages(request);
        answer = call(request);
      } catch (error) {
        // The page words it (planner/view.py, "could_not_finish"); this gives only the detail.
        answer = { failure: String(error && error.message ? error.message : error) };
      }
      self.postMessage({ type: "result", id: request.id, op: request.op, answer });
    })
    .catch(() => {
      /* start-up failed: already reported as "failed" */
    });
});
