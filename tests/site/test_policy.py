"""The Content-Security-Policy in the built pages (scripts/build_site.py writes it after every
build, from the inline scripts actually in each page), checked on the files of both generators'
builds. What the browser does with it: tests/trust/test_csp.py."""

from __future__ import annotations

import re
from pathlib import Path

from csp import policy_hashes, scan, sha256  # scripts/csp.py (on sys.path, see conftest)

# What a source in the policy may be: the site itself, nothing, data: images, or a script hash.
ALLOWED_SOURCE = re.compile(r"^('self'|'none'|'wasm-unsafe-eval'|data:|'sha256-[A-Za-z0-9+/=]+')$")
META = '<meta http-equiv="Content-Security-Policy" content="'


def policy_of(html: str) -> str:
    return html.split(META, 1)[1].split('"', 1)[0]


def test_every_page_has_one_policy_before_any_script_or_stylesheet(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 15 and built_site / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(built_site).as_posix()
        assert html.count(META) == 1, where
        before = html.split(META, 1)[0]
        assert "<script" not in before and "<link" not in before, where
        assert "</head>" not in before, where  # in the head, where a <meta> policy counts


def test_every_policy_allows_only_the_site_and_exactly_its_pages_inline_scripts(
    built_site: Path,
) -> None:
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(built_site).as_posix()
        policy = policy_of(html)
        directives = {
            d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d
        }
        assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"]
        assert "base-uri" in directives and "form-action" in directives, where
        strange = [s for sources in directives.values() for s in sources
                   if not ALLOWED_SOURCE.match(s)]
        assert strange == [], f"{where}: third-party or unsafe sources {strange}"
        assert not any(s.startswith("'sha256-") for s in directives["style-src"]), where
        found = scan(html)
        assert found.handlers == [], where  # inline on...= handlers cannot be allowed by hash
        assert found.scripts, where  # the generator's start-up script: the check sees them
        wanted = {sha256(script) for script in found.scripts}
        assert policy_hashes(policy) == wanted, f"{where}: hashes differ from its inline scripts"
