"""The calendar file and Google Calendar links agree with the plan, step for step.

Uses the ``icalendar`` library (the planner's optional 'calendar' extra) to read back what
planner.ics wrote."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit
from urllib.parse import quote_plus as stdlib_quote_plus

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from planner import web
from planner.engine import make_plan
from planner.ics import (
    Reminder,
    calendar_bytes,
    filename,
    google_calendar_url,
    outlook_calendar_url,
    steps_to_export,
    uid,
)
from planner.links import quote_plus
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
    assert answer["filename"] == "after-the-interview-acme-data-analyst-2026-11-17.ics"
    cal = icalendar.Calendar.from_ical(answer["ics"])
    notes = [str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")]
    assert any("Dear Ana Diaz," in n for n in notes)
    bad = web.ics({**RAW, "interview_date": "17/11"}, TODAY.isoformat(), None)
    assert [e["field"] for e in bad["errors"]] == ["interview_date"]


def events_of(data: bytes | str) -> list[Any]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def alarm_time(event: Any) -> dt.datetime | None:
    """When the event's display alarm goes off, in the event's own (floating) time."""
    alarms = list(event.walk("VALARM"))
    if not alarms:
        return None
    (alarm,) = alarms
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])  # what the notification says
    assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"
    offset = alarm.decoded("TRIGGER")
    assert isinstance(offset, dt.timedelta)
    # Never after the start: Outlook drops such alarms, and an all-day step's must be kept.
    assert offset <= dt.timedelta(0)
    start = event.decoded("DTSTART")
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time(0))
    return start + offset


# (reminder, a step with a time window?, when the reminder goes off, relative to the step's day
# at midnight). The hours are the planner's choice (planner/ics.py), not the articles'.
REMINDER_ROWS = [
    (Reminder.EVENING, False, dt.timedelta(hours=-6)),  # 18:00 the day before
    (Reminder.EVENING, True, dt.timedelta(hours=-6)),
    (Reminder.MORNING, False, dt.timedelta(0)),  # an all-day step: as its day begins
    (Reminder.MORNING, True, dt.timedelta(hours=8)),  # 08:00 on the day
]


def test_every_step_has_the_reminder_the_reader_picked() -> None:
    inp, timeline = planned()
    assert any(s.window for s in timeline.steps) and any(not s.window for s in timeline.steps)
    for reminder, timed, expected in REMINDER_ROWS:
        data = calendar_bytes(timeline.steps, inp, stamp=STAMP, reminder=reminder)
        for event, step in zip(events_of(data), timeline.steps, strict=True):
            if bool(step.window) != timed:
                continue
            midnight = dt.datetime.combine(step.date, dt.time(0))
            start = dt.datetime.combine(step.date, step.window.start if step.window else dt.time(0))
            # 08:00 unless the step starts earlier (an early interview): then at its start.
            assert alarm_time(event) == min(midnight + expected, start), (reminder, step.id)
    none = calendar_bytes(timeline.steps, inp, stamp=STAMP, reminder=Reminder.NONE)
    assert all(alarm_time(e) is None for e in events_of(none))


def test_an_early_interview_is_reminded_at_its_start_not_after() -> None:
    inp, timeline = planned({**RAW, "interview_start": "07:30", "interview_end": "08:15"})
    (during,) = [s for s in timeline.steps if s.kind.value == "ask_next_steps"]
    (event,) = events_of(calendar_bytes([during], inp, stamp=STAMP, reminder=Reminder.MORNING))
    assert alarm_time(event) == dt.datetime(2026, 11, 17, 7, 30)


def test_only_steps_from_today_on_unless_earlier_ones_are_asked_for() -> None:
    _, timeline = planned()
    kept = steps_to_export(timeline.steps, TODAY)
    assert kept and all(s.date >= TODAY for s in kept)
    assert any(s.date == TODAY for s in kept)  # today's steps are still to do
    assert len(kept) < len(timeline.steps)
    assert steps_to_export(timeline.steps, TODAY, include_past=True) == list(timeline.steps)

    default = web.ics(RAW, TODAY.isoformat(), None)
    assert default["events"] == len(kept)
    assert [str(e["UID"]) for e in events_of(default["ics"])] == [uid(s, planned()[0]) for s in kept]
    everything = web.ics(RAW, TODAY.isoformat(), None, include_past=True)
    assert len(events_of(everything["ics"])) == len(timeline.steps)


def test_a_plan_entirely_in_the_past_says_how_to_get_its_file() -> None:
    answer = web.ics(RAW, "2027-06-01", None)
    (error,) = answer["errors"]
    assert error["field"] == "include_past" and "before today" in error["message"]
    assert "ics" in web.ics(RAW, "2027-06-01", None, include_past=True)


def test_web_ics_reports_a_bad_reminder_choice() -> None:
    (error,) = web.ics(RAW, TODAY.isoformat(), None, reminder="noon")["errors"]
    assert error["field"] == "reminder" and "morning" in error["message"]
    (error,) = web.ics(RAW, TODAY.isoformat(), None, include_past="yes")["errors"]
    assert error["field"] == "include_past"
    answer = web.handle(
        '{"op": "ics", "raw": {"interview_date": "2026-11-17"}, "today": "2026-11-18",'
        ' "reminder": "morning", "include_past": true}'
    )
    cal = icalendar.Calendar.from_ical(json.loads(answer)["ics"])
    times = [alarm_time(e) for e in cal.walk("VEVENT")]
    assert times and all(t is not None and t.hour in (0, 8) for t in times)


FILENAME_ROWS = [
    ({}, "after-the-interview-2026-11-17.ics"),
    ({"company": "Acme", "role": "Data analyst"}, "after-the-interview-acme-data-analyst-2026-11-17.ics"),
    ({"company": "Café Müller & Söhne"}, "after-the-interview-cafe-muller-sohne-2026-11-17.ics"),
    ({"role": "  Senior / Lead   engineer "}, "after-the-interview-senior-lead-engineer-2026-11-17.ics"),
    ({"company": "東京"}, "after-the-interview-2026-11-17.ics"),  # nothing left in ASCII
]


def test_file_name_comes_from_the_plans_name_and_date() -> None:
    for extra, expected in FILENAME_ROWS:
        inp = parse_input({"interview_date": "2026-11-17", **extra}, TODAY)
        assert filename(inp) == expected, extra
        assert filename(inp).isascii() and "/" not in filename(inp)


def test_the_calendar_is_named_for_the_plan() -> None:
    inp, timeline = planned()
    cal = icalendar.Calendar.from_ical(calendar_bytes(timeline.steps, inp, stamp=STAMP))
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"])
    assert str(cal["NAME"]) == "After the interview: Data analyst at Acme, 17 Nov 2026"
    bare = parse_input({"interview_date": "2026-11-17"}, TODAY)
    cal = icalendar.Calendar.from_ical(calendar_bytes([], bare, stamp=STAMP))
    assert str(cal["X-WR-CALNAME"]) == "After the interview on 17 Nov 2026"


def uids(raw: dict[str, Any]) -> list[str]:
    inp, timeline = planned(raw)
    found = [str(e["UID"]) for e in events_of(calendar_bytes(timeline.steps, inp, stamp=STAMP))]
    assert len(set(found)) == len(found)
    return found


NO_COMPANY = {"interview_date": "2026-11-17", "decision_by": "2026-11-27"}


def test_two_different_plans_never_share_a_uid() -> None:
    # The case: the same interview date and no company, other people.
    pairs = [
        ({**NO_COMPANY, "interviewers": [{"name": "Ana Diaz"}]},
         {**NO_COMPANY, "interviewers": [{"name": "Bo Li"}]}),
        ({**NO_COMPANY, "role": "Data analyst"}, {**NO_COMPANY, "role": "Designer"}),
        ({**RAW, "candidate": "Sam Lee"}, {**RAW, "candidate": "Kim Roe"}),  # a coach's clients
        (RAW, {**RAW, "company": "Northwind"}),
        (RAW, {**RAW, "interview_date": "2026-11-18"}),
    ]
    for first, second in pairs:
        assert not set(uids(first)) & set(uids(second)), (first, second)


def test_the_same_plan_keeps_its_uids_when_its_details_change() -> None:
    # Re-importing an updated plan must update its events, not add a second copy.
    before = uids(RAW)
    for edit in (
        {"decision_by": "2026-11-30"},
        {"interviewers": [{"name": "Ana Diaz", "email": "ana.diaz@acme.example"}]},
        {"company": " acme ", "role": "Data  Analyst"},  # the same names, typed differently
        {"interview_start": "14:00", "interview_end": "15:00"},
    ):
        after = uids({**RAW, **edit})
        assert set(before) & set(after), edit
        shared = {u.split(".", 1)[0] for u in before} & {u.split(".", 1)[0] for u in after}
        for step_id in shared:
            (a,) = [u for u in before if u.startswith(step_id + ".")]
            (b,) = [u for u in after if u.startswith(step_id + ".")]
            assert a == b, edit
    assert uids(RAW) == before  # and the same form gives the same file


def test_outlook_link_has_the_step_dates() -> None:
    _, timeline = planned()
    for step in timeline.steps:
        url = outlook_calendar_url(step, "https://example.org/")
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc, parts.path) == (
            "https", "outlook.live.com", "/calendar/0/deeplink/compose",
        )
        assert "+" not in parts.query  # Outlook shows a '+' as a plus: spaces are %20
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert query["path"] == "/calendar/action/compose" and query["rru"] == "addevent"
        assert query["subject"].startswith(step.title)
        assert f"https://example.org/{step.guide}" in query["body"]
        if step.window:
            assert query["allday"] == "false"
            assert query["startdt"] == f"{step.date:%Y-%m-%d}T{step.window.start:%H:%M:%S}"
            assert query["enddt"] == f"{step.date:%Y-%m-%d}T{step.window.end:%H:%M:%S}"
        else:
            assert query["allday"] == "true"
            assert query["startdt"] == f"{step.date:%Y-%m-%d}"
            assert query["enddt"] == f"{step.date + dt.timedelta(days=1):%Y-%m-%d}"
