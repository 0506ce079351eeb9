"""What the reader does with a plan: copy, download the calendar file, keep it on this
device (or not), all from the keyboard.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import icalendar
from playwright.sync_api import BrowserContext, Page, expect

from planner.api import plan_dict

from .conftest import browser_today, open_planner, wait_ready
from .planner_page import (
    FORM,
    beside,
    fill,
    stored,
    wait_for_plan,
)


def test_copy_buttons_copy_the_share_link_and_the_drafts(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = open_planner(ctx.new_page())
    page.locator("[name='interviewers[0].name']").fill("Ana Diaz")
    note = page.locator("li[data-kind=thank_you]", has_text="For Ana Diaz")
    expect(note).to_be_visible()  # the plan for what was typed is on screen
    page.get_by_role("button", name="Copy link").click()
    expect(beside(page, "Copy link")).to_have_text("Link copied. It contains the names you typed.")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.url and re.search(r"#p=1\.[A-Za-z0-9_-]+$", link)
    expect(page.locator(".planner-share-note")).to_contain_text("names you typed")
    # Each draft's parts copy exactly as shown.
    note.locator("summary", has_text="Draft").click()
    note.get_by_role("button", name="Copy message").click()
    expect(beside(note, "Copy message")).to_have_text("Copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == note.locator("pre").nth(1).text_content()
    assert copied.startswith("Dear Ana Diaz,")


def test_calendar_file_has_every_step_from_today_on(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    # Dated around today, so that the file holds steps whatever day the test runs.
    form = {**FORM, "interview_date": (today - dt.timedelta(days=1)).isoformat(),
            "decision_by": (today + dt.timedelta(days=10)).isoformat()}
    fill(page, form)
    expected = plan_dict(form, today)
    wait_for_plan(page, expected)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == f"after-the-interview-acme-data-analyst-{form['interview_date']}.ics"
    cal = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = list(cal.walk("VEVENT"))
    kept = [step for step in expected["steps"] if step["date"] >= today.isoformat()]
    assert 0 < len(kept) < len(expected["steps"])  # the interview day's steps are past
    assert len(events) == len(kept)
    uids = set()
    for event, step in zip(events, kept, strict=True):
        start = event.decoded("DTSTART")
        assert start.isoformat()[:10] == step["date"]
        if step["time"]:
            assert isinstance(start, dt.datetime)
            assert f"{start:%H:%M}" == step["time"]["start"]
        else:
            assert not isinstance(start, dt.datetime)
        assert str(event["SUMMARY"]).startswith(step["title"])
        assert event.get("DTSTAMP") is not None
        (alarm,) = event.walk("VALARM")  # the default reminder: the evening before
        assert alarm.decoded("TRIGGER") < dt.timedelta(0)
        uids.add(str(event["UID"]))
    assert len(uids) == len(events)
    guide = page.locator("#planner-output").get_by_role("link", name="add your plan to a calendar")
    assert guide.evaluate("a => a.href") == page.url.split("planner/")[0] + "add-to-calendar/"


def test_keep_on_this_device_is_opt_in_and_forget_clears_it(page: Page) -> None:
    open_planner(page)
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    assert "Acme" not in stored(page)
    page.get_by_label("Keep this plan on this device").check()
    page.locator("#planner-timeline > li").first.get_by_label("Done").check()
    assert "Acme" in stored(page)
    # Back later, without the link: the form and the tick are still there.
    page.goto("planner/")
    wait_ready(page)
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("#planner-timeline > li").first.get_by_label("Done")).to_be_checked()
    page.get_by_role("button", name="Forget everything on this device").click()
    assert "after-the-interview" not in stored(page) and "Acme" not in stored(page)
    expect(page.get_by_label("Company")).to_have_value("")
    expect(page.get_by_label("Keep this plan on this device")).not_to_be_checked()


def test_keyboard_only(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add a reference").click()
    # Every control has a visible label, and every group a legend.
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll(
                 '#planner-form input, #planner-form select, #planner-output input')]
             .filter(c => !c.labels || c.labels.length === 0 ||
                          [...c.labels].every(l => !l.textContent.trim()))
             .map(c => c.name || c.id)"""
    )
    assert unlabelled == []
    assert page.locator("#planner-form fieldset:not(:has(> legend))").count() == 0
    page.get_by_role("button", name="Add an interviewer").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name='interviewers[1].name']")).to_be_focused()
    page.keyboard.type("Bo Li")
    page.keyboard.press("Tab")
    expect(page.locator("[name='interviewers[1].title']")).to_be_focused()
    page.get_by_role("button", name="Remove interviewer 2").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name='interviewers[1].name']")).to_have_count(0)
    page.locator("#pl-advanced summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("The same day")).to_be_visible()
    differs = page.locator("#pl-advanced").get_by_role("link", name="where the advice differs")
    assert (
        differs.evaluate("a => a.href") == page.url.split("planner/")[0] + "where-advice-differs/"
    )
