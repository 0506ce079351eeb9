"""Drafts: the words for each step that needs them, filled with the reader's own details.

Standard library only (also runs inside Pyodide)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from planner.drafts import CALL, CARD, EMAIL, LETTER, Draft, draft_for, long_date
from planner.engine import make_plan
from planner.model import Kind, PlanInput, Step
from planner.parse import parse_input

TODAY = dt.date(2026, 11, 18)
RAW: dict[str, Any] = {
    "interview_date": "2026-11-17",
    "company": "Acme",
    "role": "Data analyst",
    "candidate": "Sam Lee",
    "interviewers": [
        {"name": "Ana Diaz", "title": "Head of Data", "email": "ana@acme.example"},
        {"name": "Bo Li"},
    ],
    "recruiter": "Jo at TalentCo",
    "references": ["Pat Kim", "Lou Park"],
    "decision_by": "2026-11-27",
}


def drafted(**changes: Any) -> tuple[PlanInput, list[tuple[Step, Draft | None]]]:
    raw = {**RAW, **changes}
    inp = parse_input(raw, TODAY)
    return inp, [(step, draft_for(step, inp)) for step in make_plan(inp).steps]


def of_kind(pairs: list[tuple[Step, Draft | None]], kind: Kind) -> list[tuple[Step, Draft]]:
    found = [(s, d) for s, d in pairs if s.kind is kind]
    assert found, f"no {kind.value} step"
    for step, draft in found:
        assert draft is not None, step.id
    return [(s, d) for s, d in found if d is not None]


def all_text(draft: Draft) -> str:
    return draft.as_text()


def test_one_thank_you_per_interviewer_addressed_to_them() -> None:
    _, pairs = drafted()
    notes = of_kind(pairs, Kind.THANK_YOU)
    assert [s.to for s, _ in notes] == ["Ana Diaz", "Bo Li"]
    for step, draft in notes:
        assert draft.medium == EMAIL
        assert draft.body.startswith(f"Dear {step.to},")
        assert draft.subject and "Data analyst" in draft.subject
        assert "Data analyst role at Acme" in draft.body
        assert "Tuesday 17 November" in draft.body
        assert draft.body.rstrip().endswith("Sam Lee")
    # 001 (para 9): on a panel, individual letters, each briefly personal; so no note
    # speaks for the others, and each asks for something said with that person.
    (_, ana), (_, bo) = notes
    assert ana.body != bo.body
    assert "Bo Li" not in ana.body and "Ana Diaz" not in bo.body
    assert "[something you discussed with Ana in particular]" in ana.body
    assert "[something you discussed with Bo in particular]" in bo.body


def test_thanks_by_post_gives_a_letter_and_a_card_gives_card_words() -> None:
    _, pairs = drafted(thanks="letter")
    assert {d.medium for _, d in of_kind(pairs, Kind.THANK_YOU)} == {LETTER}
    _, pairs = drafted(thanks="email+card")
    assert {d.medium for _, d in of_kind(pairs, Kind.THANK_YOU)} == {EMAIL}
    cards = of_kind(pairs, Kind.THANK_YOU_CARD)
    assert {d.medium for _, d in cards} == {CARD}
    assert all(d.subject is None for _, d in cards)


def test_follow_up_has_an_email_and_a_call_script_with_the_promised_date() -> None:
    _, pairs = drafted()
    for step, draft in of_kind(pairs, Kind.FOLLOW_UP):
        assert draft.subject
        assert draft.script, "phone or email: both are offered"
        # Through the agency (003 para 6), greeted by first name.
        assert step.to == "Jo at TalentCo"
        assert draft.body.startswith("Hi Jo,")
    first = of_kind(pairs, Kind.FOLLOW_UP)[0][1]
    # 004 (para 5): remind them of the timetable they gave.
    assert "Friday 27 November" in first.body


@pytest.mark.parametrize(
    "changes",
    [{}, {"recruiter": ""}, {"recruiter": "", "contact": "phone"}, {"decision_by": ""},
     {"recruiter": "", "decision_by": "", "decision_end_of_week": True}],
    ids=["recruiter", "interviewer", "phone", "no-date", "end-of-week"],
)
def test_second_follow_up_differs_and_says_it_is_the_last(changes: dict[str, Any]) -> None:
    # 002 (para 25): not more than twice; 003 (para 6): nothing more than the second call.
    _, pairs = drafted(**changes)
    (_, first), (_, second) = of_kind(pairs, Kind.FOLLOW_UP)
    assert first.as_text() != second.as_text()
    assert re.search(r"\blast\b", second.as_text())
    assert not re.search(r"\blast\b", first.as_text())


def test_follow_ups_say_nothing_the_articles_do_not() -> None:
    # No voicemail script and no "when should I check back?": no article says either.
    for changes in ({}, {"recruiter": ""}, {"recruiter": "", "contact": "phone"}):
        _, pairs = drafted(**changes)
        for _, draft in of_kind(pairs, Kind.FOLLOW_UP):
            text = draft.as_text().lower()
            assert "voicemail" not in text and "check in again" not in text
            assert "good time" not in text


def test_follow_up_by_phone_only_is_a_call_script() -> None:
    _, pairs = drafted(contact="phone", recruiter="")
    for _, draft in of_kind(pairs, Kind.FOLLOW_UP):
        assert draft.medium == CALL
        assert draft.subject is None
        assert "Sam Lee" in draft.body


def test_each_reference_gets_a_briefing_with_the_role() -> None:
    _, pairs = drafted()
    briefs = of_kind(pairs, Kind.BRIEF_REFERENCES)
    assert sorted(s.to or "" for s, _ in briefs) == ["Lou Park", "Pat Kim"]
    for step, draft in briefs:
        first = (step.to or "").split()[0]
        assert draft.body.startswith(f"Hi {first},")
        assert "Acme" in (draft.subject or "") and "Data analyst" in draft.body


def test_check_ins_offer_something_useful_and_never_ask_about_the_decision() -> None:
    # 004 (para 6): name the position, refer to the interview, add an article that fits;
    # do not ask when they are deciding.
    for changes in ({}, {"recruiter": ""}, {"contact": "phone"}):
        _, pairs = drafted(**changes)
        checks = of_kind(pairs, Kind.CHECK_IN)
        assert len(checks) == 2
        for _, draft in checks:
            text = draft.as_text().lower()
            assert draft.medium == EMAIL and draft.subject and "data analyst" in text
            assert "article" in text
            assert "?" not in draft.body
            for asking in ("timeline", "decision", "decide", "news", "update", "hear back"):
                assert asking not in text, asking
        assert checks[0][1].as_text() != checks[1][1].as_text()


def test_steps_without_words_have_no_draft() -> None:
    _, pairs = drafted()
    for step, draft in pairs:
        if step.kind in (Kind.NOTES, Kind.KEEP_SEARCHING, Kind.DECISION_DUE, Kind.NETWORK):
            assert draft is None, step.id


def test_blank_details_become_visible_placeholders_never_none() -> None:
    _, pairs = drafted(company="", role="", candidate="", recruiter="", interviewers=[])
    texts = [all_text(d) for _, d in pairs if d]
    assert texts
    for text in texts:
        assert "None" not in text
        assert "Acme" not in text
    assert any("[Your name]" in t for t in texts)
    assert any("[the company]" in t for t in texts)


def test_long_date_reads_naturally() -> None:
    assert long_date(dt.date(2026, 11, 1)) == "Sunday 1 November"


# The articles' 8-word runs, as fingerprints (scripts/article_fingerprints.py writes them), so
# this runs anywhere, including inside Pyodide, without a copy of the articles.
FINGERPRINTS = Path(__file__).resolve().parents[1] / "site" / "article-fingerprints.txt"
RUN = 8  # the project's rule: no run of 8+ consecutive words shared with an article


def _words(text: str) -> list[str]:
    # The same normalisation as scripts/article_fingerprints.py (not importable in Pyodide).
    text = text.lower().translate(str.maketrans({"\u2019": "'", "\u2018": "'", "`": " "}))
    return re.findall(r"[a-z0-9]+", text.replace("'", ""))


def _fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def test_drafts_are_in_our_own_words() -> None:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    known = {line.split()[0] for line in lines if line and not line.startswith("#")}
    assert len(known) > 1000  # the file is really there and filled
    variants: list[dict[str, Any]] = [
        {},
        {"thanks": "letter"},
        {"thanks": "email+card", "contact": "phone"},
        {"recruiter": "", "decision_by": "", "decision_within": "2w"},
        {"company": "", "role": "", "candidate": "", "interviewers": [], "recruiter": ""},
    ]
    checked = 0
    for changes in variants:
        _, pairs = drafted(**changes)
        for step, draft in pairs:
            # The step's reason is shown beside it, word for word.
            text = f"{step.why}. " + (all_text(draft) if draft else "")
            words = _words(text)
            for i in range(len(words) - RUN + 1):
                run = tuple(words[i : i + RUN])
                assert _fingerprint(run) not in known, (step.id, " ".join(run))
                checked += 1
    assert checked > 500


def test_the_command_lines_json_carries_each_steps_draft() -> None:
    # `--format json` prints plan_dict's answer: drafts must be usable outside the browser.
    from planner.api import plan_dict

    _, pairs = drafted()
    answer = plan_dict(RAW, TODAY)
    assert [s["id"] for s in answer["steps"]] == [step.id for step, _ in pairs]
    for row, (_, draft) in zip(answer["steps"], pairs, strict=True):
        if draft is None:
            assert row["draft"] is None
        else:
            assert row["draft"] == {"subject": draft.subject, "body": draft.full_body()}
    assert any(row["draft"] and row["draft"]["subject"] for row in answer["steps"])
