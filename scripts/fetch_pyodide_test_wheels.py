"""Download the pure-Python wheels the core tests need inside Pyodide into build/pyodide-wheels/.

Pyodide's npm package ships the interpreter and the standard library only: no pytest, no
micropip. tests/pyodide/run_core_tests.mjs installs these wheels with pyodide.loadPackage().

Which wheels: the dependency closure of pytest, hypothesis and the planner wheel's optional
extras (holidays, calendar), resolved for Pyodide (sys_platform "emscripten", Python 3.14).
Every version comes from constraints.txt, so Pyodide runs the very releases the venv runs,
except where tests/pyodide/constraints-override.txt says otherwise (and why); a dependency that
neither pins is an error, not a silent "latest".

Idempotent: a wheel already in the folder is not downloaded again; stale versions are removed.
Usage: .venv/bin/python scripts/fetch_pyodide_test_wheels.py  (prints the folder's path)
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from pins import read_pins

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "build" / "pyodide-wheels"
PLANNER_WHEELS = ROOT / "docs" / "assets" / "wheels"
# What the test run imports directly; the rest follows from their metadata.
ROOTS = ("pytest", "hypothesis")
PLANNER_EXTRAS = ("holidays", "calendar")
# Pyodide 314 runs CPython 3.14 compiled to WebAssembly by Emscripten.
PYODIDE_PYTHON = "3.14"
PYODIDE_ENV = {
    **default_environment(),
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "os_name": "posix",
    "platform_machine": "wasm32",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": PYODIDE_PYTHON,
    "python_full_version": PYODIDE_PYTHON + ".0",
}


PIN_FILES = (ROOT / "constraints.txt", ROOT / "tests" / "pyodide" / "constraints-override.txt")


def wheel_requirements(wheel: Path, extras: tuple[str, ...] = ()) -> list[Requirement]:
    """The wheel's Requires-Dist entries that apply in Pyodide with the given extras."""
    with zipfile.ZipFile(wheel) as zf:
        (meta_name,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        meta = HeaderParser().parsestr(zf.read(meta_name).decode("utf-8"))
    wanted = []
    for spec in meta.get_all("Requires-Dist") or []:
        req = Requirement(spec)
        if req.marker is None or any(
            req.marker.evaluate({**PYODIDE_ENV, "extra": extra}) for extra in ("", *extras)
        ):
            wanted.append(req)
    return wanted


def have(name: str, version: str) -> Path | None:
    for whl in DEST.glob("*.whl"):
        wname, wversion, _, _ = parse_wheel_filename(whl.name)
        if wname == name and str(wversion) == version:
            return whl
    return None


def fetch(name: str, version: str) -> Path:
    found = have(name, version)
    if found:
        return found
    # --platform any: only a pure-Python wheel will do; Pyodide cannot load a native one.
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
         "--only-binary=:all:", "--no-deps", "--platform", "any",
         "--python-version", PYODIDE_PYTHON, "-d", str(DEST), f"{name}=={version}"],
        check=True,
    )
    found = have(name, version)
    if not found:
        sys.exit(f"pip downloaded no wheel for {name}=={version} into {DEST}")
    return found


def main() -> None:
    DEST.mkdir(parents=True, exist_ok=True)
    pins = read_pins(*PIN_FILES)
    planner = sorted(PLANNER_WHEELS.glob("planner-*.whl"))
    if not planner:
        sys.exit(f"No planner wheel in {PLANNER_WHEELS}: run scripts/setup.sh first.")

    todo = [Requirement(r) for r in ROOTS] + wheel_requirements(planner[-1], PLANNER_EXTRAS)
    done: dict[str, Path] = {}
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in done:
            continue
        version = pins.get(name)
        if version is None:
            sys.exit(f"{name} is needed in Pyodide but not pinned in constraints.txt")
        if not req.specifier.contains(version, prereleases=True):
            sys.exit(f"constraints.txt pins {name}=={version}, which does not satisfy {req}")
        done[name] = fetch(name, version)
        todo.extend(wheel_requirements(done[name]))

    keep = set(done.values())
    for whl in DEST.glob("*.whl"):
        if whl not in keep:
            whl.unlink()
    print(DEST)


if __name__ == "__main__":
    main()
