"""Write the site's Content-Security-Policy, with a hash for every inline script Material emits.

Share links come from strangers, so the pages refuse any script the site did not ship:
``script-src 'self'`` plus the sha256 of each inline script in the built pages (Material's
small start-up scripts; their ``__md_scope=new URL("..",location)`` text differs with a page's
depth, so each variant has its own hash). The policy goes into ``overrides/partials/csp.html``
as a ``<meta http-equiv>``, which ``overrides/main.html`` puts before any script.

    .venv/bin/python scripts/csp.py          # rebuild the site, rewrite the partial
    .venv/bin/python scripts/csp.py --check  # exit 1 if the partial is out of date

Run it after upgrading Material or adding a page at a new depth; tests/trust/test_csp.py fails
until you do. The policy (see docs/privacy.md):

- everything from the site's own origin only; no third party, no inline handlers, no eval;
- ``'wasm-unsafe-eval'``: the planner compiles Pyodide's WebAssembly (in a module worker,
  which Chromium runs under the worker script's own policy, but other browsers may apply the
  page's); it allows compiling WebAssembly only, never JavaScript ``eval``;
- ``img-src data:``: Material's stylesheet draws icons as ``data:`` SVG images;
- ``style-src 'self'``: Material writes no inline ``<style>`` or ``style=""`` (its scripts set
  styles through the CSSOM, which CSP allows), so no ``'unsafe-inline'``;
- ``frame-ancestors`` cannot be set from a ``<meta>`` (browsers ignore it there).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTIAL = ROOT / "overrides" / "partials" / "csp.html"

# Script types a browser executes (an empty type means JavaScript); JSON data blocks are not.
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}

BASE_POLICY: list[tuple[str, list[str]]] = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),  # + the inline scripts' hashes
    ("worker-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("style-src", ["'self'"]),
    ("font-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("media-src", ["'none'"]),
    ("object-src", ["'none'"]),
    ("frame-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'none'"]),
]


class InlineScripts(HTMLParser):
    """Collects the text of every inline executable script, and any inline event handler."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self._inside: bool = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"<{tag} {name}=…>")
        if tag == "script":
            attributes = dict(attrs)
            kind = (attributes.get("type") or "").strip().lower()
            self._inside = "src" not in attributes and kind in EXECUTABLE
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.scripts.append("".join(self._text))
            self._inside = False


def scan(html: str) -> InlineScripts:
    parser = InlineScripts()
    parser.feed(html)
    parser.close()
    return parser


def sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_hashes(policy: str) -> set[str]:
    """The hash sources of a policy's script-src."""
    match = re.search(r"script-src([^;]*)", policy)
    return set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", match.group(1) if match else ""))


def hashes_in(site: Path) -> set[str]:
    found = set()
    for page in sorted(site.rglob("*.html")):
        found.update(sha256(s) for s in scan(page.read_text(encoding="utf-8")).scripts)
    return found


def policy(hashes: set[str]) -> str:
    parts = []
    for name, sources in BASE_POLICY:
        if name == "script-src":
            sources = sources + sorted(hashes)
        parts.append(f"{name} {' '.join(sources)}")
    return "; ".join(parts)


def render(hashes: set[str]) -> str:
    return (
        "{#- Written by scripts/csp.py: do not edit by hand, run the script. -#}\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
    )


def build(site: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the partial is current")
    parser.add_argument("--site", type=Path, help="an already built site to read instead")
    args = parser.parse_args()
    if not PARTIAL.exists():  # the first run: the templates include the partial
        PARTIAL.write_text(render(set()), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        wanted = render(hashes_in(site))
    current = PARTIAL.read_text(encoding="utf-8")
    if args.check:
        if current != wanted:
            print(
                f"{PARTIAL.relative_to(ROOT)} is out of date: run scripts/csp.py", file=sys.stderr
            )
            return 1
        return 0
    PARTIAL.write_text(wanted, encoding="utf-8")
    print(f"wrote {PARTIAL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
