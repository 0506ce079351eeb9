"""What the employer did since the interview: the plan adapts as the articles say.

Each row names the article and the sentence behind what changes; a number no article gives is
the planner's choice and the row says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner import share, web
from planner.api import plan_dict
from planner.model import Kind
from planner.rules import CHASING

from .conftest import plan

TODAY = dt.date(2026, 12, 3)
# Interview Tue 17 Nov 2026; they said they would decide by Fri 27 Nov; a recruiter set it up.
BASE: dict[str, Any] = {"interview_date": "2026-11-17", "decision_by": "2026-11-27",
                        "recruiter": "Jo at TalentCo", "company": "Acme", "role": "Analyst"}
CHASE = {k.value for k in CHASING}


def after(result: dict[str, Any], day: str, kinds: set[str]) -> list[tuple[str, str]]:
    return [(s["date"], s["kind"]) for s in result["steps"] if s["date"] >= day and s["kind"] in kinds]


def kind_dates(result: dict[str, Any], kind: str) -> list[str]:
    return [s["date"] for s in result["steps"] if s["kind"] == kind]


# (what they did, when, article and sentence, the step it brings and its day, kinds it ends)
SCENARIOS = [
    ({"heard": "replied", "heard_on": "2026-11-30"},
     "004 ¶5: follow up if you haven't heard any response; 002 ¶7: follow up if you have not "
     "heard anything. They have answered, so chasing stops from that day.",
     ("heard_back", "2026-11-30"), CHASE),
    ({"heard": "replied", "heard_on": "2026-11-20"},
     "The same, before their date: the decision day stays, no follow-up comes at all.",
     ("heard_back", "2026-11-20"), CHASE),
    ({"heard": "next_round", "heard_on": "2026-11-25"},
     "002 ¶10: a second interview brings the same questions back, so prepare; this round's "
     "decision and chasing are over.",
     ("next_round", "2026-11-25"), CHASE | {"decision_due"}),
    ({"heard": "rejected", "heard_on": "2026-11-25"},
     "002 ¶27: don't react badly; keep your emotions in check and find out where you went "
     "wrong. The next working day (Thu 26 Nov) is the planner's choice.",
     ("gracious_reply", "2026-11-26"), CHASE | {"decision_due"}),
    ({"heard": "rejected", "heard_on": "2026-11-27"},
     "The same on a Friday: the planner's next working day is Monday 30 Nov.",
     ("gracious_reply", "2026-11-30"), CHASE | {"decision_due"}),
    ({"heard": "offer", "heard_on": "2026-11-25"},
     "002 ¶29: verbal offers can be withdrawn, so carry on interviewing until you start; "
     "001 ¶18: another prospect strengthens you when negotiating.",
     ("keep_interviewing", "2026-11-25"), CHASE | {"decision_due"}),
]


@pytest.mark.parametrize(("heard", "why", "brings", "ends"), SCENARIOS,
                         ids=[f"{s[0]['heard']}-{s[0]['heard_on']}" for s in SCENARIOS])
def test_what_they_did_ends_the_chasing_and_brings_its_step(heard, why, brings, ends):
    before = plan(TODAY, **BASE)
    result = plan(TODAY, **BASE, **heard)
    kind, day = brings
    assert kind_dates(result, kind) == [day], why
    assert after(result, heard["heard_on"], ends) == [], why
    # What came before the day they got back to you stays as it was.
    earlier = [s for s in before["steps"] if s["date"] < heard["heard_on"]]
    assert [s for s in result["steps"] if s["date"] < heard["heard_on"]] == earlier
    # Searching on goes on whatever they said (001 ¶17, 002 ¶29).
    assert kind_dates(result, "keep_searching") == kind_dates(before, "keep_searching")


def test_a_new_decision_date_re_times_the_decision_and_the_follow_ups():
    # 004 ¶5: base the timing on what the interviewer told you. 27 Nov moved to Fri 4 Dec on
    # 27 Nov: the decision day is the new date and the first follow-up the next working day
    # after it, as after the first date (follow_up_after_date).
    first = plan(TODAY, **BASE)
    moved = plan(TODAY, **BASE, heard="new_date", heard_on="2026-11-27",
                 new_decision_by="2026-12-04")
    assert kind_dates(first, "decision_due") == ["2026-11-27"]
    assert kind_dates(moved, "decision_due") == ["2026-12-04"]
    assert kind_dates(first, "follow_up")[0] == "2026-11-30"
    assert kind_dates(moved, "follow_up")[0] == "2026-12-07"
    assert kind_dates(moved, "heard_back") == ["2026-11-27"]
    (step,) = [s for s in moved["steps"] if s["kind"] == "heard_back"]
    assert "Fri 4 Dec" in step["title"]
    assert moved == plan(TODAY, **{**BASE, "decision_by": "2026-12-04"}, heard="new_date",
                         heard_on="2026-11-27", new_decision_by="2026-12-04")


@pytest.mark.parametrize(("heard_on", "new_by", "asks"), [
    # 002 ¶25: never ask for feedback more than twice. The first date's follow-ups already
    # due before the news count: news after the first ask leaves one, after both none.
    ("2026-11-27", "2026-12-04", ["2026-12-07", "2026-12-14"]),
    ("2026-12-01", "2026-12-11", ["2026-11-30", "2026-12-14"]),
    ("2026-12-08", "2026-12-18", ["2026-11-30", "2026-12-07"]),
])
def test_a_new_date_keeps_the_two_asks_counting_those_already_made(heard_on, new_by, asks):
    result = plan(dt.date(2026, 12, 9), **BASE, heard="new_date", heard_on=heard_on,
                  new_decision_by=new_by)
    follow_ups = [s for s in result["steps"] if s["kind"] == "follow_up"]
    assert [s["date"] for s in follow_ups] == asks
    assert follow_ups[-1]["title"].startswith("Still no news")  # the last ask says so
    # Stopping comes a working week after the last ask actually made, as its timing says.
    (stop,) = [s for s in result["steps"] if s["kind"] == "stop_chasing"]
    last = dt.date.fromisoformat(asks[-1])
    assert stop["date"] == (last + dt.timedelta(days=7)).isoformat()
    # What was planned before the news stays as it was.
    first = plan(dt.date(2026, 12, 9), **BASE)
    assert [s for s in result["steps"] if s["date"] < heard_on] == [
        s for s in first["steps"] if s["date"] < heard_on]


def test_a_refusal_brings_a_gracious_reply_with_its_draft_to_whoever_set_it_up():
    answer = web.plan({**BASE, "heard": "rejected", "heard_on": "2026-11-25",
                       "candidate": "Sam Lee"}, TODAY.isoformat(), "https://x.example/")
    (step,) = [s for s in answer["steps"] if s["kind"] == "gracious_reply"]
    assert step["to"] == "Jo at TalentCo"
    draft = step["draft"]
    assert draft["medium"] == "email" and draft["subject"] == "Re: Analyst application"
    assert draft["body"].startswith("Hi Jo,")
    assert "what would have made my application stronger" in draft["body"]
    assert draft["body"].endswith("Sam Lee")
    assert "planner's choice" in step["why"]


def test_an_invitation_to_another_interview_offers_a_plan_for_it():
    answer = web.plan({**BASE, "heard": "next_round", "heard_on": "2026-11-25"},
                      TODAY.isoformat(), None)
    (step,) = [s for s in answer["steps"] if s["kind"] == "next_round"]
    assert step["show"]["action"] == {"label": "Start a plan for the next interview",
                                      "action": "next-round"}
    screen = web.form.to_screen({**BASE, "heard": "next_round", "heard_on": "2026-11-25",
                                 "interviewers": [{"name": "Ana", "title": "", "email": ""}]})
    fresh = web.form.next_round(screen)
    assert fresh["company"] == "Acme" and fresh["recruiter"] == "Jo at TalentCo"
    assert fresh["interviewers"] == [{"name": "Ana", "title": "", "email": ""}]
    assert fresh["round"] == "later"
    assert fresh["interview_date"] == "" and fresh["heard"] == "nothing"
    assert fresh["decision_mode"] == "none" and fresh["heard_on"] == ""


@pytest.mark.parametrize(("raw", "field", "says"), [
    ({"heard": "replied"}, "heard_on", "Enter the day they got back to you"),
    ({"heard": "replied", "heard_on": "2026-11-16"}, "heard_on", "before the interview"),
    ({"heard": "offer", "heard_on": "2026-12-04"}, "heard_on", "after today"),
    ({"heard": "new_date", "heard_on": "2026-11-27"}, "new_decision_by", "Enter the new date"),
    ({"heard": "new_date", "heard_on": "2026-11-27", "new_decision_by": "2026-11-26"},
     "new_decision_by", "before the day they gave it"),
    ({"heard_on": "2026-11-27"}, "heard_on", "Say what they did first"),
    ({"heard": "replied", "heard_on": "2026-11-27", "new_decision_by": "2026-12-04"},
     "new_decision_by", "Only for a new decision date"),
    ({"heard": "maybe", "heard_on": "2026-11-27"}, "heard", "not an option"),
])
def test_what_they_did_that_does_not_add_up_is_named_on_its_field(raw, field, says):
    result = plan_dict({**BASE, **raw}, TODAY)
    assert [e["field"] for e in result["errors"]] == [field]
    assert says in result["errors"][0]["message"]


def test_the_form_keeps_a_date_only_with_the_answer_it_belongs_to():
    screen = web.form.to_screen({**BASE, "heard": "new_date", "heard_on": "2026-11-27",
                                 "new_decision_by": "2026-12-04"})
    assert web.form.from_screen(screen | {"heard": "replied"}).raw["new_decision_by"] == ""
    cleared = web.form.from_screen(screen | {"heard": "nothing"}).raw
    assert cleared["heard_on"] == "" and cleared["new_decision_by"] == ""


def test_a_share_link_carries_what_they_did():
    raw = {**BASE, "heard": "new_date", "heard_on": "2026-11-27", "new_decision_by": "2026-12-04"}
    decoded = share.decode(share.encode(raw))
    assert {k: decoded.raw[k] for k in ("heard", "heard_on", "new_decision_by")} == {
        "heard": "new_date", "heard_on": "2026-11-27", "new_decision_by": "2026-12-04"}
    assert plan_dict(decoded.raw, TODAY) == plan_dict(raw, TODAY)


def test_every_heard_kind_has_a_rule():
    kinds = {Kind.HEARD_BACK, Kind.NEXT_ROUND, Kind.GRACIOUS_REPLY, Kind.KEEP_INTERVIEWING}
    made = {s["kind"] for heard, *_ in SCENARIOS for s in plan(TODAY, **BASE, **heard)["steps"]}
    assert {k.value for k in kinds} <= made
