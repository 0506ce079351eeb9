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
