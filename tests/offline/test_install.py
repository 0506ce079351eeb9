"""The installed app: Chrome finds nothing missing to install it, the manifest is served as a
manifest, and the app's start URL opens the planner, with the plan kept on the device, with
the network cut (as when it is opened from the home screen on a train)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from urllib.parse import urljoin

from browser.conftest import Guard, open_planner, wait_ready
from playwright.sync_api import BrowserContext, BrowserType, expect

from .conftest import Site
from .test_offline import wait_offline_ready


def test_chrome_can_install_the_site_as_an_app(
    browser_type: BrowserType, browser_type_launch_args: dict, base_url: str, guard: Guard
) -> None:
    # A profile on disk: Chrome never offers to install from an incognito-like context, which
    # is what Playwright's ordinary contexts are.
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(
            profile, **browser_type_launch_args, base_url=base_url
        )
        try:
            guard.attach(context)
            page = context.new_page()
            page.goto("following-up/")  # any page: every one links the manifest
            page.evaluate("async () => { await navigator.serviceWorker.ready; }")
            cdp = context.new_cdp_session(page)
            found = cdp.send("Page.getAppManifest")
            assert found["url"] == urljoin(base_url, "manifest.webmanifest")
            assert found["errors"] == []
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            manifest = json.loads(found["data"])

            served = page.request.get(found["url"])
            assert served.ok
            assert served.headers["content-type"].split(";")[0] == "application/manifest+json"
            for icon in manifest["icons"]:
                answer = page.request.get(urljoin(found["url"], icon["src"]))
                assert answer.ok and answer.headers["content-type"] == "image/png", icon["src"]
        finally:
            context.close()
    guard.check()


def test_the_app_opens_the_kept_plan_offline_from_its_start_url(
    new_context: Callable[..., BrowserContext], offline_site: Site
) -> None:
    context = new_context(bypass_csp=True)  # lets Playwright evaluate its waits; CSP: tests/trust
    page = open_planner(context.new_page())
    page.fill("#pl-company", "Northwind Home Screen")
    page.locator("#pl-keep").check()
    wait_offline_ready(page)
    manifest_url = page.evaluate("() => document.querySelector('link[rel=manifest]').href")
    manifest = page.evaluate("async (url) => (await fetch(url)).json()", manifest_url)
    start_url = urljoin(manifest_url, manifest["start_url"])
    icons = [urljoin(manifest_url, icon["src"]) for icon in manifest["icons"]]

    offline_site.stop()  # the network is gone for real, for the page and the worker alike
    context.set_offline(True)
    app = context.new_page()
    app.goto(start_url)  # what the home-screen icon opens: no share link in it
    wait_ready(app)
    expect(app.locator("#pl-company")).to_have_value("Northwind Home Screen")
    expect(app.locator("#planner-timeline > li").first).to_be_visible()
    assert app.title() != "Offline - After the Interview"
    # The manifest and its icons come from the device too (the browser rereads them).
    for url in [manifest_url, *icons]:
        assert app.evaluate("async (url) => (await fetch(url)).ok", url), url
