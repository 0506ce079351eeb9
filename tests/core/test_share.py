"""Share links: the form survives the trip through a URL fragment, and bad links fail clearly.

Standard library only (also runs inside Pyodide)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import zlib
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planner import share
from planner.api import plan_dict

FULL: dict[str, Any] = {
    "interview_date": "2026-11-17",
    "interview_start": "10:00",
    "interview_end": "11:00",
    "format": "video",
    "round": "final",
    "company": "Acme",
    "role": "Data analyst",
    "candidate": "Sam Lee",
    "interviewers": [
        {"name": "Ana Díaz", "title": "Head of Data", "email": "ana@acme.example"},
        {"name": "Bo Li", "title": "", "email": ""},
    ],
    "recruiter": "Jo at TalentCo",
    "decision_by": "2026-11-27",
    "decision_within": "",
    "decision_end_of_week": False,
    "contact": "email",
    "thanks": "email+card",
    "thanks_timing": "same-day",
    "after_promise": "one-week",
    "short_promise": "early",
    "references": ["Pat Kim", "Lou Reed"],
    "working_days": [0, 1, 2, 3],
    "employer_days": [0, 1, 2, 3, 4],
    "country": "",
}


def _pack(obj: Any, version: int = share.VERSION) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(json.dumps(obj).encode()) + packer.flush()
    return f"#p={version}." + base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_round_trip_gives_the_same_plan_to_whoever_opens_the_link() -> None:
    link = share.fragment(FULL)
    opened = share.decode(link)
    assert opened.problems == ()
    # The receiver's "today" differs from the sender's: dates must not.
    sender = plan_dict(FULL, dt.date(2026, 11, 18))
    receiver = plan_dict(opened.raw, dt.date(2027, 3, 1))
    assert "steps" in sender
    assert [(s["id"], s["date"], s["time"], s["title"]) for s in receiver["steps"]] == [
        (s["id"], s["date"], s["time"], s["title"]) for s in sender["steps"]
    ]


def test_every_filled_field_comes_back_and_blanks_stay_blank() -> None:
    raw = share.decode(share.encode(FULL)).raw
    for key, value in FULL.items():
        if value in ("", False, None):
            assert key not in raw or raw[key] in ("", False), key
        else:
            assert raw[key] == value, key


def test_link_is_url_safe_versioned_and_short() -> None:
    link = share.fragment(FULL)
    assert re.fullmatch(r"#p=1\.[A-Za-z0-9_-]+", link)
    assert len(link) < 500  # a full form with two interviewers and two references


def test_decode_accepts_the_fragment_with_or_without_its_prefix() -> None:
    code = share.encode(FULL)
    assert share.decode("#p=" + code).raw == share.decode("p=" + code).raw == share.decode(code).raw


def test_a_newer_format_is_named_and_nothing_is_guessed() -> None:
    decoded = share.decode(_pack({"d": "2026-11-17"}, version=2))
    assert decoded.raw == {}
    assert "format 2" in decoded.problems[0]
    assert "newer version" in decoded.problems[0]


def test_garbage_says_the_link_is_damaged() -> None:
    # "²." and "١." are digits to str.isdigit() but not format numbers: they raised.
    for junk in ("#p=1.@@@!!", "#p=1.AAAA", "#p=hello", "#p=", "#p=1." + "A" * 20_000, "².",
                 "#p=\u0661.AAAA"):
        decoded = share.decode(junk)
        assert decoded.raw == {}, junk
        assert decoded.problems, junk
        assert "Traceback" not in decoded.problems[0]


def test_a_link_cut_short_says_so() -> None:
    link = share.fragment(FULL)
    decoded = share.decode(link[: len(link) // 2])
    assert decoded.raw == {}
    assert "could not be read" in decoded.problems[0]


def test_an_unreadable_field_is_dropped_and_the_rest_kept() -> None:
    decoded = share.decode(
        _pack({"d": "2026-11-17", "c": "Acme", "i": "not a list", "wd": [0, 9], "zz": 1})
    )
    assert decoded.raw == {"interview_date": "2026-11-17", "company": "Acme"}
    (problem,) = decoded.problems
    assert "interviewers" in problem and "working days" in problem


def test_a_choice_the_form_does_not_offer_is_dropped_and_named() -> None:
    decoded = share.decode(_pack({"d": "2026-11-17", "tt": "whenever", "f": "video"}))
    assert decoded.raw == {"interview_date": "2026-11-17", "format": "video"}
    (problem,) = decoded.problems
    assert "when to thank" in problem


def test_a_non_form_payload_is_refused() -> None:
    assert share.decode(_pack([1, 2, 3])).problems


def test_decompression_bomb_is_refused() -> None:
    decoded = share.decode(_pack({"c": "x" * 1_000_000}))
    assert decoded.raw == {}
    assert decoded.problems


text = st.text(max_size=30)
person = st.fixed_dictionaries({"name": text, "title": text, "email": text})


@given(
    company=text,
    candidate=text,
    interviewers=st.lists(person, max_size=4),
    references=st.lists(text, max_size=3),
    days=st.lists(st.integers(0, 6), unique=True),
    end_of_week=st.booleans(),
)
def test_any_form_round_trips(
    company: str,
    candidate: str,
    interviewers: list[dict[str, str]],
    references: list[str],
    days: list[int],
    end_of_week: bool,
) -> None:
    raw = {
        "interview_date": "2026-11-17",
        "company": company,
        "candidate": candidate,
        "interviewers": interviewers,
        "references": references,
        "working_days": days,
        "decision_end_of_week": end_of_week,
    }
    decoded = share.decode(share.fragment(raw))
    assert decoded.problems == ()
    back = decoded.raw
    assert back.get("company", "") == company
    assert back.get("candidate", "") == candidate
    assert back.get("interviewers", []) == interviewers
    assert back.get("references", []) == references
    assert back["working_days"] == sorted(days)
    assert back.get("decision_end_of_week", False) is end_of_week


# Made by the planner before the employer's days were a field: a Sunday-to-Thursday reader,
# an interview on Tue 17 Nov 2026, "by the end of the week", one interviewer.
LINK_BEFORE_EMPLOYER_DAYS = "#p=1.q1ZKUbJSMjIwMtM1NNQ1NFfSUcpUsoqOVnLMS1SKjdVRKgfKR5vpGOgY6hjpGAMFKpSsDGsB"


def test_a_link_made_before_the_employer_days_still_opens_its_form() -> None:
    opened = share.decode(LINK_BEFORE_EMPLOYER_DAYS)
    assert opened.problems == ()
    assert opened.raw == {
        "interview_date": "2026-11-17",
        "working_days": [0, 1, 2, 3, 6],
        "decision_end_of_week": True,
        "interviewers": [{"name": "Ana", "title": "", "email": ""}],
    }
    # The employer's days default to Monday to Friday: their week ends on Friday 20th, and
    # the calls go on the first day both work after it (not on the reader's Sunday).
    steps = plan_dict(opened.raw, dt.date(2026, 11, 18))["steps"]
    assert [s["date"] for s in steps if s["kind"] == "decision_due"] == ["2026-11-20"]
    assert [s["date"] for s in steps if s["kind"] == "follow_up"] == ["2026-11-23"] * 2


def test_the_employer_days_travel_in_the_link() -> None:
    raw = {"interview_date": "2026-11-17", "employer_days": [6, 0, 1, 2, 3]}
    assert share.decode(share.fragment(raw)).raw == {
        "interview_date": "2026-11-17", "employer_days": [0, 1, 2, 3, 6]
    }
