"""Shared fixtures for the site tests: the docs, the articles, and one strict build."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_site

DOCS = ROOT / "docs"
# The articles sit beside the repository (shared/seeds), as on every machine of this project.
SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))

# The pages whose job is to give advice: each must cite at least one article.
ADVICE_PAGES = [
    "before-you-leave.md",
    "first-hours.md",
    "thank-you-notes.md",
    "references.md",
    "following-up.md",
    "while-you-wait.md",
    "the-outcome.md",
    "templates.md",
    "where-advice-differs.md",
]

ARTICLE_IDS = [
    "000_42ab17348a27d124.txt",
    "001_41c6f6be0ced790e.txt",
    "002_f20ba424c0fa823e.txt",
    "003_9845dcc815f51481.txt",
    "004_5db7f78143da10be.txt",
]


def doc_pages() -> list[Path]:
    """Every Markdown page of the site, the planner's included."""
    return sorted(DOCS.rglob("*.md"))


def page_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A page's YAML front matter (flat `key: value` pairs) and its body."""
    import yaml

    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return meta, text[match.end():]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"The source articles are missing: {SEEDS} (set SEEDS_DIR)")
    return SEEDS


@pytest.fixture(scope="session", params=build_site.GENERATORS)
def generator(request: pytest.FixtureRequest) -> str:
    """Which generator wrote the pages under test: Material for MkDocs (``mkdocs``), which is
    published, or Zensical, its successor, so every check of the built pages holds for both."""
    return str(request.param)


@pytest.fixture(scope="session")
def built_site(generator: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as scripts/build_site.py builds it (strict, then every page's policy), once per
    session and generator."""
    out = tmp_path_factory.mktemp(f"site-{generator}")
    try:
        return build_site.build(out, generator)
    except SystemExit as failure:  # the strict build's own output says what failed
        pytest.fail(str(failure), pytrace=False)


from html.parser import HTMLParser


class PageScan(HTMLParser):
    """What the link checks need from one built HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            if a.get(attr) is not None:
                self.links.append((tag, attr, a[attr]))
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content") or ""


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def built_page(site: Path, source: Path) -> Path:
    """The HTML file MkDocs writes for a docs/ page (directory URLs)."""
    rel = source.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"
