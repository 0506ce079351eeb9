"""Trust tests: hostile links, the Content-Security-Policy, privacy and accessibility.

The browser fixtures (Debian Chromium, the strictly built site served on 127.0.0.1, guarded
contexts that record foreign requests and page errors) are the browser tests' own, imported
from tests/browser/conftest.py so both suites test the same thing the same way.
"""

from __future__ import annotations

import re
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import build_site  # scripts/build_site.py, on sys.path since the line above
import pytest
from browser.conftest import (  # noqa: F401 - fixtures, found by name
    READY_TIMEOUT,
    Guard,
    base_url,
    browser_type_launch_args,
    context,
    guard,
    new_context,
    open_planner,
    prepared_assets,
    wait_ready,
)
from serve_site import serve_in_thread

# Records every Content-Security-Policy violation the page reports, from the first byte on.
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}: ${e.sample || ""}`);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def pages_of(url: str) -> list[str]:
    """Every page the site served at ``url`` publishes (from its sitemap), as relative paths."""
    with urllib.request.urlopen(url + "sitemap.xml") as response:
        sitemap = response.read().decode("utf-8")
    pages = [loc.removeprefix(url) for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)]
    assert len(pages) >= 10 and "planner/" in pages, pages
    return pages


@pytest.fixture(scope="session")
def site_pages(base_url: str) -> list[str]:  # noqa: F811 - the imported fixture
    """Every page the site publishes (from its sitemap), as paths relative to the site root."""
    return pages_of(base_url)


@pytest.fixture(scope="session")
def zensical_url(
    tmp_path_factory: pytest.TempPathFactory, prepared_assets: None  # noqa: F811 - the fixture
) -> Iterator[str]:
    """The site as Zensical builds it (scripts/build_site.py --generator zensical), served."""
    out = tmp_path_factory.mktemp("site-zensical")
    server, url = serve_in_thread(out)
    build_site.build(out, "zensical", site_url=url)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(params=build_site.GENERATORS)
def served(request: pytest.FixtureRequest, base_url: str) -> tuple[str, str]:  # noqa: F811
    """(generator, address) of the site served as each generator builds it: Material for MkDocs
    (published) and Zensical."""
    if request.param == "mkdocs":
        return "mkdocs", base_url
    return str(request.param), str(request.getfixturevalue("zensical_url"))
