"""The words the planner shows for its own values: one table for the page and the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import view
from planner.model import Channel


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
