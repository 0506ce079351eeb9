"""The service worker: a second visit works with the network cut, guide readers never
download the planner's runtime, and a new release is picked up whole (never old and new files
mixed), with the old release's cache deleted.

Every wait is on a condition (the planner's and the worker's readiness signals, the cache's
contents), never a sleep.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser.conftest import READY_TIMEOUT, Guard, open_planner, wait_ready
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, Worker, expect

from .conftest import ROOT, Site

sys.path.insert(0, str(ROOT / "scripts"))
import sw_manifest

PREFIX = "after-the-interview-"


def wait_offline_ready(page: Page) -> None:
    """The worker controls the page and has saved the planner and the guide for offline use."""
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=READY_TIMEOUT)
    assert page.evaluate("async () => !!(await navigator.serviceWorker.ready).active")


def cache_names(page: Page) -> list[str]:
    return page.evaluate(f"async () => (await caches.keys()).filter((n) => n.startsWith('{PREFIX}'))")


# Playwright's wait_for_function does not wait for a promise that the condition returns (a
# promise is truthy, so it would return at once). An asynchronous condition (the caches, the
# worker's registration) therefore runs in the background, and its latest answer is polled.
POLL_ASYNC = """([source, arg]) => {
  const key = "__waitAsync " + source + " " + JSON.stringify(arg);
  const state = window[key] || (window[key] = { busy: false, value: false });
  if (!state.busy) {
    state.busy = true;
    new Function(`return (${source});`)()(arg).then(
      (value) => { state.value = value; state.busy = false; },
      () => { state.busy = false; },
    );
  }
  return state.value;
}"""


def wait_async(page: Page, condition: str, arg: object = None) -> None:
    """Wait until the asynchronous JavaScript function ``condition`` (its source) resolves to
    a truthy value for ``arg``. Needs a context made with ``bypass_csp=True``."""
    page.wait_for_function(POLL_ASYNC, arg=[condition, arg], timeout=READY_TIMEOUT)


def wait_only_cache(page: Page, version: str) -> None:
    """Wait until this site's only cache is the one of ``version``."""
    wait_async(
        page,
        "async ([prefix, want]) => (await caches.keys()).filter((n) => n.startsWith(prefix)).join() === want",
        [PREFIX, PREFIX + version],
    )


def service_worker_of(context: BrowserContext, version: str) -> Worker:
    """The running service worker of release ``version``."""
    found = [w for w in context.service_workers if w.evaluate("self.SW_PRECACHE.version") == version]
    assert len(found) == 1, [w.url for w in context.service_workers]
    return found[0]


def wait_activated(worker: Worker) -> None:
    """Wait until ``worker`` is the active one: its activate event (and so its sweep of the
    other releases' caches) has finished."""
    worker.evaluate(
        """(ms) => new Promise((resolve, reject) => {
          const me = self.serviceWorker;
          const check = () => me.state === "activated" && resolve();
          me.addEventListener("statechange", check);
          check();
          setTimeout(() => reject(new Error(`still ${me.state} after ${ms} ms`)), ms);
        })""",
        READY_TIMEOUT,
    )


def worker_release(page: Page) -> str | None:
    (worker,) = [w for w in page.workers if w.url.endswith("planner-worker.js")]
    return worker.evaluate("self.plannerRelease || null")


def test_second_visit_works_with_the_network_cut(
    new_context: Callable[..., BrowserContext], offline_site: Site
) -> None:
    context = new_context(bypass_csp=True)  # lets Playwright evaluate its waits; CSP: tests/trust
    page = open_planner(context.new_page())
    before = page.url
    page.fill("#pl-company", "Northwind Offline")
    expect(page).not_to_have_url(before)  # the share link now holds the company
    link = page.url
    wait_offline_ready(page)

    offline_site.stop()  # the network is gone for real, for the page and the worker alike
    context.set_offline(True)
    again = context.new_page()
    again.goto(link)
    wait_ready(again)
    expect(again.locator("#pl-company")).to_have_value("Northwind Offline")
    expect(again.locator("#planner-timeline > li").first).to_be_visible()
    assert again.locator("#planner-timeline > li").count() > 3

    # The guide pages the plan links to were saved with it.
    again.locator(".planner-step__links a", has_text="Read the guide").first.click()
    expect(again).not_to_have_url(re.compile(r"/planner/"))
    expect(again.locator("article h1")).to_be_visible()
    assert again.title() != "Offline - After the Interview"


# How long the page waits for the reader to stop editing before it asks the service worker to
# save the planner (docs/assets/javascripts/register-sw.js).
QUIET_MS = int(
    re.search(r"var QUIET_MS = (\d+);", (ROOT / "docs/assets/javascripts/register-sw.js").read_text())[1]  # type: ignore[index]
)

# Records on the page's own clock when the first plan was shown, when the reader edited, and
# when the page asked the service worker to save the planner for offline use.
RECORD_OFFLINE_REQUEST = """
(() => {
  const log = (window.__offline = { ready: null, edits: [], asked: [] });
  document.addEventListener("input", () => log.edits.push(performance.now()), true);
  new MutationObserver(() => {
    if (log.ready === null && document.documentElement.dataset.plannerReady === "true")
      log.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-planner-ready"] });
  if (typeof ServiceWorker === "undefined") return; // not a secure context (about:blank)
  const post = ServiceWorker.prototype.postMessage;
  ServiceWorker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "cache-planner") log.asked.push(performance.now());
    return post.call(this, message, ...rest);
  };
})();
"""


def test_the_offline_copy_waits_until_the_reader_stops_editing(
    new_context: Callable[..., BrowserContext], offline_site: Site
) -> None:
    # Saving the planner reads, checks and stores some 7 MB: done while the reader edits the
    # plan that has just appeared, it made each redraw two to four times slower
    # (benchmarks/EXPERIMENTS.md, section 10).
    context = new_context(bypass_csp=True)
    context.add_init_script(RECORD_OFFLINE_REQUEST)
    page = open_planner(context.new_page())
    for company in ("N", "No", "Nor", "North", "Northwind"):  # editing as soon as the plan is there
        page.fill("#pl-company", company)
    wait_offline_ready(page)  # saved all the same, once the reader paused

    log = page.evaluate("window.__offline")
    (asked,) = log["asked"]  # asked once
    assert asked - log["ready"] >= QUIET_MS - 5, log
    edits = [t for t in log["edits"] if t < asked]
    assert edits, log  # the edits above came before the request
    assert asked - max(edits) >= QUIET_MS - 5, log  # and it waited for a pause after the last


def test_leaving_the_planner_while_editing_still_saves_it_for_offline(
    new_context: Callable[..., BrowserContext], offline_site: Site
) -> None:
    context = new_context(bypass_csp=True)
    page = open_planner(context.new_page())
    # The worker is running (on a first visit it is installed while the page loads).
    assert page.evaluate("async () => !!(await navigator.serviceWorker.ready).active")
    page.fill("#pl-company", "Northwind")
    # Saved only with the planner: a guide page the reader has not opened.
    unvisited = page.evaluate("() => new URL('../the-outcome/', location.href).href")
    page.goto("following-up/")  # a page load, well before a pause: the planner page is gone
    wait_async(page, "async (url) => !!(await caches.match(url))", unvisited)


@pytest.fixture
def back_forward_cache(
    browser_type: BrowserType, browser_type_launch_args: dict, base_url: str, guard: Guard
) -> Iterator[BrowserContext]:
    """A guarded context in a browser with its back/forward cache on, as readers' browsers have
    it (Playwright turns it off by default)."""
    browser = browser_type.launch(
        **browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"]
    )
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    guard.attach(context)
    yield context
    browser.close()
    guard.check()


def test_back_to_the_planner_after_its_offline_copy_was_saved_is_instant(
    back_forward_cache: BrowserContext, offline_site: Site
) -> None:
    # The reader follows a step's "Read the guide" link and comes back. Leaving asks the worker
    # to save the planner, and its answer comes while the planner is away: that must not cost
    # the planner its place in the back/forward cache (Back would load it again and start
    # Python again). The answer waits, and arrives when the planner is shown again.
    page = back_forward_cache.new_page()
    workers: list[str] = []
    page.on("worker", lambda w: workers.append(w.url))
    open_planner(page)
    page.fill("#pl-company", "Northwind")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    page.evaluate("() => { window.__sameDocument = true; }")
    expect(page.locator("html")).not_to_have_attribute("data-offline-ready", "true")
    nav = page.evaluate(
        "() => [...new Set([...document.querySelectorAll('nav a[href]')].map((a) => a.href.split('#')[0]))]"
    )

    page.locator("#planner-timeline").get_by_role("link", name="Read the guide").first.click()
    expect(page).not_to_have_url(re.compile(r"/planner/"))
    # Stay until the worker has saved every page the planner links to: its last step.
    wait_async(page, "async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean)", nav)
    page.go_back(wait_until="commit")  # a page restored from the cache fires no "load"
    wait_ready(page)
    assert page.evaluate("() => window.__sameDocument") is True, "restored, not loaded again"
    expect(page.locator("#pl-company")).to_have_value("Northwind")
    expect(page.locator("#planner-timeline > li").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "true")
    assert len([u for u in workers if u.endswith("planner-worker.js")]) == 1


def served_bytes(site: Site, release: Path) -> tuple[int, int, list[str]]:
    """Bytes the server sent: as sent (no compression), and as GitHub Pages would send them
    (HTML, CSS, JS and JSON gzipped), and the paths."""
    raw = gzipped = 0
    paths = []
    for path, size in site.sent:
        paths.append(path)
        raw += size
        file = release / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.suffix in {".html", ".css", ".js", ".json", ".mjs", ".xml", ".svg"} and file.exists():
            gzipped += len(gzip.compress(file.read_bytes(), 6))
        else:
            gzipped += size
    return raw, gzipped, paths


def test_a_guide_page_visit_saves_the_page_but_never_downloads_python(
    browser: Browser, base_url: str, guard: Guard, offline_site: Site
) -> None:
    # Not through the guard's request interception: Playwright turns the HTTP cache off when
    # requests are routed, and the worker relies on it (it keeps what the page has just loaded
    # without downloading it again). The server's log shows every request anyway, and nothing
    # else is reachable from this machine.
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    context.on("page", guard.watch)
    page = context.new_page()
    page.goto("following-up/")
    # The worker keeps the page the reader is on and everything it loaded (all of it loaded
    # before the worker existed), and the search index Material's search worker reads.
    expect(page.locator("html")).to_have_attribute("data-offline-page", "true", timeout=READY_TIMEOUT)
    raw, gzipped, paths = served_bytes(offline_site, offline_site.release_a)  # type: ignore[attr-defined]
    assert not [p for p in paths if "/pyodide/" in p or p.endswith(".whl") or "javascripts/planner" in p], paths
    assert gzipped < 300_000, (raw, gzipped, paths)

    offline_site.stop()  # the network cut (the server is gone)
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.reload()
    expect(page.locator("article h1")).to_have_text(re.compile("follow", re.IGNORECASE))
    assert failed == [], failed
    context.close()
    guard.check()


def make_release_b(release_a: Path, target: Path) -> tuple[str, str]:
    """A copy of release A with a changed worker script and a changed planner wheel (with its
    lock file), as a new deploy would have. Returns B's version and wheel file name."""
    shutil.copytree(release_a, target)
    worker = target / "assets" / "javascripts" / "planner-worker.js"
    worker.write_text(worker.read_text() + '\nself.plannerRelease = "B";\n')
    wheels = target / "assets" / "wheels"
    (old,) = wheels.glob("planner-*.whl")
    new_bytes_path = wheels / "planner-new.whl"
    with zipfile.ZipFile(old) as src, zipfile.ZipFile(new_bytes_path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("planner/_release.py", 'RELEASE = "B"\n')
    digest = hashlib.sha256(new_bytes_path.read_bytes()).hexdigest()
    name = f"planner-0.1.0-0{digest[:12]}-py3-none-any.whl"
    new_bytes_path.rename(wheels / name)
    old.unlink()
    lock_path = wheels / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    lock["packages"]["planner"].update(file_name=name, sha256=digest)
    lock_path.write_text(json.dumps(lock, indent=1))
    sw_manifest.write(target)
    return str(sw_manifest.read(target)["version"]), name


def test_a_new_release_is_picked_up_whole_and_the_old_cache_deleted(
    new_context: Callable[..., BrowserContext], offline_site: Site, tmp_path: Path
) -> None:
    release_a: Path = offline_site.release_a  # type: ignore[attr-defined]
    version_a = str(sw_manifest.read(release_a)["version"])
    (wheel_a,) = [p.name for p in (release_a / "assets" / "wheels").glob("planner-*.whl")]
    version_b, wheel_b = make_release_b(release_a, tmp_path / "release-b")
    assert version_b != version_a

    context = new_context(bypass_csp=True)  # lets Playwright evaluate its waits; CSP: tests/trust
    wheels: list[str] = []
    # The wheels the planner's worker asks for (whether the service worker answers from its
    # cache or from the network), not the service worker's own requests.
    context.on(
        "request",
        lambda r: r.url.endswith(".whl") and r.service_worker is None and wheels.append(r.url.rsplit("/", 1)[1]),
    )
    page = open_planner(context.new_page())
    wait_offline_ready(page)
    assert cache_names(page) == [PREFIX + version_a]
    assert worker_release(page) is None and wheels == [wheel_a]

    # Deploy B. The tab still has A's worker, but the page now comes from B: so must every
    # file it loads (B's worker script and B's wheel, not A's cached ones).
    offline_site.serve(tmp_path / "release-b")
    wheels.clear()
    page.reload()
    wait_ready(page)
    assert worker_release(page) == "B"
    assert wheels == [wheel_b]

    # B's worker installs in the background and waits for A's tabs to close.
    wait_async(page, "async () => { const r = await navigator.serviceWorker.getRegistration(); return !!(r && r.waiting); }")
    worker_b = service_worker_of(context, version_b)
    page.close()
    # B takes over once the browser has let go of the closed tab; a tab opened before that
    # would still get A's (stale) worker and keep B waiting, as in any browser.
    wait_activated(worker_b)
    later = context.new_page()
    wheels.clear()
    open_planner(later)
    assert worker_release(later) == "B" and wheels == [wheel_b]
    wait_only_cache(later, version_b)
    cached_worker = later.evaluate(
        "async (name) => (await (await (await caches.open(name)).match("
        "new URL('../assets/javascripts/planner-worker.js', location.href).href)).text())",
        PREFIX + version_b,
    )
    assert 'plannerRelease = "B"' in cached_worker

    # And B, whole, works offline.
    offline_site.stop()
    context.set_offline(True)
    wheels.clear()
    later.reload()
    wait_ready(later)
    assert worker_release(later) == "B" and wheels == [wheel_b]
    # Only B's cache is left (once the active worker has swept; no old copy is ever served:
    # the checks above ran on B's files).
    wait_only_cache(later, version_b)
