"""Properties that hold for any valid input, and a fuzz of the public entry points."""

import datetime as dt
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.api import plan_dict
from planner.cli import main
from planner.holiday_calendar import public_holidays
from planner.parse import FIELDS, name_key
from planner.rules import BY_ID, MAX_FOLLOW_UPS
from planner.timing import Place
from planner.workdays import WorkCalendar

from .conftest import TODAY, examples

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
days_from_today = st.integers(min_value=-180, max_value=180)


@st.composite
def valid_forms(draw):
    interview = TODAY + dt.timedelta(days=draw(days_from_today))
    form = {
        "interview_date": interview.isoformat(),
        "interviewers": draw(st.lists(st.fixed_dictionaries(
            {"name": names}, optional={"email": st.just("someone@example.com"), "title": names}
        ), max_size=5, unique_by=lambda person: name_key(person["name"]))),
        "references": draw(st.lists(names, max_size=4, unique_by=name_key)),
        "recruiter": draw(st.one_of(st.none(), names)),
        "format": draw(st.sampled_from(["in_person", "video", "phone"])),
        "round": draw(st.sampled_from(["first", "later", "final"])),
        "contact": draw(st.sampled_from(["any", "email", "phone", "wait"])),
        "thanks": draw(st.sampled_from(["email", "letter", "card", "email+card"])),
        "thanks_timing": draw(st.sampled_from(["same-day", "next-day", "two-days"])),
        "after_promise": draw(st.sampled_from(["next-day", "one-week"])),
        "short_promise": draw(st.sampled_from(["wait", "early"])),
        "working_days": sorted(draw(st.sets(st.integers(0, 6), min_size=1))),
        "employer_days": sorted(draw(st.sets(st.integers(0, 6), min_size=1))),
        "country": draw(st.sampled_from([None, None, None, None, "GB"])),
    }
    decision = draw(st.sampled_from(["none", "by", "within_d", "within_w", "end_of_week"]))
    if decision == "by":
        form["decision_by"] = (interview + dt.timedelta(days=draw(st.integers(0, 366)))).isoformat()
    elif decision == "within_d":
        form["decision_within"] = f"{draw(st.integers(1, 364))}d"
    elif decision == "within_w":
        form["decision_within"] = f"{draw(st.integers(1, 52))}w"
    elif decision == "end_of_week":
        form["decision_end_of_week"] = True
    if draw(st.booleans()):
        start = draw(st.integers(0, 22 * 60))
        end = draw(st.integers(start + 1, 23 * 60 + 59))
        form["interview_start"] = f"{start // 60:02d}:{start % 60:02d}"
        form["interview_end"] = f"{end // 60:02d}:{end % 60:02d}"
    return form


def calendars_for(form):
    """The reader's calendar, and the days a step that reaches the employer may land on."""
    holidays = frozenset()
    if form["country"]:
        year = dt.date.fromisoformat(form["interview_date"]).year
        holidays = public_holidays(form["country"], range(year, year + 3))
    reader = WorkCalendar(frozenset(form["working_days"]), holidays)
    shared = reader.shared_with(WorkCalendar(frozenset(form["employer_days"]), holidays))
    return reader, (shared if shared.weekdays else reader)


@examples(1500)
@given(valid_forms(), days_from_today)
def test_any_valid_form_gives_a_sound_timeline(form, offset):
    result = plan_dict(form, TODAY + dt.timedelta(days=offset))
    assert "errors" not in result, result
    steps = result["steps"]
    interview = form["interview_date"]
    reader, shared = calendars_for(form)
    step_dates = [s["date"] for s in steps]

    assert step_dates == sorted(step_dates)  # in order
    assert min(step_dates) >= interview  # nothing before the interview
    for step in steps:
        # A step lands on a day the reader works (one that reaches the employer: a day both
        # work), except the interview day's own steps and the day they promised, a fact.
        day = dt.date.fromisoformat(step["date"])
        place = BY_ID[step["rule"]].timing.place
        if step["date"] != interview and place is not Place.FIXED:
            assert (shared if place is Place.SHARED else reader).is_working(day), step
    follow_ups = [s for s in steps if s["kind"] == "follow_up"]
    assert 1 <= len(follow_ups) <= MAX_FOLLOW_UPS
    promised = [s["date"] for s in steps if s["kind"] == "decision_due"]
    for step in follow_ups:  # 002: no chasing before their date, but for 001's early call
        if promised and step["rule"] != "follow_up_short_early":
            assert step["date"] >= promised[0]
        if step["rule"] == "follow_up_short_early" and step is follow_ups[0]:
            assert step["date"] < promised[0]  # early means before the decision day
    (stop,) = [s["date"] for s in steps if s["kind"] == "stop_chasing"]
    assert stop > follow_ups[-1]["date"]  # the last follow-up gets time to be answered
    thanked = [s["to"] for s in steps if s["kind"] == "thank_you"]
    expected = [unicodedata.normalize("NFC", p["name"]).strip() for p in form["interviewers"]]
    expected = expected or [None]
    assert sorted(thanked, key=str) == sorted(expected, key=str)  # one each
    assert len({s["id"] for s in steps}) == len(steps)
    assert sum(s["status"] == "today" for s in steps) == sum(
        s["date"] == (TODAY + dt.timedelta(days=offset)).isoformat() for s in steps
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)
plausible = {
    "interview_date": st.sampled_from(["2026-11-17", "2026-02-30", "", "2026-11-17T10:00"]),
    "decision_within": st.from_regex(r"\A\d{0,4}\s?[dwx]?\Z"),
    "interviewers": st.lists(st.dictionaries(st.sampled_from(["name", "email", "title", "x"]),
                                             json_values, max_size=3), max_size=3),
}


@st.composite
def hostile_forms(draw):
    keys = draw(st.lists(st.sampled_from(sorted(FIELDS)) | st.text(max_size=10), max_size=10))
    form = {k: draw(plausible[k] | json_values) if k in plausible else draw(json_values)
            for k in keys}
    if draw(st.booleans()):
        form.setdefault("interview_date", "2026-11-17")
    return form


@settings(max_examples=1000, deadline=None)
@given(st.one_of(hostile_forms(), json_values))
def test_any_input_gives_errors_or_a_timeline_never_an_exception(form):
    result = plan_dict(form, TODAY)
    assert set(result) in ({"errors"}, {"steps", "warnings"})
    for error in result.get("errors", []):
        assert error["field"] and error["message"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["--interview", "--decision-within", "--interviewer", "--thanks",
                                 "--today", "--format", "json", "text", "2026-11-17", "2w", "0w",
                                 "Ana <a@b.co>", "<>", "--country", "GB", "--reference", ""])
                | st.text(max_size=12), max_size=10))
def test_the_command_line_exits_cleanly_on_any_arguments(argv):
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    assert code in (0, 2)
