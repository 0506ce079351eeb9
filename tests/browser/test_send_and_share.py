"""Reaching the reader when a step is due (issue 19), on the planner page: the share sheet and
its fallback, "Open in your email app" and "Add to Outlook.com" on each step, and the calendar
file's reminder and earlier-steps options.

What the page is expected to show or send always comes from the worker's own answer (recorded
as it arrives) or from the planner's Python run here on the same input and "today"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import icalendar
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from planner import share
from planner.api import plan_dict
from planner.engine import make_plan
from planner.ics import Reminder, trigger
from planner.parse import parse_input

from .conftest import browser_today, open_planner
from .planner_page import FORM, beside, fill, show_all_steps, wait_for_plan

# Every plan answer the worker sends the page, kept in window.__answers.
RECORD_ANSWERS = """
(() => {
  window.__answers = [];
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type === "message") {
      add.call(this, "message", (event) => {
        const msg = event.data;
        if (msg && msg.type === "result" && msg.op === "plan") window.__answers.push(msg.answer);
      });
    }
    return add.call(this, type, listener, ...rest);
  };
})();
"""

# Plan requests are held while window.__hold is true, until window.__release(): a recompute
# that is still on its way when the reader taps Share.
HOLD_PLANS = """
(() => {
  window.__hold = false;
  window.__held = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (window.__hold && message && message.op === "plan") {
      window.__held.push(() => post.call(this, message, ...rest));
      return;
    }
    return post.call(this, message, ...rest);
  };
  window.__release = () => {
    window.__hold = false;
    for (const send of window.__held.splice(0)) send();
  };
})();
"""

# A phone's share sheet: records what it is given, and resolves as if the reader shared.
SHARE_SHEET = """
(() => {
  window.__shared = [];
  Object.defineProperty(Navigator.prototype, "share", {
    configurable: true,
    value: function (data) { window.__shared.push(data); return Promise.resolve(); },
  });
  Object.defineProperty(Navigator.prototype, "canShare", {
    configurable: true,
    value: function (data) { return Boolean(data && data.url); },
  });
})();
"""

NO_SHARE_SHEET = """
delete Navigator.prototype.share;
delete Navigator.prototype.canShare;
"""

# A share sheet that refuses (no share target on this device).
REFUSING_SHARE_SHEET = """
Object.defineProperty(Navigator.prototype, "share", {
  configurable: true,
  value: () => Promise.reject(new DOMException("no target", "NotAllowedError")),
});
"""

TITLE = "Follow-up plan: Data analyst at Acme, interview Tue 17 Nov"


def test_share_opens_the_share_sheet_with_the_link_and_title_of_the_plan_on_screen(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    ctx.add_init_script(SHARE_SHEET)
    ctx.add_init_script(HOLD_PLANS)
    page = open_planner(ctx.new_page())
    fill(page, FORM)
    wait_for_plan(page, plan_dict(FORM, browser_today(page)))

    page.get_by_role("button", name="Share", exact=True).click()
    page.wait_for_function("() => window.__shared.length === 1")
    shared: dict[str, Any] = page.evaluate("() => window.__shared[0]")
    assert shared["title"] == TITLE
    assert shared["url"] == page.url
    assert share.decode(shared["url"].split("#", 1)[1]).raw["company"] == "Acme"
    expect(beside(page, "Share")).to_have_text(
        "Link shared. It contains the names you typed."
    )

    # Tapped while the plan for a change is still being made: the sheet gets the new plan.
    page.evaluate("() => { window.__hold = true; }")
    page.get_by_label("Company").fill("Acme Robotics")
    page.wait_for_function("() => window.__held.length === 1")
    page.get_by_role("button", name="Share", exact=True).click()
    assert page.evaluate("() => window.__shared.length") == 1  # waits for the plan
    page.evaluate("() => window.__release()")
    page.wait_for_function("() => window.__shared.length === 2")
    again: dict[str, Any] = page.evaluate("() => window.__shared[1]")
    assert share.decode(again["url"].split("#", 1)[1]).raw["company"] == "Acme Robotics"
    assert again["title"] == TITLE.replace("Acme", "Acme Robotics")
    expect(page).to_have_url(again["url"])


@pytest.mark.parametrize("sheet", [NO_SHARE_SHEET, REFUSING_SHARE_SHEET], ids=["none", "refused"])
def test_without_a_share_sheet_share_copies_the_link(
    new_context: Callable[..., BrowserContext], sheet: str
) -> None:
    ctx = new_context(permissions=["clipboard-read", "clipboard-write"])
    ctx.add_init_script(sheet)
    page = open_planner(ctx.new_page())
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-timeline")).to_contain_text("Acme")
    page.get_by_role("button", name="Share", exact=True).click()
    expect(beside(page, "Share")).to_have_text(
        "Link copied. It contains the names you typed."
    )
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.url
    assert share.decode(link.split("#", 1)[1]).raw["company"] == "Acme"


def mailto_parts(href: str) -> tuple[str, dict[str, str]]:
    """What an email app reads from a mailto: link (RFC 6068): the recipient and the fields."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and not parts.fragment
    fields = dict(field.split("=", 1) for field in parts.query.split("&"))
    return unquote(parts.path), {name: unquote(value) for name, value in fields.items()}


def test_open_in_your_email_app_gives_back_the_draft_and_outlook_sits_beside_google(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context()
    ctx.add_init_script(RECORD_ANSWERS)
    page = open_planner(ctx.new_page())
    fill(page, FORM)
    wait_for_plan(page, plan_dict(FORM, browser_today(page)))
    show_all_steps(page)
    answer: dict[str, Any] = page.evaluate("() => window.__answers.at(-1)")
    emails = [step for step in answer["steps"] if step["mailto"]]
    assert {step["email"] for step in emails} == {"ana@acme.example", None}  # Bo has none

    for step in emails:
        item = page.locator(f"li[data-step='{step['id']}']")
        item.locator("summary").click()
        to = f"(to {step['email']})" if step["email"] else "(no recipient filled in)"
        link = item.get_by_role("link", name=f"Open in your email app {to}", exact=True)
        href = link.get_attribute("href") or ""
        assert href == step["mailto"]
        recipient, fields = mailto_parts(href)
        assert recipient == (step["email"] or "")
        assert fields["subject"] == step["draft"]["subject"]
        assert fields["body"] == step["draft"]["body"].replace("\n", "\r\n")
        # ... and what the reader would otherwise copy by hand, as shown.
        shown = item.locator("pre")
        assert fields["subject"] == shown.nth(0).text_content()
        assert fields["body"].replace("\r\n", "\n") == shown.nth(1).text_content()
        if not step["email"]:
            expect(item).to_contain_text("Your email app opens with no recipient")

    for step in answer["steps"]:
        item = page.locator(f"li[data-step='{step['id']}']")
        outlook = item.get_by_role(
            "link", name="Add to Outlook.com (opens Outlook.com in a new tab)", exact=True
        )
        expect(outlook).to_have_attribute("href", step["outlook"])
        expect(outlook).to_have_attribute("target", "_blank")
        assert step["outlook"].startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
        if not step["draft"] or step["draft"]["medium"] != "email":
            expect(item.get_by_role("link", name="Open in your email app")).to_have_count(0)


def test_the_calendar_options_reach_the_downloaded_file(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    # Every step is long past: by default the file would be empty, and the page says so.
    form = {**FORM, "interview_date": (today - dt.timedelta(days=120)).isoformat(),
            "decision_by": (today - dt.timedelta(days=110)).isoformat()}
    fill(page, form)
    expected = plan_dict(form, today)
    wait_for_plan(page, expected)
    assert all(step["date"] < today.isoformat() for step in expected["steps"])
    page.get_by_role("button", name="Download calendar (.ics)").click()
    expect(beside(page, "Download calendar (.ics)")).to_contain_text(
        "Include earlier steps"
    )

    page.get_by_label("Include earlier steps").check()
    steps = list(make_plan(parse_input(form, today)).steps)
    for reminder in (Reminder.NONE, Reminder.MORNING):
        page.get_by_label("Reminder").select_option(reminder.value)
        with page.expect_download() as info:
            page.get_by_role("button", name="Download calendar (.ics)").click()
        download = info.value
        assert download.suggested_filename == (
            f"after-the-interview-acme-data-analyst-{form['interview_date']}.ics"
        )
        events = list(icalendar.Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT"))
        assert [event.decoded("DTSTART").isoformat()[:10] for event in events] == [
            step.date.isoformat() for step in steps
        ]
        for event, step in zip(events, steps, strict=True):
            alarms = list(event.walk("VALARM"))
            if reminder is Reminder.NONE:
                assert alarms == []
            else:
                (alarm,) = alarms
                assert alarm.decoded("TRIGGER") == trigger(step, reminder)
        expect(beside(page, "Download calendar (.ics)")).to_have_text(
            f"Calendar file {download.suggested_filename} downloaded."
        )
    # The options are the calendar file's, never part of the plan's link.
    raw = share.decode(page.url.split("#", 1)[1]).raw
    assert not {"reminder", "include_past"} & set(raw)

