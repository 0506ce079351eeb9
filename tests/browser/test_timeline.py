"""The plan on the page: what is drawn, how a redraw keeps what did not change, ticks,
print and a phone's screen, and where each step's links lead.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from planner import share
from planner.api import plan_dict

from .conftest import browser_today, open_planner, wait_ready
from .planner_page import (
    FORM,
    fill,
    on_a_slow_phone,
    show_all_steps,
    stored,
    wait_for_plan,
)


def test_filled_form_gives_the_planners_timeline(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    # The interview date starts as today, from the browser's clock.
    expect(page.get_by_label("Interview date")).to_have_value(today.isoformat())
    fill(page, FORM)
    expected = plan_dict(FORM, today)
    assert "steps" in expected, expected
    wait_for_plan(page, expected)
    show_all_steps(page)
    n = len(expected["steps"])
    expect(page.locator("#planner-announce")).to_have_text(f"Plan updated: {n} steps.")

    items = page.locator("#planner-timeline > li")
    for i, step in enumerate(expected["steps"]):
        item = items.nth(i)
        expect(item).to_have_attribute("data-kind", step["kind"])
        expect(item).to_have_attribute("data-status", step["status"])
        expect(item.locator("h3")).to_have_text(step["title"])
        expect(item.locator("time").first).to_have_attribute("datetime", step["date"])
        if step["time"]:
            expect(item.locator("time").nth(1)).to_have_attribute(
                "datetime", f"{step['date']}T{step['time']['start']}"
            )
            expect(item.locator("time").nth(1)).to_have_text(
                f"{step['time']['start']}–{step['time']['end']}"
            )
        expect(item).to_contain_text(step["why"])
        if step["to"]:
            expect(item).to_contain_text(step["to"])
        hrefs = item.locator(".planner-step__sources a").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))"
        )
        assert hrefs == [f"../sources/#a{name[:3]}" for name in step["sources"]]
        # Compact citations (issue 17): the article's number, its full title only as the name.
        marks = item.locator(".planner-step__sources a")
        assert marks.evaluate_all("as => as.map(a => a.textContent)") == [
            name[:3] for name in step["sources"]
        ]
        assert all(name not in (item.text_content() or "") for name in step["sources"])
        expect(item.get_by_role("link", name="Read the guide")).to_have_attribute(
            "href", f"../{step['guide']}"
        )
        google = item.get_by_role("link", name="Add to Google Calendar").get_attribute("href") or ""
        assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
        assert f"dates={step['date'].replace('-', '')}" in google

    # Drafts: one thank-you per interviewer, addressed to them, with role, company and date.
    for person in ("Ana Diaz", "Bo Li"):
        note = page.locator("li[data-kind=thank_you]", has_text=f"For {person}")
        note.locator("summary", has_text="Draft").click()
        body = note.locator("pre").nth(1)
        expect(body).to_contain_text(f"Dear {person},")
        expect(body).to_contain_text("Data analyst role at Acme")
        expect(body).to_contain_text("Tuesday 17 November")
        expect(body).to_contain_text("Sam Lee")

    # What is due today or next is marked.
    for status, label in (("today", "Today"), ("next", "Next")):
        for item in page.locator(f"#planner-timeline > li[data-status={status}]").all():
            expect(item.locator(".planner-badge").first).to_have_text(label)

    # The whole form is in the fragment, never in the path or query.
    assert re.search(r"/planner/#p=1\.[A-Za-z0-9_-]+$", page.url)


def test_a_redraw_keeps_the_steps_that_did_not_change(page: Page) -> None:
    # A reader reading a draft while changing another answer keeps their place: steps whose
    # answer is unchanged keep their element (open draft, focus), changed ones are redrawn.
    open_planner(page)
    fill(page, FORM)
    today = browser_today(page)
    before = plan_dict(FORM, today)
    wait_for_plan(page, before)
    later = {**FORM, "decision_by": "2026-12-04"}
    after = plan_dict(later, today)
    same = [s["id"] for s in after["steps"] if s in before["steps"]]
    moved = [s["id"] for s in after["steps"] if s not in before["steps"]]
    assert "thank_you-1" in same and moved, (same, moved)  # what the test relies on
    show_all_steps(page)

    thanks = page.locator("li[data-step='thank_you-1']")
    thanks.locator("summary").click()
    mark = "ids => ids.forEach(id => { document.querySelector(`li[data-step='${id}']`).__old = true; })"
    page.evaluate(mark, same + moved)
    page.get_by_label("Decision date").fill(later["decision_by"])
    wait_for_plan(page, after)
    kept = page.evaluate(
        "ids => ids.filter(id => document.querySelector(`li[data-step='${id}']`).__old === true)",
        same + moved,
    )
    assert kept == same
    expect(thanks.locator("details")).to_have_attribute("open", "")


def test_the_first_plan_is_drawn_a_few_steps_at_a_time_and_ready_when_whole(page: Page) -> None:
    # On a slow phone, building all the steps at once held the main thread for a long moment;
    # they are now added over several tasks, and the page says ready only when all are in.
    on_a_slow_phone(page)
    open_planner(page, share.fragment(FORM))
    expected = plan_dict(FORM, browser_today(page))
    wait_for_plan(page, expected)
    draw = page.evaluate("() => window.__draw")
    assert len(draw["batches"]) > 1, draw
    assert sum(draw["batches"]) == draw["atReady"] == len(expected["steps"]), draw


def test_steps_are_ticked_off(page: Page) -> None:
    open_planner(page)
    first = page.locator("#planner-timeline > li").first
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    first.get_by_label("Done").check()
    expect(first).to_have_class(re.compile(r"\bis-done\b"))
    # Nothing is stored unless the reader opts in.
    assert "after-the-interview" not in stored(page)
    assert "Acme" not in stored(page)


def test_printed_plan_is_a_checklist_without_the_form(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    form = {**FORM, "interview_date": today.isoformat(),
            "decision_by": (today + dt.timedelta(days=10)).isoformat()}
    fill(page, form)
    wait_for_plan(page, plan_dict(form, today))
    page.emulate_media(media="print")
    expect(page.locator("#planner-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("#planner-actions")).to_be_hidden()
    expect(page.locator("#planner-timeline")).to_be_visible()
    expect(page.locator("#planner-timeline > li h3").first).to_be_visible()
    # A typical plan fits on one sheet.
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.emulate_media(media="screen")
    expect(page.locator("#planner-form")).to_be_visible()


def test_works_on_a_phone(new_context: Callable[..., BrowserContext]) -> None:
    ctx = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_planner(ctx.new_page())
    fill(page, FORM)
    expected = plan_dict(FORM, browser_today(page))
    wait_for_plan(page, expected)
    show_all_steps(page)
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    for selector in (
        "#pl-interview_date",
        "#pl-add-interviewer",
        "#pl-copy-link",
        "#pl-share",
        "#pl-reminder",
        "#pl-download-ics",
        "#planner-timeline > li",
    ):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector


def test_source_and_guide_links_lead_to_their_sections(page: Page) -> None:
    open_planner(page)
    step = page.locator("#planner-timeline > li").first
    source = step.locator(".planner-step__sources a").first
    anchor = (source.get_attribute("href") or "").split("#", 1)[1]
    source.click()
    expect(page).to_have_url(re.compile(rf"/sources/#{anchor}$"))
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    page.go_back()
    wait_ready(page)
    guide = page.locator("#planner-timeline > li").first.get_by_role("link", name="Read the guide")
    target = (guide.get_attribute("href") or "").removeprefix("../")
    guide.click()
    page_path, section = target.split("#", 1)
    expect(page).to_have_url(re.compile(rf"/{re.escape(page_path)}#{section}$"))
    expect(page.locator(f"[id='{section}']")).to_be_visible()
