"""Build Pyodide's standard library for the planner as two archives, in docs/assets/pyodide/:

- ``python_stdlib.boot.zip.json``, the boot archive (the worker's ``stdLibURL``): only the
  modules the planner imports before its first plan, precompiled;
- ``python_stdlib.lazy.zip.json``, the second archive: every other module that can work in a
  browser, as ``.py``, loaded only when a request needs it (holidays, icalendar, dateutil, or a
  rarely used path; ``scripts/stdlib_lazy.py``).

Pyodide ships its standard library as ``.py`` only, so the modules a page imports at start
are compiled from source in the reader's browser on every visit. ``scripts/build_stdlib.mjs``
(run here under Node, with the Pyodide from node_modules) traces which modules the planner
imports on its first render, precompiles exactly those into unchecked hash-based ``.pyc`` by
Pyodide's own CPython (docstrings and asserts stripped, ``-OO``, line tables without column
positions, and their ``.py`` left out) into the boot archive, with the module that mounts the
second archive (``_stdlib_lazy``); puts every other module in the second archive; and drops
the modules that can never work in a browser. It then verifies the result: the planner runs
with the boot archive alone, everything that imported before still imports (through the
second archive), and ``holidays`` and ``icalendar`` work with them.

Both archives are zips whose entries are stored, not deflated, so that the server's gzip
compresses each whole file (one dictionary across all modules: smaller than deflating each
entry). GitHub Pages gzips by content type (text, JSON, JavaScript, WebAssembly), not
``application/zip``, hence the ``.json`` name: served as ``application/json``, gzipped on the
wire; Pyodide and the worker read the bytes and never look at the type. Figures:
benchmarks/EXPERIMENTS.md, section 14.

Cached: skipped when the inputs (Pyodide's zip, the planner's sources, the build scripts and
options) are unchanged since the last build, recorded in build/stdlib/.

    from stdlib_zip import build_optimised_stdlib
    build_optimised_stdlib(planner_wheel)          # -> Path of the boot archive

or ``python scripts/stdlib_zip.py [--force]`` on its own.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from pins import read_pins

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
BOOT_NAME = "python_stdlib.boot.zip.json"
LAZY_NAME = "python_stdlib.lazy.zip.json"
OUT = ROOT / "docs" / "assets" / "pyodide" / BOOT_NAME
LAZY_OUT = OUT.with_name(LAZY_NAME)
STATE = ROOT / "build" / "stdlib"
BUILDER = ROOT / "scripts" / "build_stdlib.mjs"
BUILDER_PYTHON = ROOT / "scripts" / "pyodide_stdlib.py"  # the Python half, run inside Pyodide
LAZY_MODULE = ROOT / "scripts" / "stdlib_lazy.py"  # shipped in the boot archive as _stdlib_lazy
# Options of the chosen trade-off (see benchmarks/EXPERIMENTS.md).
OPTIONS = ("--mode", "trimmed", "--optimize", "2", "--store", "--no-columns")
# The planner wheel: each module as a sourceless .pyc (no .py), line tables without columns:
# 103 KB instead of 198 KB with the .py and full line tables (benchmarks/EXPERIMENTS.md,
# section 14). Tracebacks name the planner's file and line, without the line's text.
WHEEL_OPTIONS = ("--no-columns",)
# The optional packages the planner loads later; the two archives must serve them.
VERIFY = {
    "holidays": ("holidays", "python-dateutil", "six"),
    "icalendar": ("icalendar", "tzdata"),
}


def _sha(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _verify_wheels() -> list[Path]:
    """The optional packages' wheels, pinned by constraints.txt: the site's own copies when
    prepare_assets has put them in docs/assets/wheels/, else downloaded once from PyPI."""
    pins = read_pins()
    wanted = sorted({p for deps in VERIFY.values() for p in deps})
    found = []
    cache = STATE / "wheels"
    for project in wanted:
        stem = re.sub(r"[-.]+", "_", project)
        version = pins[project]
        pattern = f"{stem}-{version}-*.whl"
        for folder in (ROOT / "docs" / "assets" / "wheels", cache):
            hits = sorted(folder.glob(pattern))
            if hits:
                found.append(hits[0])
                break
        else:
            cache.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                 "--only-binary=:all:", "--no-deps", f"{project}=={version}", "-d", str(cache)],
                check=True,
            )
            found.append(min(cache.glob(pattern)))
    return found


def _key(wheels: list[Path]) -> str:
    planner_sources = sorted((ROOT / "planner").rglob("*.py"))
    parts = [
        (PYODIDE_SRC / "package.json").read_bytes(),
        (PYODIDE_SRC / "python_stdlib.zip").read_bytes(),
        BUILDER.read_bytes(),
        BUILDER_PYTHON.read_bytes(),
        LAZY_MODULE.read_bytes(),
        Path(__file__).read_bytes(),
        " ".join(OPTIONS).encode(),
        *(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() for p in planner_sources),
        *(w.name.encode() for w in wheels),
    ]
    return _sha(*parts)


def build_optimised_stdlib(planner_wheel: Path, force: bool = False) -> Path:
    """Write the boot archive and the second archive (unless current); return the boot one's path."""
    wheels = _verify_wheels()
    key = _key(wheels)
    stamp = STATE / "opt.key"
    if (not force and OUT.exists() and LAZY_OUT.exists() and stamp.exists()
            and stamp.read_text().strip() == key):
        return OUT
    STATE.mkdir(parents=True, exist_ok=True)
    for old in OUT.parent.glob("python_stdlib.opt.zip"):  # the single archive of earlier builds
        old.unlink()
    cmd = ["node", str(BUILDER), "--out", str(OUT), "--lazy-out", str(LAZY_OUT),
           "--wheel", str(planner_wheel), "--manifest", str(STATE / "python_stdlib.json"), *OPTIONS]
    for wheel in wheels:
        cmd += ["--verify-wheel", str(wheel)]
    for module in VERIFY:
        cmd += ["--verify-import", module]
    subprocess.run(cmd, check=True, cwd=ROOT)
    stamp.write_text(key + "\n")
    return OUT


def precompile_wheel(wheel: Path, out: Path) -> Path:
    """Write a copy of a pure-Python wheel with its modules as unchecked hash-based .pyc
    (sourceless, see WHEEL_OPTIONS), compiled by Pyodide's own Python (used by
    scripts/prepare_assets.py for the planner wheel; write it elsewhere than the input, and
    regenerate any lock file that records its sha256)."""
    subprocess.run(["node", str(BUILDER), "--compile-wheel", str(wheel), "--out", str(out),
                    *WHEEL_OPTIONS], check=True, cwd=ROOT)
    return out


def main() -> None:
    wheels = sorted((ROOT / "docs" / "assets" / "wheels").glob("planner-*.whl"))
    if not wheels:
        sys.exit("No planner wheel in docs/assets/wheels/: run scripts/prepare_assets.py first.")
    out = build_optimised_stdlib(wheels[-1], force="--force" in sys.argv[1:])
    manifest = json.loads((STATE / "python_stdlib.json").read_text())
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes, "
          f"{len(manifest['compiled_modules'])} modules precompiled; "
          f"{LAZY_OUT.relative_to(ROOT)}: {LAZY_OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
