"""The calendar file and Google Calendar links agree with the plan, step for step.

Uses the ``icalendar`` library (the planner's optional 'calendar' extra) to read back what
planner.ics wrote."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit
from urllib.parse import quote_plus as stdlib_quote_plus

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from planner import web
from planner.engine import make_plan
from planner.ics import calendar_bytes, google_calendar_url, quote_plus, uid
from planner.parse import parse_input

TODAY = dt.date(2026, 11, 18)
RAW: dict[str, Any] = {
    "interview_date": "2026-11-17",
    "interview_start": "10:00",
    "interview_end": "11:00",
    "company": "Acme",
    "role": "Data analyst",
    "interviewers": [{"name": "Ana Diaz", "email": "ana@acme.example"}],
    "decision_by": "2026-11-27",
}
STAMP = dt.datetime(2026, 11, 18, 8, 30, tzinfo=dt.UTC)


def planned(raw: dict[str, Any] = RAW) -> tuple[Any, Any]:
    inp = parse_input(raw, TODAY)
    return inp, make_plan(inp)


def test_every_step_is_an_event_on_its_date() -> None:
    inp, timeline = planned()
    cal = icalendar.Calendar.from_ical(
        calendar_bytes(timeline.steps, inp, site_url="https://example.org/", stamp=STAMP)
    )
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(timeline.steps)
    timed = 0
    for event, step in zip(events, timeline.steps, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert str(event["UID"]) == uid(step, inp)
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]).startswith(step.title)
        assert f"https://example.org/{step.guide}" in str(event["DESCRIPTION"])
        if step.window:
            timed += 1
            assert start == dt.datetime.combine(step.date, step.window.start)
            assert end == dt.datetime.combine(step.date, step.window.end)
            assert start.tzinfo is None  # floating: "09:00 wherever you are"
        else:
            assert start == step.date and not isinstance(start, dt.datetime)
            assert end == step.date + dt.timedelta(days=1)
    assert timed, "the plan has steps with a time window"


def test_uids_are_stable_and_unique() -> None:
    inp, timeline = planned()
    first = [uid(s, inp) for s in timeline.steps]
    assert len(set(first)) == len(first)
    # Same interview, other details changed: the same events get the same UIDs (re-import
    # updates rather than duplicates).
    inp2, timeline2 = planned({**RAW, "interviewers": [{"name": "Ana Diaz"}], "thanks": "letter"})
    shared = {s.id for s in timeline.steps} & {s.id for s in timeline2.steps}
    assert shared
    by_id = {s.id: s for s in timeline2.steps}
    for step in timeline.steps:
        if step.id in shared:
            assert uid(step, inp) == uid(by_id[step.id], inp2)
    # Another interview: other UIDs.
    inp3, _ = planned({**RAW, "interview_date": "2026-11-18"})
    assert uid(timeline.steps[0], inp) != uid(timeline.steps[0], inp3)


def test_google_link_has_the_step_dates() -> None:
    _, timeline = planned()
    for step in timeline.steps:
        url = google_calendar_url(step, "https://example.org/")
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc, parts.path) == (
            "https",
            "calendar.google.com",
            "/calendar/render",
        )
        query = parse_qs(parts.query)
        assert query["action"] == ["TEMPLATE"]
        assert query["text"][0].startswith(step.title)
        start, end = query["dates"][0].split("/")
        if step.window:
            assert start == f"{step.date:%Y%m%d}T{step.window.start:%H%M%S}"
            assert end == f"{step.date:%Y%m%d}T{step.window.end:%H%M%S}"
        else:
            assert start == f"{step.date:%Y%m%d}"
            assert end == f"{step.date + dt.timedelta(days=1):%Y%m%d}"


@given(st.text())
def test_link_quoting_is_exactly_the_standard_librarys(text: str) -> None:
    # Any text a reader types (names, accents, emoji, "&", "+", "%", lone surrogates aside)
    # must reach Google Calendar unchanged: the fast quoting must equal quote_plus.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # not text a browser can send; JSON from the page never holds it
    assert quote_plus(text) == stdlib_quote_plus(text)


def test_web_ics_includes_drafts_and_reports_errors() -> None:
    answer = web.ics(RAW, TODAY.isoformat(), "https://example.org/")
    assert answer["filename"] == "after-the-interview.ics"
    cal = icalendar.Calendar.from_ical(answer["ics"])
    notes = [str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")]
    assert any("Dear Ana Diaz," in n for n in notes)
    bad = web.ics({**RAW, "interview_date": "17/11"}, TODAY.isoformat(), None)
    assert [e["field"] for e in bad["errors"]] == ["interview_date"]
