"""The Content-Security-Policy: every page carries it, it allows exactly what the site ships,
the planner (Pyodide in a module worker) works under it, and injected script is refused."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from csp import (
    policy_hashes,
    scan,
    sha256,
)  # scripts/csp.py (scripts/ is on sys.path, see conftest)
from playwright.sync_api import Browser, Error, expect

from .conftest import CSP_WATCH, Guard, open_planner, pages_of


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        assert error.code == 404
        return error.read().decode("utf-8")


def meta_policy(html: str) -> str:
    start = html.index('<meta http-equiv="Content-Security-Policy" content="')
    return html[start:].split('content="', 1)[1].split('"', 1)[0]


def test_every_page_has_the_policy_before_any_script_and_it_covers_every_inline_script(
    served: tuple[str, str],
) -> None:
    _, served_url = served
    for path in [*pages_of(served_url), "no-such-page/"]:
        html = fetch(served_url + path)
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        head = html.split("</head>", 1)[0]
        at = head.index('http-equiv="Content-Security-Policy"')
        assert "<script" not in head[:at] and "stylesheet" not in head[:at], path
        policy = meta_policy(html)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        found = scan(html)
        assert found.handlers == [], path  # inline on...= handlers cannot be allowed by hash
        missing = [s[:80] for s in found.scripts if sha256(s) not in policy_hashes(policy)]
        assert missing == [], f"{path}: inline scripts not in the policy (scripts/build_site.py)"


# What a generator's own script does that the policy refuses, recorded rather than allowed; an
# entry that stops occurring fails the test, so none outlives its reason.
# Zensical 0.0.73: its search box lives in a shadow root whose stylesheet is a <style> element
# its bundle makes at run time (``attachShadow`` then ``C("style",{},…)``); ``style-src 'self'``
# refuses it: search finds its results, but the dialog opens unstyled, a bare list over the
# page (checked with a screenshot). Allowing it would take
# 'unsafe-inline' for styles or a hash of text inside Zensical's bundle; the published site is
# Material's, whose search runs under the policy, so this waits for a Zensical that ships the
# stylesheet as a file (or for the move to Zensical, which must solve it).
REFUSED = {"zensical": ("style-src-elem blocked inline", "Applying inline style violates")}


def test_every_page_runs_without_a_policy_violation(
    browser: Browser, served: tuple[str, str]
) -> None:
    generator, served_url = served
    violation, console = REFUSED.get(generator, (None, None))
    guard = Guard(served_url)  # nothing leaves the machine, nothing breaks, whoever built it
    context = browser.new_context(base_url=served_url)
    guard.attach(context)
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    for path in pages_of(served_url):
        page.goto(path)
        expect(page.locator("body")).to_be_visible()
        page.wait_for_load_state("load")
        if path == "planner/":
            expect(page.locator("html")).to_have_attribute("data-planner-ready", "true")
        # Search runs Material's worker and fetches the index: also under the policy.
        page.keyboard.press("/")
        page.keyboard.type("thank")
        if violation is None:
            expect(page.locator(".md-search-result__item").first).to_be_visible()
            assert page.evaluate("window.__csp") == [], path
        else:
            page.evaluate(
                """() => new Promise((resolve, reject) => {
                    if (window.__csp.length) resolve();
                    document.addEventListener("securitypolicyviolation", () => resolve());
                    setTimeout(() => reject(new Error("no longer refused: drop REFUSED")), 20000);
                })"""
            )
            refused = page.evaluate("window.__csp")
            assert all(v.startswith(violation) for v in refused), (path, refused)
    context.close()
    if console is not None:
        guard.errors = [e for e in guard.errors if console not in e]
    guard.check()


def test_the_planner_works_under_the_policy(new_context) -> None:
    context = new_context()
    context.add_init_script(CSP_WATCH)
    page = open_planner(context.new_page())
    page.fill("#pl-company", "Acme")
    page.fill('#pl-interviewers input[data-part="name"]', "Ana Diaz")
    # A country loads the holidays wheel lazily: Pyodide's loadPackage under the policy too.
    page.select_option("#pl-country", "GB")
    expect(page.locator("#planner-timeline [data-kind='thank_you']")).to_contain_text("Ana Diaz")
    with page.expect_download() as download:
        page.click("#pl-download-ics")
    assert download.value.suggested_filename.endswith(".ics")
    assert page.evaluate("window.__csp") == []


@pytest.fixture
def bare_page(browser: Browser, base_url: str):
    """A page without the guard: refused scripts are reported as console errors on purpose."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    yield page
    context.close()


def test_injected_script_is_refused(bare_page) -> None:
    page = bare_page
    page.goto("")
    expect(page.locator("body")).to_be_visible()
    try:
        page.add_script_tag(content="window.__pwned = 1")
    except Error:
        pass  # Playwright may report the refusal; what matters is what the page did
    page.evaluate(
        """() => {
        const box = document.createElement("div");
        box.innerHTML = '<img src="data:," onerror="window.__pwned = 2">';
        document.body.append(box);
    }"""
    )
    try:
        page.add_script_tag(url="http://127.0.0.2:9/evil.js")
    except Error:
        pass
    page.evaluate(
        """() => new Promise((resolve) => {
        const enough = () => window.__csp.length >= 3 && resolve();
        document.addEventListener("securitypolicyviolation", () => setTimeout(enough));
        enough();
    })"""
    )
    assert page.evaluate("window.__pwned") is None
    violations = page.evaluate("window.__csp")
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
    assert any(v.startswith("script-src-attr blocked inline") for v in violations), violations
    assert any("127.0.0.2" in v for v in violations), violations
