"""The words the planner shows for its own values: one table for the page and the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import view
from planner.ics import DEFAULT_REMINDER, Reminder
from planner.model import Channel
from planner.parse import parse_input


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.value)
def test_every_channel_has_words_and_none_is_the_raw_value(channel: Channel):
    label = view.channel_label(channel)
    assert label[0].isupper() and label != channel.value
    assert view.channel_phrase(channel).lower() == label.lower()
    assert "_" not in label


def test_a_video_call_reads_as_words():
    assert view.channel_label(Channel.VIDEO) == "By video call"


def test_date_label_is_short_and_unambiguous():
    assert view.date_label(dt.date(2026, 11, 18)) == "Wed 18 Nov 2026"


@pytest.mark.parametrize(("company", "role", "title"), [
    ("Acme", "Data analyst", "Follow-up plan: Data analyst at Acme, interview Tue 17 Nov"),
    ("Acme", None, "Follow-up plan: Acme, interview Tue 17 Nov"),
    (None, "Data analyst", "Follow-up plan: Data analyst, interview Tue 17 Nov"),
    (None, None, "Follow-up plan: interview Tue 17 Nov"),
])
def test_the_share_title_is_one_line_naming_the_job_and_the_interview_day(company, role, title):
    raw = {"interview_date": "2026-11-17", "company": company or "", "role": role or ""}
    inp = parse_input(raw, dt.date(2026, 11, 17))
    assert view.share_title(inp) == title
    assert "\n" not in title


def test_every_reminder_the_calendar_file_knows_has_a_label_and_the_default_comes_first():
    assert set(view.REMINDERS) == set(Reminder)
    assert next(iter(view.REMINDERS)) is DEFAULT_REMINDER
    assert len(set(view.REMINDERS.values())) == len(Reminder)


@pytest.mark.parametrize(("count", "done", "words"), [
    (1, 0, "1 earlier step, none done"),
    (1, 1, "1 earlier step, 1 done"),
    (4, 0, "4 earlier steps, none done"),
    (4, 2, "4 earlier steps, 2 done"),
    (4, 4, "4 earlier steps, all done"),
])
def test_earlier_steps_are_summed_up_never_marked_as_failures(count: int, done: int, words: str):
    assert view.earlier_summaries(count)[done] == words
    assert len(view.earlier_summaries(count)) == count + 1
    assert view.STATUS_BADGES[view.Status.PAST] is None


@pytest.mark.parametrize(("due", "words"), [
    (0, "Go to your plan: nothing due today"),
    (1, "Go to your plan: 1 step due today"),
    (3, "Go to your plan: 3 steps due today"),
])
def test_the_phones_jump_says_what_is_due_today(due: int, words: str):
    assert view.jump_label(due) == words


def _steps(raw: dict[str, object]) -> list:
    from planner.engine import make_plan

    return list(make_plan(parse_input(raw, dt.date(2026, 11, 17))).steps)


def test_agenda_items_leave_out_optional_steps_and_stop_listing_missed_ones():
    steps = _steps({"interview_date": "2026-11-17", "decision_by": "2026-11-27",
                    "company": "Acme"})
    items = view.agenda_items(steps)
    assert [i["step"] for i in items] == [s.id for s in steps if not s.optional]
    for item, step in zip(items, [s for s in steps if not s.optional], strict=True):
        assert item["date"] == step.date.isoformat() and item["label"] == view.date_label(step.date)
        during = step.kind in view.DURING_THE_INTERVIEW
        assert item["until"] == (step.date if during else step.date + view.AGENDA_KEEPS_MISSED).isoformat()


def test_a_kept_plans_default_name_and_printed_heading():
    inp = parse_input({"interview_date": "2026-11-17", "company": "Acme", "role": "Data analyst",
                       "candidate": "Sam Lee"}, dt.date(2026, 11, 17))
    assert view.plan_name(inp) == "Data analyst at Acme"
    assert view.print_head(inp, dt.date(2026, 11, 20)) == {
        "title": "Follow-up plan for Sam Lee",
        "lines": ["Data analyst at Acme", "Interview on Tue 17 Nov 2026", "Printed on Fri 20 Nov 2026"],
    }
    bare = parse_input({"interview_date": "2026-11-17"}, dt.date(2026, 11, 17))
    assert view.plan_name(bare) == "Interview on Tue 17 Nov"
    assert view.print_head(bare, dt.date(2026, 11, 17))["title"] == "Follow-up plan"
