"""Put the built (not hand-written) files the site serves under docs/assets/.

- docs/assets/pyodide/: the self-hosted Pyodide runtime, copied from the npm package.
- docs/assets/wheels/: the planner's own wheel, built from planner/.

Both folders are git-ignored and recreated on every run, so they never go stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


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
    dest = ASSETS / "wheels"
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp, str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(tmp).glob("planner-*.whl")
        for old in dest.glob("planner-*.whl"):
            old.unlink()
        return Path(shutil.copy2(wheel, dest / wheel.name))


def main() -> None:
    copy_pyodide()
    wheel = build_planner_wheel()
    __import__("stdlib_zip").build_optimised_stdlib(wheel)  # python_stdlib.opt.zip (scripts/stdlib_zip.py)
    print(f"assets ready: pyodide {PYODIDE_SRC.name}, {wheel.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
