"""Put the built (not hand-written) files the site serves under docs/assets/.

- docs/assets/pyodide/: the self-hosted Pyodide runtime, copied from the npm package, and the
  standard library as the planner loads it, in two archives (scripts/stdlib_zip.py).
- docs/assets/wheels/: the planner's own wheel, built from planner/, plus the pure-Python
  wheels the planner loads lazily in the browser (icalendar + tzdata for the calendar file,
  holidays + python-dateutil + six for a country's public holidays), downloaded from PyPI at
  the versions pinned in constraints.txt, and a self-hosted ``pyodide-lock.json`` that lists
  exactly these wheels. The browser worker passes that lock to ``loadPyodide`` (with
  ``packages: ["planner"]``), so the planner wheel downloads while Python starts, and
  ``loadPackage("holidays")`` later pulls in its dependencies by name, all from this site.

Both folders are git-ignored. Re-running is cheap: copies and downloads are skipped when
the files are already there and current; the planner wheel is always rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pins import read_pins

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
WHEELS = ASSETS / "wheels"
PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# Loaded in the browser only when needed; versions come from constraints.txt.
LAZY_WHEELS = ("icalendar", "tzdata", "holidays", "python-dateutil", "six")
LOCK_NAME = "pyodide-lock.json"


def copy_pyodide() -> None:
    dest = ASSETS / "pyodide"
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        src = PYODIDE_SRC / name
        if not src.exists():
            sys.exit(f"{src} is missing: run 'npm ci' (scripts/setup.sh does).")
        target = dest / name
        if not target.exists() or target.stat().st_mtime < src.stat().st_mtime:
            shutil.copy2(src, target)


def build_planner_wheel() -> Path:
    WHEELS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                tmp,
                str(ROOT),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            # Reproducible: fixed timestamps for the files the build generates, so an unchanged
            # planner keeps its wheel name (and readers' offline copies) from one build to the next.
            env={**os.environ, "SOURCE_DATE_EPOCH": "315532800"},
        )
        (plain,) = Path(tmp).glob("planner-*.whl")
        # Precompiled: each module as an unchecked hash-based .pyc (in place of its .py, line
        # tables without columns), so the browser imports the planner without compiling it
        # (import about twice as fast; benchmarks/EXPERIMENTS.md, sections 7 and 14). Before the
        # lock is written: the lock records the wheel's sha256.
        compiled = Path(tmp) / "compiled"
        compiled.mkdir()
        wheel = __import__("stdlib_zip").precompile_wheel(plain, compiled / plain.name)
        for old in WHEELS.glob("planner-*.whl"):
            old.unlink()
        return Path(shutil.copy2(wheel, WHEELS / cache_busting_name(wheel)))


def cache_busting_name(wheel: Path) -> str:
    """The wheel's file name with a build tag made from its content, e.g.
    ``planner-0.1.0-0d1e2f3a4b5c6-py3-none-any.whl``.

    A browser (or a CDN in front of GitHub Pages) may keep an old file under the same name for a
    while after a new release; Pyodide checks each wheel against the sha256 in the lock file,
    so a stale copy would stop the planner from starting. A name that changes with the content
    can never be stale. (A build tag must start with a digit; it is otherwise ignored.)
    """
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    name, version, *rest = wheel.name.split("-")
    return "-".join([name, version, f"0{digest}", *rest])


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wheel_project(path: Path) -> tuple[str, str]:
    name, version = path.name.split("-")[:2]
    return _norm(name), version


def download_lazy_wheels() -> list[Path]:
    """The pinned pure-Python wheels; downloads only what is missing or at another version."""
    WHEELS.mkdir(parents=True, exist_ok=True)
    pins = read_pins()
    wanted = {}
    for project in LAZY_WHEELS:
        if project not in pins:
            sys.exit(f"{project} is not pinned in constraints.txt")
        wanted[project] = pins[project]
    have = {}
    for whl in WHEELS.glob("*.whl"):
        project, version = _wheel_project(whl)
        if project in wanted:
            if version == wanted[project]:
                have[project] = whl
            else:
                whl.unlink()  # another version: stale
    missing = [f"{p}=={v}" for p, v in wanted.items() if p not in have]
    if missing:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--only-binary=:all:",
                "--no-deps",
                "--dest",
                str(WHEELS),
                *missing,
            ],
            check=True,
        )
    found = {}
    for whl in WHEELS.glob("*.whl"):
        project, version = _wheel_project(whl)
        if wanted.get(project) == version:
            found[project] = whl
    if set(found) != set(wanted):
        sys.exit(f"wheels missing after download: {sorted(set(wanted) - set(found))}")
    return [found[p] for p in LAZY_WHEELS]


def write_lock(wheels: list[Path]) -> Path:
    """A pyodide-lock.json for our wheels only, written by pyodide-build's
    ``pyodide lockfile add-wheels`` (README, "Dependencies").

    The input is Pyodide's own lock emptied of its packages: it keeps the ABI information
    (Python version, platform) and lists nothing that this site does not serve. File names are
    relative (``--base-path``), so Pyodide fetches them from the folder the lock is served from.
    Dependencies are read from each wheel's metadata; a missing one is an error.
    """
    upstream = json.loads((PYODIDE_SRC / LOCK_NAME).read_text(encoding="utf-8"))
    target = WHEELS / LOCK_NAME
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / LOCK_NAME
        empty.write_text(json.dumps({"info": upstream["info"], "packages": {}}), encoding="utf-8")
        subprocess.run(
            [
                str(Path(sys.executable).with_name("pyodide")),
                "lockfile",
                "add-wheels",
                "--input",
                str(empty),
                "--output",
                str(target),
                "--base-path",
                str(WHEELS),
                *map(str, wheels),
            ],
            check=True,
        )
    return target


def main() -> None:
    copy_pyodide()
    planner = build_planner_wheel()
    lazy = download_lazy_wheels()
    # The standard library's boot and second archives (scripts/stdlib_zip.py): cached, rebuilt
    # only when their inputs change.
    __import__("stdlib_zip").build_optimised_stdlib(planner)
    lock = write_lock([planner, *lazy])
    __import__("sw_manifest").write(ROOT / "docs")  # assets/sw-precache.js for docs/sw.js
    print(
        f"assets ready: pyodide {PYODIDE_SRC.name}, {planner.relative_to(ROOT)}, "
        f"{len(lazy)} lazy wheels, {lock.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
