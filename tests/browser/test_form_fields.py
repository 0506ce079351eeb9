"""The form on the page against the field table and Python's conversions: what a link fills in,
what a box accepts, how a step's channel reads, and a copy kept by the earlier page."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from planner import fields, share

from .conftest import open_planner, wait_ready


def test_a_link_whose_time_frame_reads_2_weeks_fills_number_and_unit(page: Page) -> None:
    link = share.fragment({"interview_date": "2026-11-17", "decision_within": "2 weeks"})
    open_planner(page, link)
    expect(page.get_by_label("They would decide within a period")).to_be_checked()
    expect(page.locator("#pl-decision_within")).to_have_value("2")
    expect(page.locator("#pl-decision_within_unit")).to_have_value("w")


def test_a_video_interview_reads_video_call(page: Page) -> None:
    open_planner(page, share.fragment({"interview_date": "2026-11-17", "format": "video"}))
    channels = page.locator(".planner-channel").all_text_contents()
    assert any("By video call" in text for text in channels), channels
    assert not any(text.strip() == "video" for text in channels), channels


def test_row_boxes_stop_where_the_planner_does(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add a reference").click()
    people = {part.name: part.max_length for part in fields.field("interviewers").parts}
    for part, limit in people.items():
        box = page.locator(f"[name='interviewers[0].{part}']")
        expect(box).to_have_attribute("maxlength", str(limit))
    (reference,) = fields.field("references").parts
    expect(page.locator("[name='references[0]']")).to_have_attribute(
        "maxlength", str(reference.max_length)
    )
    expect(page.get_by_role("button", name="Remove reference 1")).to_be_visible()


def test_a_copy_kept_by_the_earlier_page_still_opens(page: Page) -> None:
    page.goto("privacy/")  # the same origin's storage, without the planner writing to it
    kept = {"version": 1, "keep": True, "ticks": {},
            "raw": {"interview_date": "2026-11-17", "company": "Kept Co",
                    "decision_within": "10d"}}
    page.evaluate("(data) => localStorage.setItem('after-the-interview:planner', data)",
                  json.dumps(kept))
    page.goto("planner/")
    wait_ready(page)
    expect(page.locator("#pl-company")).to_have_value("Kept Co")
    expect(page.locator("#pl-decision_within")).to_have_value("10")
    expect(page.locator("#pl-decision_within_unit")).to_have_value("d")
    expect(page.locator("#pl-keep")).to_be_checked()
