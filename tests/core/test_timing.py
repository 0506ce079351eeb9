"""Timing values: the words every rule's timing is shown in come from the value itself."""

import pytest

from planner.rules import BY_ID, RULES
from planner.timing import Anchor, At, Per, Place, Timing, Window, describe, describe_at

from .conftest import plan


@pytest.mark.parametrize(
    ("at", "words"),
    [
        (At(Anchor.INTERVIEW), "the interview day"),
        (At(Anchor.INTERVIEW, window=Window.AFTER_INTERVIEW), "the interview day, straight after it ends"),
        (At(Anchor.INTERVIEW, 1), "the first working day after the interview"),
        (At(Anchor.INTERVIEW, 5), "five working days after the interview"),
        (At(Anchor.PROMISED, calendar_days=7),
         "a week after the day they said they would decide by (or the next working day)"),
        (At(Anchor.PREVIOUS, 5, planner_choice=True),
         "five working days after the step before (the planner's choice: no article names the "
         "day)"),
        (At(Anchor.PROMISED, window=Window.MORNING), "the day they said they would decide by, in the morning"),
    ],
)
def test_each_timing_value_has_its_words(at, words):
    assert describe_at(at) == words


def test_a_rule_with_two_steps_and_one_per_person_says_so():
    timing = Timing((At(Anchor.INTERVIEW, 1), At(Anchor.PREVIOUS, 2)), Place.SHARED, Per.REFERENCE)
    assert describe(timing) == (
        "First step: the first working day after the interview. Second step: two working days "
        "after the step before. One for each reference. Always on a day both you and the employer "
        "work."
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_only_a_rules_first_step_may_skip_the_anchor_of_the_step_before(rule):
    assert rule.timing.at[0].anchor is not Anchor.PREVIOUS


def test_each_steps_reason_carries_the_words_of_its_own_timing():
    steps = plan(decision_by="2026-11-27")["steps"]
    follow_ups = [s for s in steps if s["kind"] == "follow_up"]
    first, second = BY_ID["follow_up_after_date"].timing.at
    assert f"Planned for {describe_at(first)}." in follow_ups[0]["why"]
    assert f"Planned for {describe_at(second)}." in follow_ups[1]["why"]


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ({"decision_by": "2026-11-28"}, "They said they would decide by Sat 28 Nov"),
        ({"decision_within": "2w"}, "They said they would decide within two weeks: due Tue 1 Dec"),
        ({"decision_within": "10d"}, "They said they would decide within ten days: due Fri 27 Nov"),
        ({"decision_end_of_week": True},
         "They said they would decide by the end of the week: due Fri 20 Nov"),
    ],
)
def test_the_decision_step_says_what_they_said_never_by_today(raw, title):
    (step,) = [s for s in plan(**raw)["steps"] if s["kind"] == "decision_due"]
    assert step["title"] == title


def test_a_step_moved_by_the_readers_days_says_so():
    steps = plan(interview_date="2026-11-18", working_days=["wed"])["steps"]
    (thanks,) = [s for s in steps if s["kind"] == "thank_you"]
    assert "Moved back to the interview day" in thanks["why"]
    follow_up = next(s for s in plan(working_days=["sat"])["steps"] if s["kind"] == "follow_up")
    assert follow_up["why"].endswith("Moved to your next working day.")  # they share no day
    call = next(s for s in plan(working_days=["tue", "sat"])["steps"] if s["kind"] == "follow_up")
    assert call["date"] == "2026-11-24"  # five working days: Tue 24th, a day both work
    first = next(s for s in plan(working_days=["mon"])["steps"] if s["kind"] == "follow_up")
    assert first["date"] == "2026-11-30"
    assert first["why"].endswith("Moved to the next day both you and the employer work.")
