"""Every invalid or contradictory input gets an error naming its field and saying how to fix it."""

import pytest

from planner.api import plan_dict

from .conftest import TODAY

INVALID = [
    # (input, field, words the message must contain)
    ({"interview_date": ""}, "interview_date", "Enter the interview date"),
    ({"interview_date": "2026-02-30"}, "interview_date", "February 2026 has 28 days"),
    ({"interview_date": "2026-13-01"}, "interview_date", "month 13 does not exist"),
    ({"interview_date": "17/11/2026"}, "interview_date", "YYYY-MM-DD"),
    ({"interview_date": 20261117}, "interview_date", "YYYY-MM-DD"),
    ({"interview_date": "2024-11-17"}, "interview_date", "more than a year ago"),
    ({"interview_date": "2028-11-17"}, "interview_date", "more than a year from today"),
    ({"interview_start": "25:00"}, "interview_start", "HH:MM"),
    ({"interview_start": "11:00", "interview_end": "10:00"}, "interview_end", "before it starts"),
    ({"decision_by": "2026-11-10"}, "decision_by", "before the interview"),
    ({"decision_by": "2028-01-01"}, "decision_by", "more than a year after"),
    ({"decision_within": "0w"}, "decision_within", "at least 1d"),
    ({"decision_within": "500w"}, "decision_within", "at most 52w"),
    ({"decision_within": "soon"}, "decision_within", "such as 10d or 2w"),
    ({"decision_by": "2026-11-27", "decision_within": "2w"}, "decision_within", "just one"),
    ({"decision_within": "2w", "decision_end_of_week": True}, "decision_end_of_week",
     "just one"),
    ({"decision_end_of_week": "yes"}, "decision_end_of_week", "true or false"),
    ({"interviewers": [{"name": ""}]}, "interviewers[0].name", "is empty"),
    ({"interviewers": [{"name": "Ana"}, {"name": "   "}]}, "interviewers[1].name", "is empty"),
    ({"interviewers": [{"name": "Ana", "email": "ana-at-acme"}]}, "interviewers[0].email",
     "does not look like an email"),
    ({"interviewers": [{"name": "Ana", "phone": "1"}]}, "interviewers[0].phone",
     "not an interviewer field"),
    ({"interviewers": [{"name": "A"}] * 13}, "interviewers", "more than this planner handles"),
    # Issue 16: the same person twice gave two identical thank-yous without a word.
    ({"interviewers": [{"name": "Ana Díaz"}, {"name": "ana  díaz"}]}, "interviewers[1].name",
     "already listed as interviewer 1"),
    ({"interviewers": [{"name": "Ana"}, {"name": "\u202eAna\u202c"}]}, "interviewers[1].name",
     "already listed"),
    ({"references": ["Pat Kim", "Pat Kim"]}, "references[1]", "already listed as reference 1"),
    ({"interviewers": [{"title": "CTO"}]}, "interviewers[0].name", "is empty"),
    ({"company": "Caf\udce9"}, "company", "broken character"),
    ({"employer_days": []}, "employer_days", "at least one"),
    ({"employer_days": ["someday"]}, "employer_days", "the employer works"),
    ({"interviewers": "Ana"}, "interviewers", "must be a list"),
    ({"company": "x" * 10_000}, "company", "10,000 characters"),
    ({"role": "Analyst\nline two"}, "role", "line breaks"),
    ({"candidate": "Sam\x00"}, "candidate", "control characters"),
    ({"recruiter": 42}, "recruiter", "must be text"),
    ({"contact": "carrier pigeon"}, "contact", "choose one of any, email, phone, wait"),
    ({"thanks": "fax"}, "thanks", "email, letter, card, email+card"),
    ({"thanks_timing": "never"}, "thanks_timing", "same-day, next-day, two-days"),
    ({"after_promise": "month"}, "after_promise", "next-day, one-week"),
    ({"short_promise": "now"}, "short_promise", "wait, early"),
    ({"format": "telepathy"}, "format", "in_person, video, phone"),
    ({"round": "semi-final"}, "round", "first, later, final"),
    ({"references": [""]}, "references[0]", "is empty"),
    ({"references": ["ok"] * 11}, "references", "more than this planner handles"),
    ({"working_days": []}, "working_days", "at least one"),
    ({"working_days": [7]}, "working_days", "0 (Monday) to 6 (Sunday)"),
    ({"working_days": "weekdays"}, "working_days", "must be a list"),
    ({"country": "Great Britain"}, "country", "two-letter country code"),
    ({"country": "XX"}, "country", "No public-holiday calendar"),
    ({"surprise": 1}, "surprise", "not something the planner asks for"),
]


@pytest.mark.parametrize(("extra", "field", "words"), INVALID,
                         ids=[f"{f}: {w}" for _, f, w in INVALID])
def test_invalid_input_names_the_field_and_the_fix(extra, field, words):
    result = plan_dict({"interview_date": "2026-11-17", **extra}, TODAY)
    assert "steps" not in result
    messages = {e["field"]: e["message"] for e in result["errors"]}
    assert field in messages, result
    assert words in messages[field]


def test_every_problem_is_reported_at_once():
    raw = {"interview_date": "2026-02-30", "thanks": "fax", "interviewers": [{"name": ""}]}
    fields = [e["field"] for e in plan_dict(raw, TODAY)["errors"]]
    assert fields == ["interview_date", "interviewers[0].name", "thanks"]


def test_input_that_is_not_an_object_is_an_error_not_a_crash():
    assert plan_dict(["2026-11-17"], TODAY) == {  # type: ignore[arg-type]
        "errors": [{"field": "input", "message": "The plan's input must be a JSON object."}]
    }


@pytest.mark.parametrize(
    ("raw", "check"),
    [
        ({"decision_within": "10 days"}, lambda r: r["steps"]),
        ({"decision_within": "2 Weeks"}, lambda r: r["steps"]),
        ({"working_days": ["mon", "Tuesday", 2]}, lambda r: r["steps"]),
        ({"country": "gb"}, lambda r: any("GB" in w for w in r["warnings"])),
        ({"interviewers": ["Ana Diaz"]}, lambda r: any(s["to"] == "Ana Diaz" for s in r["steps"])),
        ({"company": "  Acme  ", "decision_by": ""}, lambda r: r["steps"]),
    ],
)
def test_forgiving_about_harmless_variations(raw, check):
    result = plan_dict({"interview_date": "2026-11-17", **raw}, TODAY)
    assert "errors" not in result, result
    assert check(result)
