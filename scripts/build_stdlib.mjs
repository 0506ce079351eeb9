#!/usr/bin/env node
// Builds an optimised copy of Pyodide's standard library zip (python_stdlib.zip).
//
// Pyodide's zip ships only .py files, so every module imported at start-up is compiled
// from source in the reader's browser, every time. This script:
//   1. traces: boots the stock Pyodide (from node_modules), puts the given wheels (the
//      planner) on sys.path as the browser worker does, runs a representative plan, and records which modules of the zip
//      were imported (sys.modules after the run);
//   2. probes: imports every module of the zip in a fresh runtime; a module whose import
//      fails for want of a C extension that Pyodide does not have can never work in a
//      browser, so it is dropped (plus a short, explained list of process/socket-server/
//      terminal modules, see ALWAYS_DROP);
//   3. builds: writes a new zip where the traced modules are precompiled, by Pyodide's own
//      CPython, into unchecked hash-based .pyc (PEP 552: never re-validated against the
//      source, so no stat or hash at import time), optionally without their .py (then
//      zipimport loads the .pyc alone); every other module stays as .py so that anything
//      imported later (holidays, icalendar, dateutil...) still works, lazily;
//   4. verifies: boots with the new zip, repeats the representative run, imports every
//      module that imported with the stock zip (except the dropped ones), and, given
//      --verify-wheel, installs those wheels and imports them.
//
// Usage (scripts/stdlib_zip.py calls it; see benchmarks/EXPERIMENTS.md for the figures):
//   node scripts/build_stdlib.mjs --out OUT.zip --wheel planner.whl [--wheel ...]
//        [--pyodide node_modules/pyodide/] [--mode trimmed|full|none] [--keep-source]
//        [--no-drop] [--level 9] [--optimize 0] [--verify-wheel W ...] [--verify-import holidays ...]
//        [--manifest OUT.json] [--lazy-out LAZY.zip] [--store] [--no-columns]
// --lazy-out: two archives: OUT holds only the traced modules (and _stdlib_lazy, from
// scripts/stdlib_lazy.py, which mounts the second one), LAZY.zip everything else; the
// representative run is then verified with OUT alone. --store: entries not deflated, for a
// server that gzips the whole file. --no-columns: line tables keep line numbers, not columns
// (also for --compile-wheel).
// --mode trimmed (default): .pyc for the traced modules only; full: .pyc for every module;
// none: no .pyc (only the drop step).
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    pyodide: path.join(HERE, "..", "node_modules", "pyodide") + path.sep,
    out: null,
    wheels: [],
    mode: "trimmed",
    keepSource: false,
    drop: true,
    level: 9,
    optimize: 0,
    verifyWheels: [],
    verifyImports: [],
    manifest: null,
    compileWheel: null,
    lazyOut: null,
    store: false,
    columns: true,
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--pyodide") opts.pyodide = path.resolve(next()) + path.sep;
    else if (a === "--out") opts.out = path.resolve(next());
    else if (a === "--wheel") opts.wheels.push(path.resolve(next()));
    else if (a === "--mode") opts.mode = next();
    else if (a === "--keep-source") opts.keepSource = true;
    else if (a === "--no-drop") opts.drop = false;
    else if (a === "--level") opts.level = Number(next());
    else if (a === "--optimize") opts.optimize = Number(next());
    else if (a === "--verify-wheel") opts.verifyWheels.push(path.resolve(next()));
    else if (a === "--verify-import") opts.verifyImports.push(next());
    else if (a === "--manifest") opts.manifest = path.resolve(next());
    else if (a === "--compile-wheel") opts.compileWheel = path.resolve(next());
    else if (a === "--lazy-out") opts.lazyOut = path.resolve(next());
    else if (a === "--store") opts.store = true;
    else if (a === "--no-columns") opts.columns = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.out) throw new Error("--out is required");
  if (opts.compileWheel) return opts;
  if (!["trimmed", "full", "none"].includes(opts.mode)) throw new Error(`bad --mode ${opts.mode}`);
  return opts;
}

// Modules that import fine but can never do their job in a browser tab: they start
// processes, listen on sockets, drive a terminal or open a web browser. Nothing that
// the planner or its optional packages (holidays, icalendar, dateutil, tzdata, six)
// imports is in this list; the verify step proves that everything else still imports.
const ALWAYS_DROP = [
  // (Kept although they cannot fully work: _pyrepl, which pdb/pydoc/doctest import, and
  // socketserver, which logging.config imports.)
  "multiprocessing", // needs processes (and _multiprocessing, absent)
  "concurrent.futures.process", // ProcessPoolExecutor (imports multiprocessing)
  "wsgiref", // a WSGI server
  "http.server", // an HTTP server
  "xmlrpc", // XML-RPC over sockets (client and server)
  "smtplib", // mail protocols over sockets
  "imaplib",
  "poplib",
  "ftplib",
  "webbrowser", // opens a browser from Python
  "antigravity", // opens a browser
  "pty", // pseudo-terminals
  "tty",
  "asyncio.windows_events", // Windows only
  "asyncio.windows_utils",
  "encodings.mbcs",
  "encodings.oem",
  "__hello__", // CPython's own import-system test modules
  "__phello__",
];

// Never imported by the probe: importing them runs a program or has side effects.
const NO_PROBE = ["this", "antigravity", "__hello__", "__phello__", "idlelib", "turtledemo"];

// The Python half: run inside each Pyodide booted here, its functions called by name.
const PYTHON = fs.readFileSync(path.join(HERE, "pyodide_stdlib.py"), "utf8");
// With --lazy-out: the module that mounts the second archive, shipped in the boot archive.
const LAZY_SOURCE = fs.readFileSync(path.join(HERE, "stdlib_lazy.py"), "utf8");

// With --lazy-out: register the boot archive's on-demand hook with a synchronous reader of the
// second archive (a file read here; the browser worker uses a synchronous XHR).
function installLazy(py, lazyPath) {
  if (!lazyPath) return;
  const lazy = py.pyimport("_stdlib_lazy");
  lazy.install(() => new Uint8Array(fs.readFileSync(lazyPath)));
  lazy.destroy?.();
}

async function boot(opts, stdLibURL) {
  const py = await loadPyodide({
    indexURL: opts.pyodide,
    ...(stdLibURL ? { stdLibURL } : {}),
    // A fixed string-hash seed: marshal writes set and frozenset constants in hash order, so
    // without it the same source gives different .pyc bytes (and a new wheel name) every build.
    env: { PYTHONHASHSEED: "0" },
    stdout: () => {},
    stderr: (s) => process.stderr.write(s + "\n"),
  });
  py.runPython(PYTHON);
  return py;
}

// Calls one of pyodide_stdlib.py's functions; lists and objects go in as Python values.
function call(py, name, ...args) {
  const fn = py.globals.get(name);
  const result = fn(...args.map((a) => (a !== null && typeof a === "object" ? py.toPy(a) : a)));
  fn.destroy?.();
  return result && typeof result.toJs === "function" ? toPlain(result) : result;
}

function toPlain(proxy) {
  const value = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy?.();
  return value;
}

// The planner's wheels as the browser worker loads them: the zip on sys.path, not installed
// (docs/assets/javascripts/planner-worker.js), so the trace holds no installer module.
function addWheels(py, wheels) {
  for (const wheel of wheels) {
    const where = "/lib/" + path.basename(wheel);
    py.FS.writeFile(where, fs.readFileSync(wheel));
    py.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(where)})`);
  }
}

async function trace(opts, stdLibURL) {
  const py = await boot(opts, stdLibURL);
  addWheels(py, opts.wheels);
  call(py, "representative_run");
  return { py, modules: call(py, "zip_modules") };
}

// --compile-wheel IN --out OUT: the same treatment for a pure-Python wheel (the planner's):
// every module gets an unchecked hash-based .pyc in __pycache__ next to its .py (kept, so
// tracebacks show the planner's source), RECORD updated. Installed by Pyodide, the .pyc are
// used by the ordinary SourceFileLoader without compiling or checking the source.
async function compileWheel(opts) {
  const py = await boot(opts);
  py.FS.writeFile("/tmp/in.whl", fs.readFileSync(opts.compileWheel));
  const n = call(py, "compile_wheel", "/tmp/in.whl", "/tmp/out.whl", opts.columns, opts.keepSource);
  fs.writeFileSync(opts.out, py.FS.readFile("/tmp/out.whl"));
  console.log(`${path.basename(opts.out)}: ${n} modules precompiled`);
}

async function main() {
  const opts = parseArgs(process.argv);
  if (opts.compileWheel) return compileWheel(opts);
  const t0 = performance.now();

  // 1. Trace with the stock zip.
  const { modules: traced } = await trace(opts);
  const compileMembers =
    opts.mode === "trimmed" ? Object.values(traced).filter((m) => m.endsWith(".py")) : [];

  // 2. Probe in a fresh runtime.
  const prober = await boot(opts);
  const probe = call(prober, "probe", NO_PROBE);
  const drop = opts.drop
    ? [...new Set([...ALWAYS_DROP, ...Object.keys(probe.missing_c)])].sort()
    : [];
  const tracedDropped = Object.keys(traced).filter((m) =>
    drop.some((d) => m === d || m.startsWith(d + ".")),
  );
  if (tracedDropped.length) throw new Error(`would drop traced modules: ${tracedDropped}`);

  // 3. Build with the prober's runtime (same CPython).
  const members = opts.mode === "full" ? call(prober, "stdlib_members") : compileMembers;
  const stats = call(prober, "build", "/tmp/out.zip", members, opts.keepSource, drop, opts.level,
                     opts.optimize, opts.lazyOut ? "/tmp/lazy.zip" : null, opts.store, opts.columns,
                     LAZY_SOURCE);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const tmpOut = opts.out + ".tmp";
  fs.writeFileSync(tmpOut, prober.FS.readFile("/tmp/out.zip"));
  const tmpLazy = opts.lazyOut ? opts.lazyOut + ".tmp" : null;
  if (tmpLazy) fs.writeFileSync(tmpLazy, prober.FS.readFile("/tmp/lazy.zip"));

  // 4. Verify with the new zip (the boot archive alone: the representative run must not need
  //    the second one; then, through the on-demand hook, everything else).
  const { py: checker, modules: traced2 } = await trace(opts, tmpOut);
  const missing = Object.keys(traced).filter((m) => !(m in traced2));
  if (missing.length) throw new Error(`representative run lost modules: ${missing}`);
  if (tmpLazy && checker.runPython("import _stdlib_lazy; _stdlib_lazy.mounted()")) {
    throw new Error("the representative run needed the second archive");
  }
  installLazy(checker, tmpLazy);
  const mustImport = probe.ok.filter((m) => !drop.some((d) => m === d || m.startsWith(d + ".")));
  const failed = call(checker, "import_all", mustImport);
  if (Object.keys(failed).length) throw new Error(`no longer import: ${JSON.stringify(failed)}`);
  // The precompiled modules really load from .pyc (zipimport then reports it as __file__).
  if (opts.mode !== "none") {
    const fromSource = call(checker, "from_source", Object.keys(traced));
    if (fromSource.length) throw new Error(`traced modules still compiled from source: ${fromSource}`);
  }
  let verified = [];
  if (opts.verifyWheels.length) {
    const v = await boot(opts, tmpOut);
    installLazy(v, tmpLazy);
    await v.loadPackage(opts.verifyWheels, { messageCallback: () => {} });
    for (const mod of opts.verifyImports) {
      call(v, "use_optional", mod); // a real use of each, not just the import
      verified.push(mod);
    }
  }
  fs.renameSync(tmpOut, opts.out);
  if (tmpLazy) fs.renameSync(tmpLazy, opts.lazyOut);

  const manifest = {
    pyodide: JSON.parse(fs.readFileSync(path.join(opts.pyodide, "package.json"), "utf8")).version,
    python: prober.runPython("'.'.join(map(str, sys.version_info[:3]))"),
    mode: opts.mode,
    keep_source: opts.keepSource,
    level: opts.level,
    optimize: opts.optimize,
    store: opts.store,
    columns: opts.columns,
    lazy_bytes: opts.lazyOut ? fs.statSync(opts.lazyOut).size : null,
    compiled_modules: Object.keys(traced).filter((m) => compileMembers.includes(traced[m]) || opts.mode === "full"),
    dropped: drop,
    dropped_missing_c_extension: probe.missing_c,
    probe_other_failures: probe.other,
    stats,
    bytes: fs.statSync(opts.out).size,
    verified_imports: verified,
    seconds: Math.round(performance.now() - t0) / 1000,
  };
  if (opts.manifest) fs.writeFileSync(opts.manifest, JSON.stringify(manifest, null, 2) + "\n");
  console.log(
    `${path.basename(opts.out)}: ${manifest.bytes} bytes, ${stats.compiled} modules precompiled, ` +
      `${drop.length} modules/packages dropped, verified in ${manifest.seconds}s`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err?.stack ?? err);
    process.exit(1);
  },
);
