"""Write each built page's Content-Security-Policy, with a hash for every inline script in it.

Share links come from strangers, so the pages refuse any script the site did not ship:
``script-src 'self'`` plus the sha256 of each inline script the page holds (the generator's
small start-up scripts, whose ``__md_scope=new URL("..",location)`` text differs with a page's
depth, and ours in ``overrides/main.html``). The hashes are computed from the built pages after
every build (scripts/build_site.py calls ``write_policies``), so the policy holds whatever
generator wrote the pages (Material for MkDocs or Zensical) and no hash is kept by hand. The
policy goes in as a ``<meta http-equiv>`` right after ``<meta charset>``, before any script or
stylesheet (a policy in a ``<meta>`` covers only what follows it); a policy already there is
replaced.

    .venv/bin/python scripts/csp.py SITE_DIR   # (re)write the policies of a built site

The policy (see docs/privacy.md):

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
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

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


def policy(hashes: set[str]) -> str:
    parts = []
    for name, sources in BASE_POLICY:
        if name == "script-src":
            sources = sources + sorted(hashes)
        parts.append(f"{name} {' '.join(sources)}")
    return "; ".join(parts)


META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.IGNORECASE)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


def with_policy(html: str) -> str:
    """The page with exactly one policy, allowing exactly the inline scripts it holds."""
    html = META.sub("", html)
    hashes = {sha256(script) for script in scan(html).scripts}
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        raise ValueError("no <head> to put the policy in")
    return html[: anchor.end()] + meta + html[anchor.end() :]


def write_policies(site: Path) -> int:
    """Give every HTML page of a built site its policy; returns the number of pages."""
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        page.write_text(with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    return len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site")
    args = parser.parse_args()
    count = write_policies(args.site)
    print(f"wrote the policy of {count} pages in {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
