// Runs the planner's core test-suite (tests/core/, pytest + hypothesis) inside real Pyodide,
// the same runtime the site ships, under Node. Exits with pytest's exit code.
//
//   node tests/pyodide/run_core_tests.mjs [extra pytest args]
//
// Needs (scripts/test.sh makes them): node_modules/pyodide (npm ci), the planner wheel in
// docs/assets/wheels/ (scripts/prepare_assets.py: we test the wheel the site serves, not the
// source tree) and the test tools' wheels in build/pyodide-wheels/
// (scripts/fetch_pyodide_test_wheels.py). Nothing is fetched over the network: any attempt
// to is an error.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TEST_WHEELS = join(ROOT, "build", "pyodide-wheels");
const PLANNER_WHEELS = join(ROOT, "docs", "assets", "wheels");
const REPO = "/repo"; // where the tests live inside Pyodide's file system
const started = performance.now();

function fail(message) {
  console.error(`run_core_tests: ${message}`);
  process.exit(2);
}

function wheelsIn(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".whl")) : [];
}
// A wheel file name starts with its normalised distribution name (PEP 427, PEP 503).
const distName = (file) => file.split("-")[0].toLowerCase().replace(/[-_.]+/g, "_");

// The run must not depend on the network: refuse any fetch that is not a local file.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (/^(https?|wss?):/i.test(url)) {
    return Promise.reject(new Error(`run_core_tests: network access refused (${url})`));
  }
  return realFetch(input, init);
};

// One wheel per distribution: the test tools from build/pyodide-wheels, overridden by what the
// site itself serves from docs/assets/wheels (the planner, and the lazily loaded holidays and
// icalendar wheels with their dependencies once prepare_assets ships them), so the run tests
// the shipped files.
const wheels = new Map();
for (const dir of [TEST_WHEELS, PLANNER_WHEELS]) {
  for (const file of wheelsIn(dir)) wheels.set(distName(file), join(dir, file));
}
if (!wheelsIn(TEST_WHEELS).some((f) => distName(f) === "pytest")) {
  fail(`no pytest wheel in ${TEST_WHEELS}: run .venv/bin/python scripts/fetch_pyodide_test_wheels.py`);
}
const shippedPlanner = wheelsIn(PLANNER_WHEELS).filter((f) => distName(f) === "planner");
if (shippedPlanner.length !== 1) {
  fail(`expected exactly one planner wheel in ${PLANNER_WHEELS}, found ${shippedPlanner.length}: run scripts/setup.sh`);
}
if (!existsSync(join(ROOT, "tests", "core"))) fail("tests/core/ does not exist");

// The standard library the site ships (scripts/stdlib_zip.py), so the suite runs on exactly
// what the browser gets: the boot archive as stdLibURL, and the second archive loaded on demand
// by the boot archive's own import hook (_stdlib_lazy), read from the shipped file as the
// browser worker reads it from the site. Browser-impossible modules are in neither.
const PYODIDE_ASSETS = join(ROOT, "docs", "assets", "pyodide");
const BOOT_STDLIB = join(PYODIDE_ASSETS, "python_stdlib.boot.zip.json");
const LAZY_STDLIB = join(PYODIDE_ASSETS, "python_stdlib.lazy.zip.json");
for (const file of [BOOT_STDLIB, LAZY_STDLIB]) {
  if (!existsSync(file)) fail(`${file} is missing: run scripts/setup.sh`);
}
const readLazyStdlib = () => new Uint8Array(readFileSync(LAZY_STDLIB));
const quiet = { messageCallback: () => {}, errorCallback: (m) => console.error(m) };

// First, in an interpreter of its own, the shipped archives themselves: the planner's first
// plan (the planner imported from its wheel, as the worker does) needs the boot archive alone; then a real use of holidays (a GB holiday lookup) and of
// icalendar (a calendar with a zoneinfo time zone) works once the hook has brought in the
// second archive; every standard-library module imported on the way came from one of the two.
{
  const py = await loadPyodide({ stdLibURL: BOOT_STDLIB, env: { HOME: "/home/pyodide" } });
  // The planner wheel as the browser worker loads it: the zip itself on sys.path.
  const planner = wheels.get("planner");
  const where = "/lib/" + basename(planner);
  py.FS.writeFile(where, readFileSync(planner));
  py.pyimport("sys").path.insert(0, where);
  py.pyimport("_stdlib_lazy").install(readLazyStdlib);
  const lazyWheels = ["holidays", "python_dateutil", "six", "icalendar", "tzdata"].map((name) => {
    const file = wheels.get(name);
    if (!file || !file.startsWith(PLANNER_WHEELS)) fail(`the site does not serve a ${name} wheel`);
    return file;
  });
  try {
    py.runPython(`
import datetime, json, sys
import _stdlib_lazy
from planner import web
answer = json.loads(web.handle(json.dumps({"op": "plan", "today": "2026-11-16", "form": {
    "interview_date": "2026-11-17", "interview_start": "10:00", "interview_end": "11:00",
    "company": "Acme", "role": "Data analyst"}})))
assert "steps" in answer, answer
assert not _stdlib_lazy.mounted(), "the first plan needed the second archive"
`);
    await py.loadPackage(lazyWheels, quiet);
    const report = py.runPython(`
import holidays, icalendar, zoneinfo
assert datetime.date(2026, 12, 25) in holidays.country_holidays("GB", years=2026)
assert holidays.country_holidays("GB", subdiv="ENG", years=2026).get("2026-08-31")
cal = icalendar.Calendar()
cal.add("prodid", "-//run_core_tests//")
cal.add("version", "2.0")
event = icalendar.Event()
event.add("summary", "Interview")
event.add("dtstart", datetime.datetime(2026, 11, 17, 10, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
cal.add_component(event)
text = cal.to_ical().decode()
assert "BEGIN:VEVENT" in text and "TZID=Europe/London" in text, text
assert _stdlib_lazy.mounted()
origins = {}
for name, module in list(sys.modules.items()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith("/lib/python3") and "/site-packages/" not in origin:
        origins[name] = origin
stray = sorted(n for n, o in origins.items() if not o.startswith((_stdlib_lazy.BOOT + "/", _stdlib_lazy.ARCHIVE + "/")))
assert not stray, f"standard-library modules from outside the shipped archives: {stray}"
boot = sum(o.startswith(_stdlib_lazy.BOOT + "/") for o in origins.values())
f"{boot} standard-library modules from the boot archive, {len(origins) - boot} from the second archive"
`);
    console.log(`Shipped archives: first plan with the boot archive alone; holidays and icalendar work; ${report}`);
  } catch (error) {
    fail(`the shipped standard-library archives: ${error.message}`);
  }
}

const pyodide = await loadPyodide({
  stdLibURL: BOOT_STDLIB,
  env: {
    // No .pyc files written next to the mounted tests (that is the real repository).
    PYTHONDONTWRITEBYTECODE: "1",
    // Hypothesis keeps its example database and other state here: in memory, thrown away.
    HYPOTHESIS_STORAGE_DIRECTORY: "/tmp/hypothesis",
    HOME: "/home/pyodide",
  },
});
// Pass Python's output through unchanged, so pytest's progress and summary read as usual.
const writer = (stream) => ({
  write: (bytes) => {
    stream.write(bytes);
    return bytes.length;
  },
});
pyodide.setStdout(writer(process.stdout));
pyodide.setStderr(writer(process.stderr));
pyodide.pyimport("_stdlib_lazy").install(readLazyStdlib);
const loaded = performance.now();

await pyodide.loadPackage([...wheels.values()], quiet);
const installed = performance.now();
// Printed before pytest runs, so that pytest's own summary line (with its time) closes the output.
const span = (from, to) => ((to - from) / 1000).toFixed(1);
console.log(
  `Pyodide ready in ${span(started, installed)} s ` +
    `(runtime ${span(started, loaded)} s, ${wheels.size} wheels ${span(loaded, installed)} s)`,
);

// The tests and pytest's configuration from the repository; planner/ is deliberately not
// mounted, so `import planner` can only find the installed wheel.
pyodide.FS.mkdirTree(`${REPO}/tests`);
pyodide.mountNodeFS(`${REPO}/tests`, join(ROOT, "tests"));
pyodide.FS.writeFile(`${REPO}/pyproject.toml`, readFileSync(join(ROOT, "pyproject.toml")));

const args = ["-q", "-p", "no:cacheprovider", "tests/core", ...process.argv.slice(2)];
pyodide.globals.set("pytest_args", pyodide.toPy(args));
let code;
try {
  code = await pyodide.runPythonAsync(`
import os, site, sys
os.chdir("${REPO}")

import planner
where = list(planner.__path__)
if not all(p.startswith(tuple(site.getsitepackages())) for p in where):
    raise SystemExit(f"planner was imported from {where}, not from the installed wheel")

import pytest

class PyodideProfile:
    """Hypothesis settings for this run, applied before any test module is imported.

    Slower interpreter and cold imports (holidays takes seconds on first use): example
    timings in WebAssembly say nothing about the planner, so no deadline. No example
    database either: the run is thrown away with the interpreter.
    """

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config):
        from hypothesis import settings
        settings.register_profile("pyodide", deadline=None, database=None)
        settings.load_profile("pyodide")

from importlib.metadata import version
print(f"Python {sys.version.split()[0]} on {sys.platform}: pytest {pytest.__version__}, "
      f"hypothesis {version('hypothesis')}, planner {version('planner')} from {where[0]}", flush=True)
int(pytest.main(list(pytest_args) + ["--hypothesis-profile=pyodide"], plugins=[PyodideProfile()]))
`);
} catch (error) {
  // A Python error outside the tests (set-up, import of the wheel): its traceback, not
  // Pyodide's minified JavaScript.
  fail(error.message);
}
if (!Number.isInteger(code)) fail(`pytest.main returned ${code}, not an exit code`);
if (code === 5) {
  console.error("run_core_tests: pytest collected no tests in tests/core: that is a failure here.");
}
process.exit(code);
