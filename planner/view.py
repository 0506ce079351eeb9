"""The page's view model: every word, label and link the planner page shows, made in Python.

The browser draws these as they are (``textContent`` only): it composes no English and knows no
rule. The command line uses the same channel words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .ics import Reminder, plan_title
from .model import Channel, Kind, PlanInput, Status, Step

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
    # The plans kept on this device, and the agenda drawn from them (before Python has started).
    "agenda_overdue": "Not ticked yet, from earlier days",
    "agenda_today": "Due today",
    "agenda_next": "Coming up",
    "agenda_empty": "Nothing is due in your kept plans right now.",
    "plan_open": "Open",
    "plan_current": "(on screen)",
    "plan_delete": "Delete",
    "plan_delete_sure": "Delete for good",
    "plan_deleted": "The plan “{name}” was deleted from this device.",
    "plan_opened": "Opened the plan “{name}”.",
    "plan_untitled": "Plan without a name",
    "new_plan": "A new, empty plan. It is kept only if you tick “Keep this plan”.",
    "link_added": "The shared plan was added to your plans.",
    "link_replaced": "The shared plan replaced “{name}”.",
    "link_viewed": "You are viewing the shared plan; it is not kept.",
    "store_unreadable": "The plans kept in this browser could not be read (the stored data was "
    "changed or damaged), so none could be shown. They were left as they were; “Forget "
    "everything on this device” removes them.",
    "store_some_unreadable": "{count} of the plans kept in this browser could not be read (the "
    "stored data was changed or damaged) and are not shown; the others are. Nothing was "
    "removed.",
    "store_locked": "Nothing can be kept while the stored plans cannot be read: “Forget "
    "everything on this device” clears them, then plans can be kept again.",
    "store_full": "This browser refused to save (its storage is full or blocked): the last "
    "change is on screen but not kept.",
    "jump": "Go to your plan",
    "next_round_started": "A plan for your next interview, from the same details: add its "
    "date.",
}

STATUS_BADGES: dict[Status, str | None] = {
    Status.TODAY: "Today",
    Status.NEXT: "Next",
    Status.PAST: None,  # earlier steps are folded under a summary (``earlier``), never marked
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


def earlier_summaries(count: int) -> list[str]:
    """The summary over the folded steps dated before today, for each number of them ticked
    (item ``n`` is the words when ``n`` are done): '4 earlier steps, 2 done'."""
    steps = f"{count} earlier {plural(count, 'step', 'steps')}"
    return [steps + (", none done" if done == 0 else
                     ", all done" if done == count and count > 1 else f", {done} done")
            for done in range(count + 1)]


def jump_label(due_today: int) -> str:
    """The phone's control near the top that jumps to the plan, with what is due today."""
    if due_today == 0:
        return f"{MESSAGES['jump']}: nothing due today"
    return f"{MESSAGES['jump']}: {due_today} {plural(due_today, 'step', 'steps')} due today"


# How long a step not ticked stays in the agenda's "from earlier days" list once its day has
# passed: the planner's choice (no article says), long enough to catch a missed step, short
# enough that an old plan does not fill the agenda for ever.
AGENDA_KEEPS_MISSED = dt.timedelta(days=14)


# Steps done in the interview room: once the day has passed they cannot be done late.
DURING_THE_INTERVIEW = frozenset({Kind.ASK_NEXT_STEPS, Kind.COLLECT_CONTACTS})


def agenda_items(steps: list[Step]) -> list[dict[str, str]]:
    """A plan's steps as the agenda lists them (optional steps left out). ``until``: the last day
    a missed step is still listed. The page compares ISO dates only; it computes none."""
    return [
        {"step": step.id, "kind": step.kind.value, "date": step.date.isoformat(),
         "label": date_label(step.date), "title": step.title,
         "until": (step.date if step.kind in DURING_THE_INTERVIEW
                   else step.date + AGENDA_KEEPS_MISSED).isoformat()}
        for step in steps if not step.optional
    ]


def plan_name(inp: PlanInput) -> str:
    """A kept plan's name until the reader gives it one: 'Data analyst at Acme'."""
    title = plan_title(inp)
    day = inp.interview_date
    return title or f"Interview on {day:%a} {day.day} {day:%b}"


def print_head(inp: PlanInput, today: dt.date) -> dict[str, Any]:
    """The heading of the printed checklist: whose plan, for which job and interview, and the
    day it was printed."""
    who = f"Follow-up plan for {inp.candidate}" if inp.candidate else "Follow-up plan"
    lines = [plan_title(inp), f"Interview on {date_label(inp.interview_date)}",
             f"Printed on {date_label(today)}"]
    return {"title": who, "lines": [line for line in lines if line]}


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
        "action": STEP_ACTIONS.get(step.kind),
    }


# A step that leads to something the page does: the button's words and what it does there.
STEP_ACTIONS: dict[Kind, dict[str, str]] = {
    Kind.NEXT_ROUND: {"label": "Start a plan for the next interview", "action": "next-round"},
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
