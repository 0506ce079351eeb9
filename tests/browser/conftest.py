"""Browser tests: Debian Chromium driven by Playwright against the strictly built site.

The site is built once per session (``mkdocs build --strict`` into a temporary folder) and
served on 127.0.0.1 by scripts/serve_site.py. Every page a test opens goes through
``planner_page``-style helpers that record requests and console errors, so each test can assert
that nothing left the machine and nothing broke.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route, expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_site
import chromium
from serve_site import serve_in_thread

CHROMIUM = chromium.EXECUTABLE
CHROMIUM_ARGS = chromium.ARGS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def prepared_assets() -> None:
    """Once per session: the browser must run the planner wheel built from the code under test."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "prepare_assets.py")],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, prepared_assets: None) -> Iterator[str]:
    """Build the site strictly and serve it; overrides pytest-playwright's base_url option.

    The server starts first so the build can be told its address, exactly as ``mkdocs serve``
    does: the canonical links and the sitemap (which the trust tests read to find every page)
    then name the address the site is served from.
    """
    out = tmp_path_factory.mktemp("site")
    server, url = serve_in_thread(out)
    build_site.build(out, "mkdocs", site_url=url)  # strict, then every page's policy
    yield url
    server.shutdown()
    server.server_close()


# ---- every page: nothing leaves the machine, nothing breaks -------------------------------

expect.set_options(timeout=20_000)  # Python starts in a few seconds on a slow CI machine
READY_TIMEOUT = 120_000


class Guard:
    """Records requests to anything but the local server (and blocks them) and page errors."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith((self.base_url, "blob:", "data:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("worker", lambda w: w.on("console", self._console))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")

    def check(self) -> None:
        assert self.foreign == [], "requests to other hosts"
        assert self.errors == [], "errors in the page"


@pytest.fixture
def guard(base_url: str) -> Guard:
    return Guard(base_url)


@pytest.fixture
def context(context: BrowserContext, guard: Guard) -> Iterator[BrowserContext]:
    guard.attach(context)
    yield context
    guard.check()


@pytest.fixture
def new_context(
    browser: Browser, base_url: str, guard: Guard
) -> Iterator[Callable[..., BrowserContext]]:
    """Fresh, guarded contexts, e.g. the person who receives a share link, or a phone."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        ctx = browser.new_context(base_url=base_url, **options)
        guard.attach(ctx)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
    guard.check()


def open_planner(page: Page, suffix: str = "") -> Page:
    page.goto("planner/" + suffix)
    wait_ready(page)
    return page


def wait_ready(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=READY_TIMEOUT
    )


def browser_today(page: Page) -> dt.date:
    """The date the page passes to Python as today (the browser's local date)."""
    text = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }"
    )
    return dt.date(*text)
