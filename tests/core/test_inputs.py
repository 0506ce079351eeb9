"""Inputs that cannot break the planner: any date from year 1 to 9999, any Unicode text.

Every entry point (the planner's JSON entry point, the browser's request handler and the
command line) answers with a plan or with errors on named fields, never an exception; nothing
it writes carries a broken (lone surrogate) character or an invisible bidirectional control
that could make a title, a draft or a calendar entry read differently from what it says.

Standard library, pytest and hypothesis only: this file also runs inside Pyodide (Node), with
a tenth of the examples there (the full count runs in CPython in the same test command).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planner import web
from planner.api import plan_dict
from planner.cli import main
from planner.parse import BIDI, SURROGATE

from .conftest import examples

# Any character at all, lone surrogates included, and the ones that have broken text before.
any_char = st.characters(blacklist_categories=())
tricky = st.sampled_from([
    "\u202eevil\u202c", "\u2067Ana\u2069", "\u200fDana\u200e", "\u061c", "e\u0301", "\u0301",
    "\ud800", "Ana\udcff", "\ufeff", "\u200d", "\u0645\u0631\u062d\u0628\u0627", "\U0001f600",
    "\u2028", "Ana Díaz", "", " ",
])
any_text = st.one_of(st.text(any_char, max_size=20), tricky, st.lists(tricky, max_size=3).map("".join))
any_date = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
day_names = st.sampled_from([0, 1, 2, 3, 4, 5, 6, "mon", "sun", "Wed", "x", -1, 7, True])


@st.composite
def forms(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    interview = draw(any_date)
    offset = draw(st.integers(-400, 400))
    today = dt.date.fromordinal(min(max(interview.toordinal() + offset, 1),
                                    dt.date.max.toordinal()))
    form: dict[str, Any] = {
        "interview_date": draw(st.one_of(st.just(interview.isoformat()), any_text)),
        "company": draw(any_text),
        "role": draw(any_text),
        "candidate": draw(any_text),
        "recruiter": draw(any_text),
        "interviewers": draw(st.lists(st.fixed_dictionaries(
            {"name": any_text}, optional={"title": any_text, "email": any_text}), max_size=4)),
        "references": draw(st.lists(any_text, max_size=3)),
        "working_days": draw(st.lists(day_names, max_size=7)),
        "employer_days": draw(st.lists(day_names, max_size=7)),
        "country": draw(st.sampled_from(["", "", "", "GB", "US", "ZZ", "gb"])),
    }
    decision = draw(st.sampled_from(["none", "by", "within", "end_of_week"]))
    if decision == "by":
        form["decision_by"] = draw(any_date).isoformat()
    elif decision == "within":
        form["decision_within"] = draw(st.one_of(
            st.integers(1, 400).map(lambda n: f"{n}d"), st.integers(1, 60).map(lambda n: f"{n}w"),
            any_text))
    elif decision == "end_of_week":
        form["decision_end_of_week"] = True
    return form, today


def strings_in(value: Any) -> list[str]:
    """Every string a JSON-like answer holds, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*strings_in(k), *strings_in(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def assert_clean(answer: Any) -> None:
    """Writable as UTF-8, with no invisible reordering marks in anything the reader sees."""
    for text in strings_in(answer):
        assert not SURROGATE.search(text), text
        assert not BIDI.search(text), text
    json.dumps(answer, ensure_ascii=False).encode("utf-8")


@examples(4000)
@given(forms())
def test_the_json_entry_point_gives_a_plan_or_field_errors(form_and_today: Any) -> None:
    form, today = form_and_today
    result = plan_dict(form, today)
    assert set(result) in ({"errors"}, {"steps", "warnings"}), result
    for error in result.get("errors", []):
        assert error["field"] and error["message"]
    assert_clean(result)


@examples(2000)
@given(forms(), st.sampled_from(["plan", "ics"]))
def test_the_browser_entry_point_never_fails_inside(form_and_today: Any, op: str) -> None:
    form, today = form_and_today
    request = {"op": op, "raw": form, "today": today.isoformat(), "site": "http://x.example/"}
    with contextlib.redirect_stderr(io.StringIO()) as err:
        answer = json.loads(web.handle(json.dumps(request)))
    for error in answer.get("errors", []):
        assert error["field"], (request, error, err.getvalue())  # no catch-all answer
    assert_clean({k: v for k, v in answer.items() if k != "share"})


# Arguments as the shell hands them over: text, and bytes that are not UTF-8 (which Python
# passes on as lone surrogates, the way os.fsdecode does).
raw_bytes = st.binary(max_size=12).map(os.fsdecode)
argument = st.one_of(any_text, raw_bytes, st.sampled_from([
    "--interview", "--decision-within", "--decision-by", "--interviewer", "--interviewer-title",
    "--reference", "--company", "--working-days", "--employer-days", "--today", "--format",
    "json", "text", "2026-11-17", "9999-12-30", "0001-01-01", "2w", "Ana <a@b.co>", "--country",
    "GB", "sun,thu", "--decision-end-of-week",
]))


@examples(2000)
@given(st.lists(argument, max_size=12))
def test_the_command_line_exits_cleanly_and_writes_only_valid_text(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
    assert code in (0, 2), err.getvalue()
    for text in (out.getvalue(), err.getvalue()):
        text.encode("utf-8")  # a lone surrogate here is a crash on a real terminal
        assert "Traceback" not in text


def test_a_plan_near_the_end_of_the_calendar_is_refused_on_the_interview_date() -> None:
    result = plan_dict({"interview_date": "9999-12-30"}, dt.date(9999, 12, 31))
    assert result["errors"][0]["field"] == "interview_date"
    assert "end of the calendar" in result["errors"][0]["message"]


def test_a_plan_in_year_one_works() -> None:
    result = plan_dict({"interview_date": "0001-01-02"}, dt.date(1, 1, 2))
    assert result["steps"][0]["date"] == "0001-01-02"


def test_bidirectional_controls_never_reach_titles_or_drafts() -> None:
    name = "\u202eAna\u202c"
    answer = json.loads(web.handle(json.dumps({
        "op": "plan", "today": "2026-11-22",
        "raw": {"interview_date": "2026-11-17", "interviewers": [{"name": name}],
                "company": "\u2067Acme\u2069"},
    })))
    thank_you = next(s for s in answer["steps"] if s["kind"] == "thank_you")
    assert thank_you["title"].endswith("to Ana")
    assert "Acme" in json.dumps(answer, ensure_ascii=False)
    assert_clean({k: v for k, v in answer.items() if k != "share"})
