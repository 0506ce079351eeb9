"""Write assets/sw-precache.js: the service worker's list of versioned files (docs/sw.js).

Run by scripts/prepare_assets.py after it has put Pyodide and the wheels under docs/assets/,
so the list is known before ``mkdocs build`` and needs no post-build step: every build (the
README's, the tests', CI's, the Pages workflow's) copies it like any other asset.

The file lists the files that must always come from one and the same release, with their
sha256 (base64, the form Subresource Integrity uses) and size:

- ``shell``: what every page loads besides Material's own, content-hashed bundle (our CSS and
  the service worker's registration script), and the web app manifest with its icons, so the
  installed app starts with the network cut. Precached when the worker installs; the page
  has just loaded most of them, so that is a revalidation, not a second download.
- ``planner``: the planner's JavaScript, the Pyodide runtime (with the standard library's boot
  archive), the wheels' lock file and the planner wheel. Precached only once the reader has
  opened the planner page (guide readers never download Pyodide).
- ``lazy``: what the planner loads only when needed: the standard library's second archive and
  the wheels of holidays, icalendar and their dependencies. Cached when first used, kept across
  releases while unchanged.

``version`` is a hash of that whole list: it changes whenever any listed file changes, and
names the service worker's cache. The file is a classic script (``self.SW_PRECACHE = {...};``)
because sw.js loads it with ``importScripts``: the browser compares imported scripts byte for
byte when it checks for an update, so a new release of any listed file installs a new worker.

    python scripts/sw_manifest.py [DOCS_OR_SITE_DIR]     # default: docs/
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "assets/sw-precache.js"
PREFIX = "self.SW_PRECACHE = "
# The Pyodide files the worker loads at start (planner-worker.js passes stdLibURL for the boot
# archive, and its own lock file, so python_stdlib.zip and Pyodide's lock are never used), and
# the standard library's second archive, loaded on demand (scripts/stdlib_zip.py).
PYODIDE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.boot.zip.json")
PYODIDE_LAZY = ("python_stdlib.lazy.zip.json",)
PLANNER_JS = "planner"  # planner.js, planner-worker.js and the planner-*.js modules
WEB_APP = "manifest.webmanifest"  # linked from every page (overrides/main.html)
APPLE_TOUCH_ICON = "assets/images/apple-touch-icon.png"


def web_app_files(root: Path) -> list[Path]:
    """The web app manifest, the icons it lists, and the home-screen icon iOS reads."""
    manifest = root / WEB_APP
    icons = json.loads(manifest.read_text(encoding="utf-8"))["icons"]
    return [manifest, *(root / icon["src"] for icon in icons), root / APPLE_TOUCH_ICON]


def _entry(root: Path, path: Path, group: str) -> dict[str, object]:
    data = path.read_bytes()
    return {
        "url": path.relative_to(root).as_posix(),
        "sha256": base64.b64encode(hashlib.sha256(data).digest()).decode("ascii"),
        "bytes": len(data),
        "group": group,
    }


def manifest(root: Path) -> dict[str, object]:
    """The precache list for a folder laid out like docs/ (or a built site)."""
    assets = root / "assets"
    files = []
    # Our own files; in a built site, Material's content-hashed bundles sit beside them
    # (main.<hash>.min.css): those are immutable by name and cached as pages use them.
    ours = [p for p in (*(assets / "stylesheets").glob("*.css"), *(assets / "javascripts").glob("*.js"))
            if not p.name.endswith((".min.css", ".min.js")) and p.name != Path(NAME).name]
    for path in sorted(ours, key=lambda p: (p.suffix != ".css", p.name)):
        group = "planner" if path.name.startswith(PLANNER_JS) else "shell"
        files.append(_entry(root, path, group))
    # The installed app opens the planner, which works offline only once the planner group
    # is saved: its manifest and icons are saved with that group, so a guide page never
    # downloads them.
    for path in web_app_files(root):
        files.append(_entry(root, path, "planner"))
    for name in PYODIDE:
        files.append(_entry(root, assets / "pyodide" / name, "planner"))
    for name in PYODIDE_LAZY:
        files.append(_entry(root, assets / "pyodide" / name, "lazy"))
    wheels = assets / "wheels"
    files.append(_entry(root, wheels / "pyodide-lock.json", "planner"))
    for whl in sorted(wheels.glob("*.whl")):
        files.append(_entry(root, whl, "planner" if whl.name.startswith("planner-") else "lazy"))
    digest = hashlib.sha256(
        json.dumps([[f["url"], f["sha256"]] for f in files], separators=(",", ":")).encode()
    ).hexdigest()
    return {"version": digest[:16], "files": files}


def write(root: Path) -> Path:
    data = manifest(root)
    target = root / NAME
    text = PREFIX + json.dumps(data, indent=1) + ";\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def read(root: Path) -> dict[str, object]:
    text = (root / NAME).read_text(encoding="utf-8").strip()
    return json.loads(text[len(PREFIX) : -1])


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    print(write(folder))
