"""Bad input on the page: each message next to its field, on the right row, in its group.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from planner.api import plan_dict

from .conftest import browser_today, open_planner
from .planner_page import (
    fill,
)

CASES = [
    ("interview_date", {"interview_date": ""}, "#pl-interview_date"),
    ("interview_end", {"interview_start": "11:00", "interview_end": "10:00"}, "#pl-interview_end"),
    (
        "interviewers[0].email",
        {"interviewers": [{"name": "Ana", "title": "", "email": "ana@"}]},
        "[name='interviewers[0].email']",
    ),
    ("decision_by", {"decision_by": "2026-11-01"}, "#pl-decision_by"),
]


@pytest.mark.parametrize(("field", "change", "selector"), CASES, ids=[c[0] for c in CASES])
def test_each_error_shows_next_to_its_field(
    page: Page, field: str, change: dict[str, Any], selector: str
) -> None:
    open_planner(page)
    form = {"interview_date": "2026-11-17", **change}
    expected = plan_dict(form, browser_today(page))
    messages = [e["message"] for e in expected.get("errors", []) if e["field"] == field]
    assert messages, expected
    fill(page, {**form, "interview_date": form["interview_date"]})
    control = page.locator(selector)
    expect(control).to_have_attribute("aria-invalid", "true")
    error = page.locator(f"#{control.get_attribute('id')}-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(" ".join(messages))
    # The message sits right after its field and is announced with it.
    assert (
        control.evaluate("c => c.nextElementSibling && c.nextElementSibling.id")
        == f"{control.get_attribute('id')}-error"
    )
    assert error.get_attribute("id") in (control.get_attribute("aria-describedby") or "").split()
    # Nothing typed is lost.
    if change.get(field) not in (None, ""):
        expect(control).to_have_value(str(change[field]))
    expect(page.locator("#planner-announce")).to_contain_text("Plan not updated")
    # The last good plan stays on screen, marked as out of date.
    expect(page.locator("#planner-problems")).to_contain_text("from before your last change")
    expect(page.locator("#planner-timeline")).to_have_class(re.compile(r"\bplanner-stale\b"))


def test_group_errors_show_in_their_fieldset(page: Page) -> None:
    open_planner(page)
    for day in range(5):
        page.locator(f"#pl-wd-{day}").uncheck()
    expected = plan_dict(
        {"interview_date": browser_today(page).isoformat(), "working_days": []}, browser_today(page)
    )
    (message,) = [e["message"] for e in expected["errors"] if e["field"] == "working_days"]
    slot = page.locator("#pl-working-days [data-error-slot=working_days]")
    expect(slot).to_have_text(message)
    slot_id = slot.get_attribute("id")
    described = page.locator("#pl-working-days").get_attribute("aria-describedby") or ""
    assert slot_id and slot_id in described
    page.locator("#pl-wd-0").check()
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    expect(slot).to_be_hidden()


def test_errors_land_on_the_right_row_when_blank_rows_are_skipped(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add an interviewer").click()  # row 1 stays blank
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("[name='interviewers[2].name']").fill("Bo Li")
    page.locator("[name='interviewers[2].email']").fill("bo@")
    expect(page.locator("[name='interviewers[2].email']")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#pl-interviewer-2-email-error")).to_be_visible()
    expect(page.locator("[name='interviewers[0].email']")).not_to_have_attribute(
        "aria-invalid", "true"
    )


def test_an_error_follows_its_field_when_a_row_above_is_removed(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("[name='interviewers[1].name']").fill("Bo Li")
    page.locator("[name='interviewers[1].email']").fill("bo@")
    expect(page.locator("#pl-interviewer-1-email-error")).to_be_visible()
    page.get_by_role("button", name="Remove interviewer 1").click()
    # Bo is now the first interviewer: the message is still beside the email typed, and the
    # field is described by that message only (no reference to the old row's message).
    email = page.locator("[name='interviewers[0].email']")
    expect(email).to_have_value("bo@")
    expect(page.locator("#planner-announce")).to_contain_text("Plan not updated")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", "pl-interviewer-0-email-error")
    expect(page.locator("#pl-interviewer-0-email-error")).to_be_visible()
    expect(page.locator(".planner-error:not([hidden])")).to_have_count(1)
    email.fill("bo@example.com")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    expect(email).not_to_have_attribute("aria-describedby", re.compile("."))
    expect(page.locator(".planner-error:not([hidden])")).to_have_count(0)
