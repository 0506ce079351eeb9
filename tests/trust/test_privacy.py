"""Privacy, as docs/privacy.md promises it: no cookies, no request to anyone but this site,
nothing stored unless the reader asks, and one button that forgets it all."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page, Request, expect

from planner import share

from .conftest import open_planner

# Everything a page can keep on the device, per kind of storage.
STORAGE = """async () => ({
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
  caches: await Promise.all((await caches.keys()).map(async (name) =>
    [name, (await (await caches.open(name)).keys()).map((r) => r.url)])),
  workers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
})"""


def stored(page: Page, base_url: str) -> dict[str, Any]:
    found = page.evaluate(STORAGE)
    # A service worker may keep the site's own files for offline use (see docs/privacy.md):
    # those are not personal data, as long as they are plain site addresses.
    for name, urls in found.pop("caches"):
        for url in urls:
            assert url.startswith(base_url) and "#" not in url and "?" not in url, (name, url)
    found.pop("workers")
    return found


NOTHING = {"local": {}, "session": {}, "indexedDB": []}


def everything(page: Page) -> dict[str, Any]:
    """Local and session storage as they are, the theme's keys included."""
    return page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")


def watch_requests(context: BrowserContext) -> list[str]:
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    context.on("request", record)
    return seen


def test_no_page_sets_a_cookie_asks_another_site_or_stores_anything(
    new_context, base_url: str, site_pages: list[str]
) -> None:
    context = new_context()
    requests = watch_requests(context)
    page = context.new_page()
    for path in site_pages:
        page.goto(path)
        page.wait_for_load_state("load")
        if path == "planner/":
            expect(page.locator("html")).to_have_attribute("data-planner-ready", "true")
        assert stored(page, base_url) == NOTHING, path
    assert context.cookies() == []
    foreign = [u for u in requests if not u.startswith((base_url, "blob:", "data:"))]
    assert foreign == []
    assert len(requests) > len(site_pages)  # the watch saw the pages and their files


def fill_and_tick(page: Page) -> None:
    page.fill("#pl-company", "Acme")
    page.fill('#pl-interviewers input[data-part="name"]', "Ana Diaz")
    page.fill("#pl-candidate", "Sam Lee")
    thank = page.locator("#planner-timeline [data-kind='thank_you']").first
    expect(thank).to_contain_text("Ana Diaz")
    thank.locator(".planner-tick").check()
    expect(thank).to_have_class("planner-step is-done")


def test_the_planner_keeps_nothing_unless_asked(new_context, base_url: str) -> None:
    context = new_context()
    page = open_planner(context.new_page())
    fill_and_tick(page)
    page.locator("#pl-download-ics").click()
    assert stored(page, base_url) == NOTHING
    assert context.cookies() == []
    # Nothing comes back on the next visit either (the link in the address bar aside).
    page.goto("planner/")
    page.wait_for_load_state("load")
    expect(page.locator("html")).to_have_attribute("data-planner-ready", "true")
    expect(page.locator("#pl-company")).to_have_value("")
    assert stored(page, base_url) == NOTHING


def test_forget_everything_clears_the_device(new_context, base_url: str) -> None:
    context = new_context()
    page = open_planner(context.new_page())
    fill_and_tick(page)
    page.locator("#pl-keep").check()
    # Material keeps what some of its features remember under the site's path (this site
    # turns those features off, but a theme upgrade could add one): forgotten too.
    page.evaluate("() => localStorage.setItem(__md_scope.pathname + '.__tabs', '[\"Email\"]')")
    kept = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert "/.__tabs" in kept, kept
    assert any("Acme" in value for value in kept.values()), kept
    # It really is kept: a new visit brings back the form and the tick.
    page.goto("planner/")
    expect(page.locator("html")).to_have_attribute("data-planner-ready", "true")
    expect(page.locator("#pl-company")).to_have_value("Acme")
    expect(
        page.locator("#planner-timeline [data-kind='thank_you'] .planner-tick").first
    ).to_be_checked()

    page.locator("#pl-forget").click()
    expect(page.locator(".planner-forget [data-confirm]")).to_contain_text("removed")  # beside it
    assert everything(page) == [[], []]  # the theme's key too
    assert stored(page, base_url) == NOTHING
    expect(page.locator("#pl-keep")).not_to_be_checked()
    expect(page.locator("#pl-company")).to_have_value("")
    # The address bar now holds the cleared form's link, not the names typed before.
    assert "Acme" not in share.decode(page.url.partition("#")[2]).raw.get("company", "")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-planner-ready", "true")
    expect(page.locator("#pl-company")).to_have_value("")
    expect(page.locator(".planner-tick:checked")).to_have_count(0)
    assert stored(page, base_url) == NOTHING
