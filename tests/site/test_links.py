"""Every link in the built site leads somewhere real, and the site loads nothing from elsewhere.

`mkdocs build --strict` with `validation:` already rejects broken Markdown links; these tests
check what a reader actually clicks: the rendered HTML, navigation and theme included.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import scan

# The anchors the planner's rules link to (the shared brief) and the template anchors:
# renaming a heading must not silently break a step's "Read more" link.
REQUIRED_ANCHORS = {
    "before-you-leave/": ["ask-about-next-steps", "collect-contact-details"],
    "first-hours/": ["write-notes", "call-your-recruiter"],
    "thank-you-notes/": [
        "when-to-send", "which-channel", "panel-interviews", "what-to-write", "check-it",
    ],
    "references/": ["brief-your-references"],
    "following-up/": [
        "when-to-follow-up", "how-often", "what-to-say", "phone-or-email", "when-to-stop",
        "check-in-when-it-runs-long",
    ],
    "while-you-wait/": [
        "keep-searching", "use-your-network", "social-media-etiquette", "business-plan",
        "prepare-for-the-next-round",
    ],
    "the-outcome/": ["an-offer", "silence", "a-rejection"],
    "templates/": [
        "thank-you-email", "thank-you-letter", "panel-thank-you", "follow-up-call-script",
        "follow-up-email", "check-in-email", "reference-briefing", "reply-to-a-rejection",
    ],
    "sources/": ["a000", "a001", "a002", "a003", "a004"],
}

# <link rel=...> values that make the browser fetch something.
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest",
                 "apple-touch-icon", "dns-prefetch", "preconnect"}
SITE_ROOT_URL = "https://site.invalid/"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, page: Path) -> str:
    return urljoin(SITE_ROOT_URL, page.relative_to(site).as_posix())


def target_file(site: Path, url: str) -> Path | None:
    """The built file a same-site URL resolves to, or None if nothing is there."""
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@cache
def ids_of(page: Path) -> frozenset[str]:
    return frozenset(scan(page).ids)


def test_the_site_has_pages(built_site: Path):
    assert len(html_pages(built_site)) >= 15


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    broken = []
    for page in html_pages(built_site):
        base = url_of(built_site, page)
        for tag, attr, value in scan(page).links:
            if re.match(r"^(mailto|tel|javascript|data|blob):", value):
                continue
            url = urljoin(base, value)
            if not url.startswith(SITE_ROOT_URL):
                continue  # external: see test_no_third_party_requests
            target = target_file(built_site, url)
            where = f"{page.relative_to(built_site)}: <{tag} {attr}=\"{value}\">"
            if target is None:
                broken.append(f"{where} -> no such file")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{where} -> no id '{fragment}' in {target.relative_to(built_site)}")
    assert not broken, "broken links:\n" + "\n".join(broken)


@pytest.mark.parametrize("url, anchors", REQUIRED_ANCHORS.items())
def test_anchors_the_planner_links_to_exist(built_site: Path, url: str, anchors: list[str]):
    page = target_file(built_site, urljoin(SITE_ROOT_URL, url))
    assert page is not None, f"missing page {url}"
    missing = [a for a in anchors if a not in ids_of(page)]
    assert not missing, f"{url} lacks anchors {missing}"


def test_no_third_party_requests(built_site: Path):
    # The reader's browser must not contact any other host: no CDN script, font or image.
    offending = []
    for page in html_pages(built_site):
        parser = scan(page)
        for tag, attr, value in parser.links:
            if not re.match(r"^(https?:)?//", value):
                continue
            fetches = tag in {"script", "img", "iframe", "source", "video", "audio", "embed"}
            if tag == "link":
                fetches = bool(FETCHING_RELS & set(link_rels(page, value)))
            if fetches:
                offending.append(f"{page.relative_to(built_site)}: <{tag} {attr}=\"{value}\">")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text("utf-8")):
            offending.append(f"{css.relative_to(built_site)}: url({url})")
    assert not offending, "third-party requests:\n" + "\n".join(offending)


def link_rels(page: Path, href: str) -> list[str]:
    """The rel values of the <link> elements in `page` whose href is `href`."""
    html = page.read_text(encoding="utf-8")
    rels = []
    for tag in re.findall(r"<link\b[^>]*>", html):
        if f'href="{href}"' in tag:
            match = re.search(r'rel="([^"]*)"', tag)
            rels += (match.group(1).split() if match else [])
    return rels


def test_custom_404_page_links_home_and_to_the_planner(built_site: Path):
    page = built_site / "404.html"
    assert page.is_file()
    hrefs = {urljoin(SITE_ROOT_URL, v) for tag, attr, v in scan(page).links if tag == "a"}
    assert SITE_ROOT_URL in hrefs and urljoin(SITE_ROOT_URL, "planner/") in hrefs
    text = page.read_text(encoding="utf-8")
    assert "page can" in text.lower()  # the friendly explanation, not Material's bare "404"


def test_sitemap_lists_every_guide_page(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for url in ["", "planner/", *REQUIRED_ANCHORS, "where-advice-differs/", "privacy/",
                "add-to-calendar/"]:
        assert f"https://after-the-interview.github.io/{url}" in locs, f"sitemap lacks {url!r}"
