"""The page's view model: every word, label and link the planner page shows, made in Python.

The browser draws these as they are (``textContent`` only): it composes no English and knows no
rule. The command line uses the same channel words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .ics import Reminder, plan_title
from .model import Channel, PlanInput, Status, Step

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


# What the page says after the reader acts, before or apart from any plan. The planner page
# carries these (scripts/planner_page.py), so they are there before Python has started.
MESSAGES: dict[str, str] = {
    "copied": "Copied.",
    "copy_failed": "Could not copy: select the text and copy it by hand.",
    "link_copied": "Link copied. It contains the names you typed.",
    "link_copy_failed": "Could not copy: copy the address from the address bar.",
    "shared": "Link shared. It contains the names you typed.",
    "share_title": "Follow-up plan after a job interview",
    "starting": "The planner is still starting; try again in a moment.",
    "no_calendar": "No calendar yet: fix the answers marked in the form first.",
    "kept": "This plan will be kept in this browser.",
    "not_kept": "This plan is no longer kept in this browser.",
    "forgotten": "Everything this planner kept on this device has been removed, and the form "
    "was cleared.",
    "opening_link": "Opening the shared plan…",
    "could_not_finish": "The planner could not finish this ({detail}). Your form is safe: "
    "change a field, or reload the page.",
    "failed": "The planner could not start in this browser ({detail}). The step-by-step guide "
    "has the same advice.",
}

STATUS_BADGES: dict[Status, str | None] = {
    Status.TODAY: "Today",
    Status.NEXT: "Next",
    Status.PAST: "Date passed",
    Status.UPCOMING: None,
}

DRAFT_SUMMARIES = {
    "email": "Draft email",
    "letter": "Draft letter",
    "card": "Draft card",
    "call": "What to say on the call",
}


def plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def updated(count: int) -> str:
    """What a screen reader hears once a new plan is drawn."""
    return f"Plan updated: {count} {plural(count, 'step', 'steps')}."


def not_updated(count: int) -> str:
    """What a screen reader hears when the form has problems."""
    if count == 1:
        return "Plan not updated: one answer needs attention."
    return f"Plan not updated: {count} answers need attention."


STALE = (
    "The plan below is from before your last change: fix the answer marked in the form to "
    "update it."
)


def _copy_block(label: str, text: str, name: str) -> dict[str, str]:
    return {"label": label, "button": f"Copy {label.lower()}", "text": text, "name": name}


SEND = "Open in your email app"


def send_view(draft: Mapping[str, Any], address: str | None) -> dict[str, str | None] | None:
    """The words of an email draft's "open in your email app" link (the link is ``mailto``):
    its accessible name says who it is to, and a hint says so when no address is known."""
    if (draft.get("medium") or "email") != "email":
        return None
    if address:
        return {"label": SEND, "name": f" (to {address})", "hint": None}
    return {
        "label": SEND,
        "name": " (no recipient filled in)",
        "hint": "Your email app opens with no recipient: add their address there.",
    }


def draft_view(draft: Mapping[str, Any] | None, address: str | None = None) -> dict[str, Any] | None:
    """A draft as the page shows it: a summary line, a hint, a link to send it (for an email)
    and copyable blocks."""
    if not draft:
        return None
    medium = draft.get("medium") or "email"
    blocks = []
    if draft.get("subject"):
        blocks.append(_copy_block("Subject", str(draft["subject"]), "subject"))
    body_label = "Talking points" if medium == "call" else "Message"
    blocks.append(_copy_block(body_label, str(draft.get("body") or ""), "body"))
    if draft.get("script"):
        blocks.append(_copy_block("If you call instead", str(draft["script"]), "script"))
    return {
        "summary": DRAFT_SUMMARIES.get(str(medium), "Draft"),
        "hint": "Replace the parts in [square brackets] with your own details before sending.",
        "send": send_view(draft, address),
        "blocks": blocks,
    }


def step_view(step: Step, status: Status, draft: Mapping[str, Any] | None,
              sources: list[dict[str, str]]) -> dict[str, Any]:
    """Every word and link the page shows for one step (``show`` in the plan answer)."""
    window = step.window
    return {
        "date": date_label(step.date),
        "time": f"{window.start:%H:%M}–{window.end:%H:%M}" if window else None,
        "datetime": (
            f"{step.date.isoformat()}T{window.start:%H:%M}" if window else step.date.isoformat()
        ),
        "badge": STATUS_BADGES[status],
        "optional": "Optional" if step.optional else None,
        "tick": "Done",
        "tick_name": f": {step.title}",
        "to": f"For {step.to}" if step.to else None,
        "channel": channel_label(step.channel),
        "sources": plural(len(sources), "Source: ", "Sources: "),
        "guide": "Read the guide",
        "guide_href": f"../{step.guide}",
        "calendar": "Add to Google Calendar",
        "calendar_name": " (opens Google Calendar in a new tab)",
        "outlook": "Add to Outlook.com",
        "outlook_name": " (opens Outlook.com in a new tab)",
        "draft": draft_view(draft, step.email),
    }


LOADING = {"holidays": "Loading public holidays…", "icalendar": "Preparing the calendar file…"}


def loading(packages: list[str]) -> str:
    """What the page says while the worker loads packages a request needs."""
    return " ".join(LOADING.get(name, "Loading…") for name in packages) or ""


SHARE_TITLE = MESSAGES["share_title"]


def share_title(inp: PlanInput | None) -> str:
    """The one line a share sheet shows with the plan's link: 'Follow-up plan: Data analyst at
    Acme, interview Tue 17 Nov' (the generic title while the form has errors)."""
    if inp is None:
        return SHARE_TITLE
    day = inp.interview_date
    when = f"interview {day:%a} {day.day} {day:%b}"
    title = plan_title(inp)
    return f"Follow-up plan: {title}, {when}" if title else f"Follow-up plan: {when}"


# The calendar file's options beside its download button (sent with the ``ics`` request, never
# part of the form or its link). The hours are the planner's choice (planner/ics.py).
CALENDAR_LEGEND = "Calendar file"
CALENDAR_BUTTON = "Download calendar (.ics)"
REMINDER_LABEL = "Reminder"
REMINDERS: dict[Reminder, str] = {
    Reminder.EVENING: "The evening before, at 18:00",
    Reminder.MORNING: "The morning of the step",
    Reminder.NONE: "No reminder",
}
INCLUDE_PAST = "Include earlier steps"
CALENDAR_HINT = (
    "Each step in the file comes with the reminder you pick; steps dated before today are left "
    "out unless you include them."
)
CALENDAR_GUIDE = "Which calendars keep the reminders"
