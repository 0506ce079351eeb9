"""Share links on the page: the same plan for whoever opens one, within the browser's
address-bar allowance, and a clear word on a damaged one.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, Request, expect

from planner import share
from planner.api import plan_dict

from .conftest import browser_today, open_planner
from .planner_page import (
    COUNT_ADDRESS_WRITES,
    FORM,
    beside,
    fill,
    rendered,
    wait_for_plan,
)


def test_a_link_pasted_into_an_open_planner_opens_in_place(page: Page) -> None:
    # A coach sends a second link while the first is open: pasted into the address bar, it
    # replaces the plan without the page being fetched and rebuilt (open drafts, focus and
    # scroll stay), and Back returns to the first plan.
    first = {"interview_date": "2026-11-17", "company": "Alpha"}
    second = {"interview_date": "2026-11-18", "company": "Beta", "decision_by": "2026-11-30"}
    fetched: list[Request] = []
    page.on(
        "request",
        lambda r: r.resource_type in ("document", "fetch", "xhr")
        and r.url.split("#")[0].endswith("/planner/")
        and fetched.append(r),
    )
    open_planner(page, share.fragment(first))
    today = browser_today(page)
    wait_for_plan(page, plan_dict(first, today))
    page.evaluate("() => { document.getElementById('planner-form').__old = true; }")
    assert len(fetched) == 1

    page.evaluate("link => { location.hash = link; }", share.fragment(second))
    wait_for_plan(page, plan_dict(second, today))
    expect(page.get_by_label("Company")).to_have_value("Beta")
    page.go_back()
    wait_for_plan(page, plan_dict(first, today))
    expect(page.get_by_label("Company")).to_have_value("Alpha")
    assert page.evaluate("() => document.getElementById('planner-form').__old") is True
    assert len(fetched) == 1, [f"{r.resource_type} {r.url}" for r in fetched]


def test_a_shared_link_with_an_unknown_choice_keeps_the_rest(page: Page) -> None:
    form = {"interview_date": "2026-11-17", "company": "Acme", "thanks_timing": "whenever"}
    open_planner(page, share.fragment(form))
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("#planner-problems")).to_contain_text("when to thank")
    # The default the form falls back to is visible, and the plan is computed with it.
    expect(page.get_by_label("The next working day (default)").first).to_be_checked()
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")


def test_share_link_opens_the_same_plan_for_someone_else(
    page: Page, new_context: Callable[..., BrowserContext]
) -> None:
    open_planner(page)
    fill(page, {**FORM, "country": "GB"})
    expected = plan_dict({**FORM, "country": "GB"}, browser_today(page))
    wait_for_plan(page, expected)
    link = page.url
    assert "Acme" not in link and "Ana" not in link  # packed, not spelled out

    other = new_context().new_page()
    open_planner(other, link.split("/planner/", 1)[1])
    wait_for_plan(other, expected)
    assert rendered(other) == rendered(page)
    for name in (
        "company",
        "role",
        "candidate",
        "recruiter",
        "interviewers[1].name",
        "references[0]",
        "country",
    ):
        expect(other.locator(f"[name='{name}']")).to_have_value(
            page.locator(f"[name='{name}']").input_value()
        )
    expect(other.get_by_label("Decision date")).to_have_value(FORM["decision_by"])
    expect(other.locator("#planner-problems")).to_be_hidden()


def test_fast_typing_keeps_to_the_browsers_address_bar_allowance(
    new_context: Callable[..., BrowserContext],
) -> None:
    # Typing redraws the plan, and its link, at every key. Safari refuses more than 100 address
    # changes in 10 seconds (Firefox 200): the page writes at most 60, and the address and
    # "Copy link" still end on the plan for everything typed.
    ctx = new_context(permissions=["clipboard-read", "clipboard-write"])
    ctx.add_init_script(COUNT_ADDRESS_WRITES)
    page = open_planner(ctx.new_page())
    company = page.get_by_label("Company")
    company.click()
    first = "Acme Robotics, the firm whose robots make robots, and the people who mend them"
    # A very fast typist (25 keys a second); the field takes 120 characters: type, take back,
    # type again.
    page.keyboard.type(first, delay=40)
    for _ in range(40):
        page.keyboard.press("Backspace", delay=40)
    page.keyboard.type("the firm of the mending people, and robots", delay=40)
    typed = first[:-40] + "the firm of the mending people, and robots"
    expect(company).to_have_value(typed)
    page.wait_for_function(
        "want => [...document.querySelectorAll('#planner-timeline pre')]"
        ".some((pre) => pre.textContent.includes(want))",
        arg=typed.strip(),
    )
    page.get_by_role("button", name="Copy link").click()
    expect(beside(page, "Copy link")).to_contain_text("Link copied")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert share.decode(link.split("#", 1)[1]).raw["company"] == typed.strip()
    page.wait_for_function("want => location.href === want", arg=link)
    writes: list[float] = page.evaluate("() => window.__addressWrites")
    busiest = max(sum(1 for t in writes if start <= t < start + 10_000) for start in writes)
    assert len(writes) > 10 and busiest <= 60, (len(writes), busiest)


def test_a_damaged_or_newer_link_says_so_and_keeps_the_page_working(page: Page) -> None:
    open_planner(page, "#p=9.AAAA")
    expect(page.locator("#planner-problems")).to_contain_text("format 9")
    expect(page.locator("#planner-timeline > li").first).to_be_visible()
    page.goto("about:blank")
    open_planner(page, "#p=1.!!notalink")
    expect(page.locator("#planner-problems")).to_contain_text("could not be read")
