"""Words the planner shows for its own values, kept in one place for the page and the command line."""

from __future__ import annotations

import datetime as dt

from .model import Channel

# How each step is done, as a phrase that reads after "how:" and, capitalised, on its own.
CHANNEL_PHRASES: dict[Channel, str] = {
    Channel.EMAIL: "by email",
    Channel.PHONE: "by phone",
    Channel.POST: "by post",
    Channel.PHONE_OR_EMAIL: "by phone or email",
    Channel.IN_PERSON: "in person",
    Channel.VIDEO: "by video call",
    Channel.LINKEDIN: "on LinkedIn",
    Channel.ON_YOUR_OWN: "on your own",
}


def channel_phrase(channel: Channel) -> str:
    return CHANNEL_PHRASES[channel]


def channel_label(channel: Channel) -> str:
    phrase = CHANNEL_PHRASES[channel]
    return phrase[0].upper() + phrase[1:]


def date_label(day: dt.date) -> str:
    """'Wed 18 Nov 2026': the page shows this; the machine-readable date goes in <time>."""
    return f"{day:%a} {day.day} {day:%b %Y}"
