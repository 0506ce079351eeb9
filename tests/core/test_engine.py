"""Scenarios: each expected date is worked out by hand from the article sentence cited beside it.

The calendar: 2026-11-17 is a Tuesday; weekends are off unless a row says otherwise.
"""

import datetime as dt

import pytest

from planner.engine import make_plan
from planner.model import Kind, PlanInput
from planner.rules import BY_ID

from .conftest import dates, plan

SCENARIOS = [
    # (name, input, rule or kind, expected dates, where the dates come from)
    ("no date: first follow-up after 5 working days, then the same gap",
     {}, "follow_up", ["2026-11-24", "2026-12-01"],
     "000: 'about 4-5 working days after the interview ... about the same period for each "
     "follow-up'; 001: 'wait about a week'"),
    ("no date: stop chasing once the last follow-up has had a working week to be answered",
     {}, "stop_chasing", ["2026-12-08"],
     "002: 'Don't reach out for job interview feedback more than twice'; the week to answer is "
     "the planner's choice (issue 16: it fell on the day after the last follow-up)"),
    ("a promised date: follow up the working day after it (Fri 27th -> Mon 30th)",
     {"decision_by": "2026-11-27"}, "follow_up", ["2026-11-30", "2026-12-07"],
     "000: 'follow up with a phone call the day after that date'"),
    ("a promised date falls on the decision_due step",
     {"decision_by": "2026-11-27"}, "decision_due", ["2026-11-27"],
     "002: 'when you can start to follow up if you have not heard anything'"),
    ("a promise on a Saturday stays on the Saturday they named",
     {"decision_by": "2026-11-28"}, "decision_due", ["2026-11-28"],
     "000: 'if they gave you a date when they would contact you': the date is theirs, a fact "
     "and not a task (issue 16: it moved to the Friday and read 'by today')"),
    ("a promise on a Saturday: the first follow-up is the Monday after it",
     {"decision_by": "2026-11-28"}, "follow_up", ["2026-11-30", "2026-12-07"],
     "000: 'follow up with a phone call the day after that date', on a working day"),
    ("two weeks, with one week's grace: three weeks after the interview",
     {"decision_within": "2w", "after_promise": "one-week"}, "follow_up",
     ["2026-12-08", "2026-12-15"],
     "004: 'If she says two weeks, if you haven't heard any response three weeks later'"),
    ("two weeks, default: the working day after the promise",
     {"decision_within": "2w"}, "follow_up", ["2026-12-02", "2026-12-09"],
     "002: 'wait for two weeks and follow up'; 000: 'the day after that date'"),
    ("within a week, early: after a couple of days, then after the promise",
     {"decision_within": "1w", "short_promise": "early"}, "follow_up",
     ["2026-11-19", "2026-11-25"],
     "001: 'within the next week ... follow up more quickly, probably after a couple of days'"),
    ("within a week, default: no calls after a couple of days",
     {"decision_within": "1w"}, "follow_up", ["2026-11-25", "2026-12-02"],
     "002: 'told the decision will be made in a week ... not appreciate phone calls ... after a "
     "couple of days'"),
    ("end of the week: Friday morning, then Friday afternoon",
     {"decision_end_of_week": True}, "follow_up", ["2026-11-20", "2026-11-20"],
     "003: 'call once in the morning on Friday, and once in the afternoon'"),
    ("end of the week, interview on the Friday: the following Friday",
     {"interview_date": "2026-11-20", "decision_end_of_week": True}, "follow_up",
     ["2026-11-27", "2026-11-27"],
     "003: the week's last working day; the interview day itself cannot be 'the end'"),
    ("end of the week, an employer closed on Fridays: Thursday is the week's end",
     {"decision_end_of_week": True, "working_days": [0, 1, 2, 3], "employer_days": [0, 1, 2, 3]},
     "follow_up", ["2026-11-19", "2026-11-19"],
     "003: 'by the end of the week', read as the employer's last working day"),
    ("end of the week, Friday a public holiday (Good Friday in GB): Thursday",
     {"interview_date": "2027-03-23", "decision_end_of_week": True, "country": "GB"},
     "follow_up", ["2027-03-25", "2027-03-25"],
     "003: 'by the end of the week': the employer's last working day of it"),
    ("asked to wait, no date: two working weeks, then one more",
     {"contact": "wait"}, "follow_up", ["2026-12-01", "2026-12-08"],
     "002: 'Follow the instructions that you've been given'; 001: 'do not wait for the "
     "interviewer to contact you'"),
    ("thanks the next working day (default)",
     {}, "thank_you", ["2026-11-18"],
     "000: 'a good time to write a thank you response is the day after the interview'; 001: "
     "'within 24 hours'"),
    ("thanks after a Friday interview: Monday",
     {"interview_date": "2026-11-20"}, "thank_you", ["2026-11-23"],
     "000: 'the day after the interview', moved to the next working day"),
    ("thanks the same day",
     {"thanks_timing": "same-day"}, "thank_you", ["2026-11-17"],
     "003: 'When you first get home, write a thank-you letter'"),
    ("thanks after two days",
     {"thanks_timing": "two-days"}, "thank_you", ["2026-11-19"],
     "002: 'After a couple of days, it's a good idea to send a thank you email'"),
    ("a panel: one thank-you each",
     {"interviewers": [{"name": "Ana"}, {"name": "Bo"}, {"name": "Cy"}]}, "thank_you",
     ["2026-11-18"] * 3,
     "001: 'write individual letters to each person who interviewed you'"),
    ("recruiter: debrief call on the interview day",
     {"recruiter": "Jo"}, "recruiter_debrief", ["2026-11-17"],
     "001: 'call the recruiter immediately after the interview to give feedback'"),
    ("notes on the interview day",
     {}, "notes", ["2026-11-17"],
     "001: 'Make notes about the interview straight after you are finished'"),
    ("references briefed the next working day, one step each",
     {"references": ["Pat", "Lee"]}, "brief_references", ["2026-11-18", "2026-11-18"],
     "001: 'Let your references know that they will probably be contacted soon'"),
    ("final round: no next-round preparation",
     {"round": "final"}, "prepare_next_round", [],
     "002: notes help 'if you're offered a second interview'"),
    ("check-ins two working weeks apart after you stop chasing",
     {}, "check_in", ["2026-12-22", "2027-01-05"],
     "004: 'If the process goes on longer than expected, check in periodically'; the two "
     "working weeks are the planner's choice"),
    # --- issue 16: the reader's week and the employer's -----------------------------------
    ("a decision due on the interview day and thanks after two days: no chasing before thanks",
     {"decision_by": "2026-11-17", "thanks_timing": "two-days"}, "follow_up",
     ["2026-11-20", "2026-11-27"],
     "002: 'After a couple of days, it's a good idea to send a thank you email'; 001: 'Use "
     "this follow up call or email to thank them again', so the thanks come first"),
    ("early chosen, but the thank-you and a Monday-only reader leave no room before the date",
     {"interview_date": "2026-11-24", "thanks_timing": "two-days", "working_days": [0],
      "employer_days": [0, 2], "decision_within": "1w", "short_promise": "early"},
     "follow_up", ["2026-12-07", "2026-12-28"],
     "001: 'follow up more quickly, probably after a couple of days' must come before their "
     "date; the thank-you (Mon 30th) comes first, so 000's 'the day after that date' applies"),
    ("email then card: the card goes out on the interview day, to arrive within 48 hours",
     {"thanks": "email+card", "interviewers": [{"name": "Ana"}]}, "thank_you_card",
     ["2026-11-17"],
     "004: 'get the note in the hands of everyone who interviewed you within 48 hours'"),
    ("end of the week, a Sunday-to-Thursday employer: Thursday is the week's end",
     {"decision_end_of_week": True, "working_days": ["sun", "mon", "tue", "wed", "thu"],
      "employer_days": ["sun", "mon", "tue", "wed", "thu"]}, "follow_up",
     ["2026-11-19", "2026-11-19"],
     "003: 'If they say they should have a decision by the end of the week, call once in the "
     "morning ... and once in the afternoon' (it gave the Sunday of the next week)"),
    ("end of the week, a Sunday-to-Thursday employer: the decision is due on Thursday",
     {"decision_end_of_week": True, "working_days": ["sun", "mon", "tue", "wed", "thu"],
      "employer_days": ["sun", "mon", "tue", "wed", "thu"]}, "decision_due", ["2026-11-19"],
     "003: 'they should have a decision by the end of the week'"),
    ("end of the week, a Sunday-to-Thursday reader and a Monday-to-Friday employer",
     {"decision_end_of_week": True, "working_days": ["sun", "mon", "tue", "wed", "thu"]},
     "follow_up", ["2026-11-23", "2026-11-23"],
     "003: the calls come after their Friday, on the first day you both work (Monday), never "
     "on the Sunday when no one is there to answer"),
    ("a two-day promise leaves no room to be early: the follow-ups come after it",
     {"decision_within": "2d", "short_promise": "early"}, "follow_up",
     ["2026-11-20", "2026-11-27"],
     "001: 'follow up more quickly, probably after a couple of days' only makes sense before "
     "the decision day; 000: 'the day after that date' (it put one on the decision day itself)"),
    ("a reader who works only on Wednesdays: the waits count the employer's working days",
     {"interview_date": "2026-11-18", "working_days": ["wed"]}, "follow_up",
     ["2026-11-25", "2026-12-02"],
     "000: 'about 4-5 working days after the interview ... about the same period for each "
     "follow-up': the employer's working days (they came five and ten weeks out)"),
    ("a reader who works only on Wednesdays: the thank-you goes out on the interview day",
     {"interview_date": "2026-11-18", "working_days": ["wed"]}, "thank_you", ["2026-11-18"],
     "004: 'get the note in the hands of everyone who interviewed you within 48 hours'; 003: "
     "'When you first get home, write a thank-you letter' (it went out a week late)"),
    ("a Saturday-only reader and a Monday-to-Friday employer share no day: the reader's days",
     {"working_days": ["sat"]}, "follow_up", ["2026-11-28", "2026-12-05"],
     "000: '4-5 working days' counted in the employer's days (Tue 24th), then the reader's "
     "next day"),
    ("Christmas in GB: five working days skip the 25th, the 28th and 1 January",
     {"interview_date": "2026-12-23", "country": "GB"}, "follow_up",
     ["2027-01-04", "2027-01-11"],
     "000: '4-5 working days'; 24, 29, 30, 31 Dec and 4 Jan are the five working days"),
]


@pytest.mark.parametrize(("name", "raw", "rule", "expected", "source"), SCENARIOS,
                         ids=[s[0] for s in SCENARIOS])
def test_scenario_dates(name, raw, rule, expected, source):
    assert dates(plan(**raw), rule) == expected, source


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ({}, "follow_up_no_date"),
        ({"decision_by": "2026-11-27"}, "follow_up_after_date"),
        ({"decision_within": "3w", "after_promise": "one-week"}, "follow_up_week_after_date"),
        ({"decision_within": "5d", "short_promise": "early"}, "follow_up_short_early"),
        ({"decision_end_of_week": True}, "follow_up_end_of_week"),
        ({"contact": "wait"}, "follow_up_when_asked_to_wait"),
        # They asked you to wait: the early option and Friday calls give way to one email
        # after their date.
        ({"contact": "wait", "decision_within": "5d", "short_promise": "early"},
         "follow_up_after_date"),
        ({"contact": "wait", "decision_end_of_week": True}, "follow_up_after_date"),
        # A promise one day out leaves no room to be early: the date rule applies.
        ({"decision_within": "1d", "short_promise": "early"}, "follow_up_after_date"),
    ],
)
def test_which_follow_up_rule_applies(raw, rule):
    follow_ups = [s for s in plan(**raw)["steps"] if s["kind"] == "follow_up"]
    assert {s["rule"] for s in follow_ups} == {rule}
    assert follow_ups[0]["sources"] == list(BY_ID[rule].sources)


@pytest.mark.parametrize(
    ("raw", "to", "channel"),
    [
        ({"recruiter": "Jo", "interviewers": [{"name": "Ana"}]}, "Jo", "phone_or_email"),
        ({"interviewers": [{"name": "Ana", "email": "ana@x.example"}]}, "Ana", "phone_or_email"),
        ({"contact": "email"}, None, "email"),
        ({"contact": "phone"}, None, "phone"),
        ({"contact": "wait"}, None, "email"),
        ({"decision_end_of_week": True}, None, "phone"),
    ],
)
def test_follow_ups_go_to_the_right_person_by_the_asked_channel(raw, to, channel):
    follow_ups = [s for s in plan(**raw)["steps"] if s["kind"] == "follow_up"]
    assert [(s["to"], s["channel"]) for s in follow_ups] == [(to, channel)] * 2


@pytest.mark.parametrize(
    ("thanks", "kinds_and_channels"),
    [
        ("email", [("thank_you", "email")]),
        ("letter", [("thank_you", "post")]),
        ("card", [("thank_you", "post")]),
        # The card is posted on the interview day to arrive within 004's 48 hours.
        ("email+card", [("thank_you_card", "post"), ("thank_you", "email")]),
    ],
)
def test_thanks_method_sets_channel(thanks, kinds_and_channels):
    steps = plan(thanks=thanks, interviewers=[{"name": "Ana"}])["steps"]
    got = [(s["kind"], s["channel"]) for s in steps if s["kind"].startswith("thank_you")]
    assert got == kinds_and_channels


def test_thank_you_steps_name_each_interviewer_with_their_email():
    people = [{"name": "Ana Diaz", "email": "ana@acme.example"}, {"name": "Bo Li"}]
    steps = [s for s in plan(interviewers=people)["steps"] if s["kind"] == "thank_you"]
    assert [(s["to"], s["email"]) for s in steps] == [("Ana Diaz", "ana@acme.example"),
                                                     ("Bo Li", None)]
    assert all("personal" in s["title"] for s in steps)  # a panel gets individual notes


def test_interview_times_give_the_first_hours_a_window():
    result = plan(interview_start="10:00", interview_end="11:15", recruiter="Jo")
    windows = {s["kind"]: s["time"] for s in result["steps"] if s["date"] == "2026-11-17"}
    assert windows["ask_next_steps"] == {"start": "10:00", "end": "11:15"}
    assert windows["notes"] == {"start": "11:15", "end": "12:15"}
    assert windows["recruiter_debrief"] == {"start": "11:15", "end": "12:15"}


def test_a_late_interview_window_stops_at_midnight():
    result = plan(interview_start="22:00", interview_end="23:30")
    notes = next(s for s in result["steps"] if s["kind"] == "notes")
    assert notes["time"] == {"start": "23:30", "end": "23:59"}


def test_end_of_week_calls_are_morning_then_afternoon():
    calls = [s["time"] for s in plan(decision_end_of_week=True)["steps"] if s["kind"] == "follow_up"]
    assert calls == [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # (today, statuses of thank_you (18th), network (19th), follow_up #1 (24th))
        (dt.date(2026, 11, 16), ("upcoming", "upcoming", "upcoming")),
        (dt.date(2026, 11, 18), ("today", "next", "upcoming")),
        (dt.date(2026, 11, 22), ("past", "past", "upcoming")),
        (dt.date(2026, 11, 24), ("past", "past", "today")),
    ],
)
def test_status_follows_today_but_dates_do_not(today, expected):
    people = [{"name": "Ana"}]
    result = plan(today=today, interviewers=people)
    by_kind = {}
    for step in result["steps"]:
        by_kind.setdefault(step["kind"], step)
    got = tuple(by_kind[k]["status"] for k in ("thank_you", "network", "follow_up"))
    assert got == expected
    other_day = plan(interviewers=people)["steps"]  # same dates on any day: only status differs
    assert [{**s, "status": None} for s in result["steps"]] == [
        {**s, "status": None} for s in other_day
    ]


def test_the_first_date_after_today_is_next():
    result = plan(today=dt.date(2026, 11, 22))
    nexts = {s["date"] for s in result["steps"] if s["status"] == "next"}
    assert nexts == {"2026-11-23"}


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ({"interview_date": "2026-11-22"}, "not a working day"),  # a Sunday
        ({}, "Add your interviewers"),
        ({"contact": "wait", "short_promise": "early", "decision_within": "5d"}, "wait for them"),
        ({"decision_within": "3w", "short_promise": "early"}, "early follow-up only applies"),
        ({"contact": "wait", "decision_end_of_week": True}, "instead of two calls"),
    ],
)
def test_warnings_explain_what_the_plan_did_with_the_input(raw, needle):
    assert any(needle in w for w in plan(**raw)["warnings"])


def test_make_plan_is_the_pure_entry_point():
    inp = PlanInput(interview_date=dt.date(2026, 11, 17))
    first, second = make_plan(inp), make_plan(inp)
    assert first == second
    assert first.steps[0].kind is Kind.ASK_NEXT_STEPS
