"""The form's on-screen shape and the planner's raw input: conversions both ways."""

from __future__ import annotations

from typing import Any

import pytest

from planner import form

BLANK = {"name": "", "title": "", "email": ""}


@pytest.mark.parametrize(
    ("raw_within", "number", "unit"),
    [
        ("2w", "2", "w"),
        ("2 weeks", "2", "w"),  # Python accepts it, so a link may carry it
        ("10d", "10", "d"),
        ("10 Days", "10", "d"),
        ("3wks", "3", "w"),
        ("soon", "", "w"),  # unreadable: the box stays empty, the choice shows "within"
    ],
)
def test_a_time_frame_fills_the_number_and_the_unit(raw_within: str, number: str, unit: str):
    screen = form.to_screen({"decision_within": raw_within})
    assert screen["decision_mode"] == "within"
    assert (screen["decision_within"], screen["decision_within_unit"]) == (number, unit)


@pytest.mark.parametrize(
    ("raw", "mode"),
    [
        ({}, "none"),
        ({"decision_by": "2026-11-27"}, "by"),
        ({"decision_end_of_week": True}, "end_of_week"),
        ({"decision_by": "2026-11-27", "decision_within": "2w"}, "by"),
    ],
)
def test_the_decision_choice_follows_what_was_said(raw: dict[str, Any], mode: str):
    assert form.to_screen(raw)["decision_mode"] == mode


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        ({"decision_mode": "within", "decision_within": "2", "decision_within_unit": "w"},
         {"decision_within": "2w", "decision_by": "", "decision_end_of_week": False}),
        ({"decision_mode": "by", "decision_by": "2026-11-27", "decision_within": "2"},
         {"decision_within": "", "decision_by": "2026-11-27", "decision_end_of_week": False}),
        ({"decision_mode": "end_of_week", "decision_by": "2026-11-27"},
         {"decision_within": "", "decision_by": "", "decision_end_of_week": True}),
        ({"decision_mode": "within", "decision_within": ""},
         {"decision_within": "", "decision_by": "", "decision_end_of_week": False}),
    ],
)
def test_only_the_chosen_decision_answer_is_sent(screen: dict[str, Any], expected: dict[str, Any]):
    raw = form.from_screen(screen).raw
    assert {k: raw[k] for k in expected} == expected


def test_blank_rows_are_not_sent_and_errors_land_on_their_row():
    converted = form.from_screen({
        "interviewers": [BLANK, {"name": " Ana ", "title": "", "email": "x"}],
        "references": ["", "Cy", " "],
    })
    assert converted.raw["interviewers"] == [{"name": "Ana", "title": "", "email": "x"}]
    assert converted.raw["references"] == ["Cy"]
    assert converted.screen_field("interviewers[0].email") == "interviewers[1].email"
    assert converted.screen_field("references[0]") == "references[1]"
    assert converted.screen_field("company") == "company"


def test_working_days_absent_means_the_default_and_empty_is_an_answer():
    assert "working_days" not in form.from_screen({}).raw
    assert form.from_screen({"working_days": []}).raw["working_days"] == []


def test_advanced_opens_only_for_a_choice_away_from_its_default():
    assert form.to_screen({"thanks_timing": "next-day"})["advanced"] is False
    assert form.to_screen({"after_promise": "one-week"})["advanced"] is True


def test_round_trip_keeps_every_answer():
    raw = {
        "interview_date": "2026-11-17", "interview_start": "10:00", "interview_end": "11:00",
        "format": "video", "round": "final", "company": "Acme", "role": "Analyst",
        "candidate": "Sam", "recruiter": "Jo", "contact": "email", "thanks": "card",
        "thanks_timing": "same-day", "after_promise": "one-week", "short_promise": "early",
        "country": "GB", "decision_by": "", "decision_within": "3d",
        "decision_end_of_week": False,
        "interviewers": [{"name": "Ana", "title": "CTO", "email": "a@b.example"}],
        "references": ["Cy"], "working_days": [0, 2, 4],
        "heard": "new_date", "heard_on": "2026-11-20", "new_decision_by": "2026-12-01",
    }
    assert form.from_screen(form.to_screen(raw)).raw == raw
