#!/usr/bin/env node
// Builds an optimised copy of Pyodide's standard library zip (python_stdlib.zip).
//
// Pyodide's zip ships only .py files, so every module imported at start-up is compiled
// from source in the reader's browser, every time. This script:
//   1. traces: boots the stock Pyodide (from node_modules), installs the given wheels
//      (the planner), runs a representative plan, and records which modules of the zip
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
//        [--manifest OUT.json]
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

// The representative run: what the planner page does on its first render.
// The representative run: what the planner page does on its first render: every module
// of the planner package that the page may import at start (not the command line, not the
// calendar file, which loads icalendar lazily), one plan, one share link there and back.
const TRACE = String.raw`
import base64, datetime, importlib, json, os, zlib
import planner, planner.api
for entry in sorted(os.listdir(os.path.dirname(planner.__file__))):
    name, ext = os.path.splitext(entry)
    if ext == ".py" and name not in ("__init__", "__main__", "cli", "ics"):
        importlib.import_module("planner." + name)
raw = {
    "interview_date": "2026-11-17", "interview_start": "10:00", "interview_end": "11:00",
    "format": "video", "round": "first", "company": "Acme", "role": "Data analyst",
    "interviewers": [{"name": "Ana Diaz", "title": "Head of Data", "email": "ana@acme.example"}],
    "recruiter": "Jo at TalentCo", "decision_by": "2026-11-27", "references": ["Pat Kim"],
}
plan = planner.api.plan_dict(raw, datetime.date(2026, 11, 16))
assert "steps" in plan, plan
bad = planner.api.plan_dict({"interview_date": "17/11"}, datetime.date(2026, 11, 16))
assert "errors" in bad, bad
link = base64.urlsafe_b64encode(zlib.compress(json.dumps(raw).encode())).decode()
assert json.loads(zlib.decompress(base64.urlsafe_b64decode(link))) == raw
# The browser glue, where it exists (its API may change: best effort, never fatal).
web = sys.modules.get("planner.web")
share = sys.modules.get("planner.share")
try:
    if web and hasattr(web, "handle"):
        web.handle(json.dumps({"action": "plan", "raw": raw, "today": "2026-11-16"}))
    if web and hasattr(web, "plan"):
        web.plan(raw, "2026-11-16")
    if share and hasattr(share, "encode") and hasattr(share, "decode"):
        share.decode(share.encode(raw))
except Exception:
    pass
`;

const ZIP_MODULES = String.raw`
import sys
def zip_modules():
    prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
    out = {}
    for name, mod in list(sys.modules.items()):
        origin = getattr(getattr(mod, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(prefix):
            out[name] = origin[len(prefix):]
    return dict(sorted(out.items()))
`;

const PROBE = String.raw`
import importlib, sys, zipfile
STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]

def module_names(names):
    mods = set()
    for n in names:
        if not n.endswith(".py") or n.startswith("site-packages/"):
            continue
        parts = n[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods.add(".".join(parts))
    return sorted(mods)

def probe(no_probe):
    names = zipfile.ZipFile(STDLIB).namelist()
    mods = module_names(names)
    known = set(mods)
    ok, missing_c, other = [], {}, {}
    for m in mods:
        if m.split(".")[-1] == "__main__" or m.split(".")[0] in no_probe:
            continue
        try:
            importlib.import_module(m)
            ok.append(m)
        except ModuleNotFoundError as e:
            # Missing C extension (not a module of the zip): can never work here.
            if e.name and e.name not in known and e.name.split(".")[0] not in known:
                missing_c[m] = e.name
            else:
                other[m] = repr(e)
        except BaseException as e:  # noqa: BLE001 - we report, not judge
            other[m] = repr(e)
    return {"ok": ok, "missing_c": missing_c, "other": other}
`;

const BUILD = String.raw`
import importlib.util, io, os, py_compile, sys, zipfile
STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]

def member_module(name):
    parts = name[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)

def dropped(mod, drop):
    return any(mod == d or mod.startswith(d + ".") for d in drop)

def build(out, compile_members, keep_source, drop, level, optimize):
    compile_members = set(compile_members)
    src = zipfile.ZipFile(STDLIB)
    stats = {"compiled": 0, "dropped_files": 0}
    tmp = "/tmp/stdlib-build"
    os.makedirs(tmp, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst:
        for info in src.infolist():
            name = info.filename
            if name.endswith(".py") and not name.startswith("site-packages/"):
                mod = member_module(name)
                if dropped(mod, drop):
                    stats["dropped_files"] += 1
                    continue
            elif name.endswith("/"):
                mod = name[:-1].replace("/", ".")
                if dropped(mod, drop):
                    continue
            elif any(name.startswith(d.replace(".", "/") + "/") for d in drop):
                stats["dropped_files"] += 1
                continue
            data = src.read(name)
            if name in compile_members:
                # py_compile, by the very CPython that will import it; co_filename is the
                # path zipimport reports, so tracebacks read the same as from source.
                srcfile = os.path.join(tmp, "m.py")
                with open(srcfile, "wb") as f:
                    f.write(data)
                cfile = os.path.join(tmp, "m.pyc")
                py_compile.compile(
                    srcfile, cfile=cfile, dfile=STDLIB + "/" + name, doraise=True,
                    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
                    optimize=optimize,
                )
                pyc = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=info.date_time)
                pyc.compress_type = zipfile.ZIP_DEFLATED
                pyc.external_attr = info.external_attr
                with open(cfile, "rb") as f:
                    dst.writestr(pyc, f.read(), compresslevel=level)
                stats["compiled"] += 1
                if not keep_source:
                    continue
            copy = zipfile.ZipInfo(name, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED if not name.endswith("/") else zipfile.ZIP_STORED
            copy.external_attr = info.external_attr
            dst.writestr(copy, data, compresslevel=level)
    return stats
`;

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
  return py;
}

function toPlain(proxy) {
  const value = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy?.();
  return value;
}

async function trace(opts, stdLibURL) {
  const py = await boot(opts, stdLibURL);
  if (opts.wheels.length) await py.loadPackage(opts.wheels, { messageCallback: () => {} });
  py.runPython("import sys\n" + TRACE);
  py.runPython(ZIP_MODULES);
  return { py, modules: toPlain(py.runPython("zip_modules()")) };
}

// --compile-wheel IN --out OUT: the same treatment for a pure-Python wheel (the planner's):
// every module gets an unchecked hash-based .pyc in __pycache__ next to its .py (kept, so
// tracebacks show the planner's source), RECORD updated. Installed by Pyodide, the .pyc are
// used by the ordinary SourceFileLoader without compiling or checking the source.
const COMPILE_WHEEL = String.raw`
import base64, hashlib, os, py_compile, sys, zipfile
def compile_wheel(src, out):
    tag = sys.implementation.cache_tag
    zin = zipfile.ZipFile(src)
    record_name = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
    added, count = [], 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == record_name:
                continue
            zout.writestr(info, data, compresslevel=9)
            name = info.filename
            if name.endswith(".py") and ".dist-info/" not in name and ".data/" not in name:
                with open("/tmp/w.py", "wb") as f:
                    f.write(data)
                py_compile.compile("/tmp/w.py", cfile="/tmp/w.pyc", doraise=True,
                    dfile="/lib/python%d.%d/site-packages/" % sys.version_info[:2] + name,
                    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
                head, base = os.path.split(name)
                pyc_name = (head + "/" if head else "") + "__pycache__/" + base[:-3] + "." + tag + ".pyc"
                with open("/tmp/w.pyc", "rb") as f:
                    pyc = f.read()
                zi = zipfile.ZipInfo(pyc_name, date_time=info.date_time)
                zi.external_attr = info.external_attr
                zout.writestr(zi, pyc, zipfile.ZIP_DEFLATED, 9)
                digest = base64.urlsafe_b64encode(hashlib.sha256(pyc).digest()).rstrip(b"=").decode()
                added.append(f"{pyc_name},sha256={digest},{len(pyc)}")
                count += 1
        record = zin.read(record_name).decode().rstrip("\n").split("\n")
        lines = [l for l in record if not l.startswith(record_name + ",")] + added + [record_name + ",,"]
        zi = zipfile.ZipInfo(record_name, date_time=zin.getinfo(record_name).date_time)
        zout.writestr(zi, "\n".join(lines) + "\n", zipfile.ZIP_DEFLATED, 9)
    return count
`;

async function compileWheel(opts) {
  const py = await boot(opts);
  py.runPython(COMPILE_WHEEL);
  py.FS.writeFile("/tmp/in.whl", fs.readFileSync(opts.compileWheel));
  const n = py.runPython(`compile_wheel("/tmp/in.whl", "/tmp/out.whl")`);
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
  prober.runPython(PROBE);
  prober.globals.set("no_probe", prober.toPy(NO_PROBE));
  const probe = toPlain(prober.runPython("probe(no_probe)"));
  const drop = opts.drop
    ? [...new Set([...ALWAYS_DROP, ...Object.keys(probe.missing_c)])].sort()
    : [];
  const tracedDropped = Object.keys(traced).filter((m) =>
    drop.some((d) => m === d || m.startsWith(d + ".")),
  );
  if (tracedDropped.length) throw new Error(`would drop traced modules: ${tracedDropped}`);

  // 3. Build with the prober's runtime (same CPython).
  prober.runPython(BUILD);
  let members = compileMembers;
  if (opts.mode === "full") {
    members = toPlain(
      prober.runPython(
        `[n for n in zipfile.ZipFile(STDLIB).namelist() if n.endswith(".py") and not n.startswith("site-packages/")]`,
      ),
    );
  }
  prober.globals.set("args", prober.toPy([members, opts.keepSource, drop, opts.level, opts.optimize]));
  const stats = toPlain(prober.runPython(`build("/tmp/out.zip", *args)`));
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const tmpOut = opts.out + ".tmp";
  fs.writeFileSync(tmpOut, prober.FS.readFile("/tmp/out.zip"));

  // 4. Verify with the new zip.
  const { py: checker, modules: traced2 } = await trace(opts, tmpOut);
  const missing = Object.keys(traced).filter((m) => !(m in traced2));
  if (missing.length) throw new Error(`representative run lost modules: ${missing}`);
  const mustImport = probe.ok.filter((m) => !drop.some((d) => m === d || m.startsWith(d + ".")));
  checker.globals.set("must", checker.toPy(mustImport));
  const failed = toPlain(
    checker.runPython(String.raw`
import importlib
failed = {}
for m in must:
    try:
        importlib.import_module(m)
    except BaseException as e:  # noqa: BLE001
        failed[m] = repr(e)
failed
`),
  );
  if (Object.keys(failed).length) throw new Error(`no longer import: ${JSON.stringify(failed)}`);
  // The precompiled modules really load from .pyc (zipimport then reports it as __file__).
  if (opts.mode !== "none") {
    checker.globals.set("traced", checker.toPy(Object.keys(traced)));
    const fromSource = toPlain(
      checker.runPython(`[n for n in traced if not getattr(sys.modules[n], "__file__", "").endswith(".pyc")]`),
    );
    if (fromSource.length) throw new Error(`traced modules still compiled from source: ${fromSource}`);
  }
  let verified = [];
  if (opts.verifyWheels.length) {
    const v = await boot(opts, tmpOut);
    await v.loadPackage(opts.verifyWheels, { messageCallback: () => {} });
    for (const mod of opts.verifyImports) {
      v.runPython(`import ${mod}`);
      verified.push(mod);
    }
    // A real use of each, not just the import.
    if (opts.verifyImports.includes("holidays"))
      v.runPython(`import holidays, datetime; assert datetime.date(2026, 12, 25) in holidays.country_holidays("GB", years=2026)`);
    if (opts.verifyImports.includes("icalendar"))
      v.runPython(String.raw`
import icalendar, datetime, zoneinfo
cal = icalendar.Calendar(); cal.add("prodid", "-//test//"); cal.add("version", "2.0")
ev = icalendar.Event(); ev.add("summary", "x")
ev.add("dtstart", datetime.datetime(2026, 11, 18, 9, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
cal.add_component(ev)
assert b"BEGIN:VEVENT" in cal.to_ical()
`);
  }
  fs.renameSync(tmpOut, opts.out);

  const manifest = {
    pyodide: JSON.parse(fs.readFileSync(path.join(opts.pyodide, "package.json"), "utf8")).version,
    python: toPlain(prober.runPython("list(sys.version_info[:3])")).join("."),
    mode: opts.mode,
    keep_source: opts.keepSource,
    level: opts.level,
    optimize: opts.optimize,
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
