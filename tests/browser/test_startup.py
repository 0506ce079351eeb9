"""While Python starts and while plans are on their way: nothing typed is lost, the last
change wins, and optional packages load only when needed.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from planner import share
from planner.api import plan_dict

from .conftest import browser_today, open_planner, wait_ready
from .planner_page import (
    FORM,
    fill,
    hold_planner_wheel,
    on_a_slow_phone,
    until_held,
    wait_for_plan,
)


def test_the_form_is_usable_while_python_starts(page: Page) -> None:
    held = hold_planner_wheel(page)
    page.goto("planner/")
    wheel = until_held(page, held)
    expect(page.locator("#planner-loading")).to_be_visible()
    expect(page.locator("#planner-loading")).to_contain_text("Starting the planner")
    page.get_by_label("Company").fill("Acme")
    page.locator("[name='interviewers[0].name']").fill("Ana Diaz")
    assert page.locator("html").get_attribute("data-planner-ready") is None
    wheel.continue_()
    wait_ready(page)
    expect(page.locator("#planner-loading")).to_be_hidden()
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("li[data-kind=thank_you]")).to_contain_text("Ana Diaz")


def test_typing_before_a_shared_link_opens_is_kept(page: Page) -> None:
    form = {"interview_date": "2026-11-17", "company": "Acme", "role": "Analyst"}
    held = hold_planner_wheel(page)
    page.goto("planner/" + share.fragment(form))
    wheel = until_held(page, held)
    page.get_by_label("Role").fill("Data engineer")
    wheel.continue_()
    wait_ready(page)
    expect(page.get_by_label("Company")).to_have_value("Acme")  # from the link
    expect(page.get_by_label("Role")).to_have_value("Data engineer")  # typed: kept
    expect(page.get_by_label("Interview date")).to_have_value("2026-11-17")


def test_quick_changes_end_on_the_plan_for_the_last_one(page: Page) -> None:
    # Every change is sent at once (no timer): changes made while Python is busy are sent as
    # one request for the latest form, and an answer for an older form is never drawn last.
    open_planner(page)
    date = page.get_by_label("Interview date")
    for day in ("2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"):
        date.fill(day)  # one input event each, with no wait in between
    page.get_by_label("Company").press_sequentially("Acme Robotics")
    form = {"interview_date": "2026-11-13", "company": "Acme Robotics"}
    wait_for_plan(page, plan_dict(form, browser_today(page)))
    expect(page.locator("li[data-kind=thank_you] .planner-draft").first).to_contain_text(
        "Acme Robotics"
    )
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")


def test_typing_is_announced_once_it_pauses_not_at_every_key(page: Page) -> None:
    # Each key press redraws the plan; a screen reader must not hear "Plan updated" per key.
    open_planner(page)
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    page.evaluate(
        """() => {
             window.__said = [];
             new MutationObserver(() => window.__said.push(
               document.getElementById("planner-announce").textContent))
               .observe(document.getElementById("planner-announce"),
                        { childList: true, characterData: true, subtree: true });
           }"""
    )
    # A steady typist: each key is drawn before the next (80 ms apart), none is a pause.
    page.get_by_label("Company").press_sequentially("Acme Robotics", delay=80)
    expect(page.locator("li[data-kind=thank_you] .planner-draft").first).to_contain_text(
        "Acme Robotics"
    )
    page.wait_for_function("() => window.__said.length > 0")  # said once typing has paused
    today = browser_today(page)
    n = len(plan_dict({"interview_date": today.isoformat(), "company": "Acme Robotics"}, today)["steps"])
    expect(page.locator("#planner-announce")).to_have_text(f"Plan updated: {n} steps.")
    # One message for the burst of typing (two if the machine stalled mid-word).
    assert len(page.evaluate("() => window.__said")) <= 2


def test_forget_while_the_first_plan_is_drawn_leaves_only_the_new_plan(page: Page) -> None:
    # "Forget everything" pressed while a shared plan is still being drawn: the cleared form's
    # plan replaces it whole, with nothing of the half-drawn one left over.
    on_a_slow_phone(page, click_on_first_batch="pl-forget")
    page.goto("planner/" + share.fragment(FORM))
    today = browser_today(page)
    wait_for_plan(page, plan_dict({"interview_date": today.isoformat()}, today))
    assert page.evaluate("() => window.__draw.clicked")
    expect(page.get_by_label("Company")).to_have_value("")
    wait_ready(page)


def test_a_link_opened_while_a_plan_is_on_its_way_does_not_freeze_the_page(page: Page) -> None:
    # A change sends a plan request at once; a link pasted before its answer arrives must win,
    # and the form must keep answering afterwards.
    open_planner(page)
    linked = {"interview_date": "2026-11-17", "company": "Acme", "role": "Analyst"}
    page.evaluate(
        """link => {
             const company = document.querySelector("[name='company']");
             company.value = "Typed just before";
             company.dispatchEvent(new Event("input", { bubbles: true }));
             location.hash = link;
           }""",
        share.fragment(linked),
    )
    today = browser_today(page)
    wait_for_plan(page, plan_dict(linked, today))
    expect(page.get_by_label("Company")).to_have_value("Acme")
    page.get_by_label("Interview date").fill("2026-11-19")
    wait_for_plan(page, plan_dict({**linked, "interview_date": "2026-11-19"}, today))
    expect(page.locator("#planner-output")).not_to_have_attribute("aria-busy", "true")


def test_public_holidays_load_only_when_a_country_is_chosen(page: Page) -> None:
    wheels: list[str] = []
    page.on(
        "request",
        lambda r: wheels.append(r.url.rsplit("/", 1)[1]) if r.url.endswith(".whl") else None,
    )
    open_planner(page)
    assert [w for w in wheels if not w.startswith("planner-")] == []
    form = {
        "interview_date": "2026-12-24",
        "interviewers": [{"name": "Ana", "title": "", "email": ""}],
        "country": "GB",
    }
    fill(page, form)
    expected = plan_dict(form, browser_today(page))
    wait_for_plan(page, expected)
    assert any(w.startswith("holidays-") for w in wheels)
    assert not any(w.startswith("icalendar-") for w in wheels)


def test_ready_for_a_strict_content_security_policy(page: Page) -> None:
    open_planner(page)
    fill(page, FORM)
    wait_for_plan(page, plan_dict(FORM, browser_today(page)))
    page.locator("#planner-timeline details").first.evaluate("d => { d.open = true; }")
    # No inline styles or event-handler attributes in anything the planner writes or ships.
    found = page.evaluate(
        """() => [...document.querySelectorAll(
                 '#planner-form, #planner-form *, #planner-output, #planner-output *')]
             .flatMap(el => el.getAttributeNames()
               .filter(a => a === 'style' || a.startsWith('on'))
               .map(a => el.tagName + '[' + a + ']'))"""
    )
    assert found == []
    # The planner's code is an external module: the page's content has no inline script (the
    # theme's own are allowed by their hashes, tests/trust/test_csp.py).
    inline = page.evaluate(
        """() => [...document.querySelectorAll('article script')]
             .filter(s => !s.src).map(s => s.textContent)"""
    )
    assert inline == []
