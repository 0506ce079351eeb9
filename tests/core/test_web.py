"""The worker's protocol (planner.web.handle): each op's answer, as the page relies on it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from planner import view, web

TODAY = "2026-11-17"
SITE = "https://example.org/"
# Links made by the first encoder (planner/share.py as of link format 1's release): each must
# still open the same form.
OLD_LINKS: list[tuple[str, dict[str, Any]]] = [
    ("1.q1ZKUrJSMjIwMtM1NNQ1MlfSUUpBEjA0V6oFAA",
     {"interview_date": "2026-11-17", "decision_by": "2026-11-27"}),
    ("1.FY7BCsIwEER_Jew5kaaCQk-2FvQfQg5LsoWiacQGaxX_3entzYOZ3S8FaqgNSUhTyOBLB4qAuqoPxlpjjxADxGuMksE"
     "jNc5RO7HqR_5AXIWjyoPquTAiT3ySN6fHXXYhJ_LaUZfJe01P7Dg6r3BUCjZnTmIir6gt2021iNzmLeEFV2mra733vz8",
     {"interview_date": "2026-11-17", "format": "video", "company": "Acme",
      "interviewers": [{"name": "Ana Diaz", "title": "Head of Data", "email": "ana@example.com"},
                       {"name": "Bo", "title": "", "email": ""}],
      "decision_within": "2 weeks", "references": ["Cy"], "working_days": [0, 1, 2, 3],
      "country": "GB", "thanks_timing": "same-day"}),
    ("1.Fc1BCsIwEIXhq8hsNTBJUTA7t666djfYEWJjImmhFvFEHsOL-Wb3_Y8MeZM8KVIt6hbVkXY0IAOHg-POccCgGDxHv4f"
     "v8KlIXqcZNaLOddNLs8OCutTfF6zgIsneNPCWcAJPMB9jx2b7VqXlFTGbH5Ly9iptwPCi6D9_",
     {"interview_date": "2026-03-02", "decision_end_of_week": True, "contact": "wait",
      "thanks": "email+card", "candidate": "Zoë", "recruiter": "Jo Park", "round": "final",
      "interview_start": "09:30", "interview_end": "10:15", "after_promise": "one-week",
      "short_promise": "early", "role": "Analyst"}),
]


def ask(**request: Any) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(web.handle(json.dumps(request)))
    return answer


@pytest.mark.parametrize(("link", "raw"), OLD_LINKS)
def test_links_made_by_the_first_encoder_still_open_the_same_form(link: str, raw: dict[str, Any]):
    answer = ask(op="decode", fragment="#p=" + link)
    assert answer["raw"] == raw and answer["problems"] == []
    screen = answer["form"]
    assert ask(op="plan", form=screen, today=TODAY, site=SITE)["steps"] == ask(
        op="plan", raw=raw, today=TODAY, site=SITE)["steps"]


def test_a_link_reading_2_weeks_fills_the_number_and_the_unit():
    answer = ask(op="decode", fragment="#p=" + OLD_LINKS[1][0])
    assert answer["form"]["decision_mode"] == "within"
    assert answer["form"]["decision_within"] == "2"
    assert answer["form"]["decision_within_unit"] == "w"


def test_a_video_interview_step_says_video_call_not_the_raw_value():
    steps = ask(op="plan", raw={"interview_date": TODAY, "format": "video"}, today=TODAY,
                site=SITE)["steps"]
    labels = {step["channel_label"] for step in steps}
    assert "By video call" in labels
    assert not labels & {"video", "in_person", "phone_or_email", "on_your_own"}
    assert all(step["show"]["channel"] == step["channel_label"] for step in steps)


def test_plan_answer_carries_every_word_the_page_shows():
    answer = ask(op="plan", form={"interview_date": TODAY, "interview_start": "10:00",
                                  "interview_end": "11:00",
                                  "interviewers": [{"name": "Ana", "title": "", "email": ""}]},
                 today=TODAY, site=SITE)
    n = len(answer["steps"])
    assert answer["announce"] == f"Plan updated: {n} steps."
    during = next(s for s in answer["steps"] if s["kind"] == "ask_next_steps")["show"]
    assert during["time"] == "10:00–11:00" and during["datetime"] == "2026-11-17T10:00"
    assert during["badge"] == "Today"
    thanks = next(s for s in answer["steps"] if s["kind"] == "thank_you")
    assert thanks["show"]["to"] == "For Ana"
    assert thanks["show"]["draft"]["summary"] == "Draft email"
    assert [b["name"] for b in thanks["show"]["draft"]["blocks"]] == ["subject", "body"]
    single = [s for s in answer["steps"] if len(s["source_links"]) == 1]
    assert all(s["show"]["sources"] == "Source: " for s in single)


def test_errors_name_the_on_screen_row_and_say_what_to_announce():
    answer = ask(op="plan", today=TODAY, site=SITE, form={
        "interview_date": TODAY,
        "interviewers": [{"name": "", "title": "", "email": ""},
                         {"name": "Ana", "title": "", "email": "not-an-email"}],
    })
    assert [e["field"] for e in answer["errors"]] == ["interviewers[1].email"]
    assert answer["announce"] == "Plan not updated: one answer needs attention."
    assert answer["stale"] and answer["share"].startswith("1.")


def test_screen_op_turns_a_kept_raw_form_into_the_on_screen_shape():
    answer = ask(op="screen", raw={"decision_within": "10d"})
    assert answer["form"]["decision_within"] == "10" and answer["form"]["decision_mode"] == "within"


@pytest.mark.parametrize("request_", [{"op": "plan", "form": "x"}, {"op": "plan", "raw": [1]},
                                      {"op": "nope"}])
def test_a_bad_request_gets_an_error_not_a_crash(request_: dict[str, Any]):
    answer = ask(**request_)
    assert answer["errors"][0]["field"] == ""


@pytest.mark.parametrize("raw", [
    {"interview_date": TODAY, "interviewers": [{"name": "Ana", "title": "", "email": "ana@acme.example"},
                                               {"name": "Bo", "title": "", "email": ""}],
     "references": ["Cy"], "recruiter": "Jo"},
    {"interview_date": TODAY, "thanks": "email+card", "contact": "wait"},
    {"interview_date": TODAY, "thanks": "card"},
], ids=["emails", "email-and-card", "card"])
def test_a_step_offers_open_in_your_email_app_exactly_when_it_has_a_mailto_link(raw: dict[str, Any]):
    steps = ask(op="plan", raw=raw, today=TODAY, site=SITE)["steps"]
    assert any(step["mailto"] for step in steps)
    for step in steps:
        draft = step["show"]["draft"]
        send = draft and draft["send"]
        assert bool(send) == bool(step["mailto"]), step["id"]
        if send:
            assert send["label"] == "Open in your email app"
            # The accessible name says who the email is to, or that nobody is filled in.
            if step["email"]:
                assert step["mailto"].startswith(f"mailto:{step['email']}?")
                assert send["name"] == f" (to {step['email']})" and send["hint"] is None
            else:
                assert step["mailto"].startswith("mailto:?")
                assert "no recipient" in send["name"] and "no recipient" in send["hint"]
        assert step["show"]["outlook"] == "Add to Outlook.com"
        assert step["outlook"].startswith("https://outlook.live.com/")


def test_the_share_title_names_the_plan_and_is_there_while_the_form_has_errors():
    form = {"interview_date": TODAY, "company": "Acme", "role": "Data analyst"}
    answer = ask(op="plan", form=form, today=TODAY, site=SITE)
    assert answer["share_title"] == "Follow-up plan: Data analyst at Acme, interview Tue 17 Nov"
    broken = ask(op="plan", form=form | {"interview_date": "not a date"}, today=TODAY, site=SITE)
    assert broken["errors"] and broken["share_title"] == "Follow-up plan after a job interview"


def test_agenda_op_plans_each_kept_plan_afresh_and_names_it():
    good = ask(op="decode", fragment="#p=" + OLD_LINKS[1][0])["form"]
    answer = ask(op="agenda", today=TODAY, plans=[
        {"id": "aaaaaaaaaaaa", "form": good},
        {"id": "bbbbbbbbbbbb", "form": {"interview_date": "17/11"}},
        {"id": "cccccccccccc", "form": "not a form"},
        "not a plan",
    ])["plans"]
    plan = ask(op="plan", form=good, today=TODAY, site=SITE)
    assert answer["aaaaaaaaaaaa"] == {"agenda": plan["agenda"], "name": "Acme"}
    assert plan["name"] == "Acme"
    assert answer["bbbbbbbbbbbb"]["errors"][0]["field"] == "interview_date"
    assert answer["cccccccccccc"]["errors"]
    assert set(answer) == {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}


@pytest.mark.parametrize("plans", [None, "x", {"id": "a"}])
def test_agenda_op_with_no_list_of_plans_gets_an_error(plans: object):
    assert ask(op="agenda", today=TODAY, plans=plans)["errors"]


def test_plan_answer_carries_what_the_page_keeps_and_prints():
    raw = {"interview_date": "2026-11-10", "company": "Acme", "role": "Analyst", "candidate": "Sam"}
    answer = ask(op="plan", raw=raw, today=TODAY, site=SITE)
    past = [s for s in answer["steps"] if s["date"] < TODAY]
    assert answer["earlier"] == [f"{len(past)} earlier steps, none done"] + answer["earlier"][1:]
    assert len(answer["earlier"]) == len(past) + 1
    assert answer["jump"] == view.jump_label(sum(1 for s in answer["steps"] if s["date"] == TODAY))
    assert answer["name"] == "Analyst at Acme"
    assert answer["print"]["title"] == "Follow-up plan for Sam"
    assert [i["step"] for i in answer["agenda"]] == [s["id"] for s in answer["steps"] if not s["optional"]]
    assert ask(op="plan", raw={"interview_date": TODAY}, today=TODAY, site=SITE)["earlier"] is None
