"""Trust tests: hostile links, the Content-Security-Policy, privacy and accessibility.

The browser fixtures (Debian Chromium, the strictly built site served on 127.0.0.1, guarded
contexts that record foreign requests and page errors) are the browser tests' own, imported
from tests/browser/conftest.py so both suites test the same thing the same way.
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

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


@pytest.fixture(scope="session")
def site_pages(base_url: str) -> list[str]:  # noqa: F811 - the imported fixture
    """Every page the site publishes (from its sitemap), as paths relative to the site root."""
    with urllib.request.urlopen(base_url + "sitemap.xml") as response:
        sitemap = response.read().decode("utf-8")
    pages = [url.removeprefix(base_url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(pages) >= 10 and "planner/" in pages, pages
    return pages
