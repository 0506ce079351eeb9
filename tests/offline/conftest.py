"""Offline tests: the service worker (docs/sw.js) in Debian Chromium.

They reuse the browser tests' Chromium set-up and guards (tests/browser/conftest.py), but serve
their own strict build from a server they control, because they must cut the network for real
(stop the server: a service worker's own fetches are not covered by Playwright's offline
emulation in every version) and publish a new release at the same address (switch the folder
the server serves). The server also records every file it sends, service worker's requests
included, which the page's own request log cannot see.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.conftest import (  # noqa: F401 - fixtures, registered by import
    ROOT,
    browser_type_launch_args,
    context,
    guard,
    new_context,
    prepared_assets,
)

sys.path.insert(0, str(ROOT / "scripts"))

import build_site
from serve_site import SiteHandler


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


class Site:
    """A built site served on a fixed port, from a folder that can be switched or taken away."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.live = tmp / "live"  # a symlink to the release being served
        self.sent: list[tuple[str, int]] = []  # (path, body bytes) of every 200 answer
        self.lock = threading.Lock()
        self.server: http.server.ThreadingHTTPServer | None = None
        self.port = 0
        self.start()
        self.url = f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        site = self

        class Handler(SiteHandler):
            def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
                data = source.read()
                with site.lock:
                    site.sent.append((self.path.split("?")[0], len(data)))
                outputfile.write(data)

        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", self.port), functools.partial(Handler, directory=str(self.live))
        )
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """The network is gone: connections to the site are refused."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def serve(self, folder: Path) -> None:
        tmp_link = self.tmp / "live.new"
        tmp_link.unlink(missing_ok=True)
        tmp_link.symlink_to(folder)
        tmp_link.replace(self.live)

    def reset_log(self) -> None:
        with self.lock:
            self.sent.clear()


@pytest.fixture(scope="session")
def offline_site(
    tmp_path_factory: pytest.TempPathFactory, prepared_assets: None  # noqa: F811 - the fixture imported above
) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("offline")
    release = tmp / "release-a"
    release.mkdir()
    site = Site(tmp)
    site.serve(release)
    build_site.build(release, "mkdocs", site_url=site.url)  # strict, then every page's policy
    site.release_a = release  # type: ignore[attr-defined]
    yield site
    site.stop()


@pytest.fixture
def base_url(offline_site: Site) -> str:
    """Each test starts online, on release A, whatever the previous test did."""
    if offline_site.server is None:
        offline_site.start()  # same port, so the same origin
    offline_site.serve(offline_site.release_a)  # type: ignore[attr-defined]
    offline_site.reset_log()
    return offline_site.url
