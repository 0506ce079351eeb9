"""The plan as a calendar: an RFC 5545 ``.ics`` file and per-step "add to calendar" links.

- ``calendar_bytes`` serialises with the ``icalendar`` library (imported lazily: the browser
  loads its wheel only when someone downloads the file). A step with a time window becomes a
  timed event in *floating* local time ("between 09:00 and 12:00 wherever you are"), which is
  what the plan means; other steps are all-day events. Each event carries a display reminder
  at the lead the reader picks (:class:`Reminder`), always as a trigger before or at the
  event's start, the only kind every calendar keeps (Outlook drops alarms after the start).
- UIDs come from the plan's identity (:func:`plan_key`) and the step id: importing an updated
  plan updates its events, and two different plans never share one.
- ``google_calendar_url`` and ``outlook_calendar_url`` build the links the reader can click
  to add one step (standard library only; the page never requests them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum

from planner.links import quote, quote_plus
from planner.model import PlanInput, Step

__all__ = [
    "Reminder",
    "calendar_bytes",
    "calendar_name",
    "filename",
    "google_calendar_url",
    "outlook_calendar_url",
    "plan_key",
    "quote_plus",
    "steps_to_export",
    "trigger",
    "uid",
]

PRODID = "-//After the Interview//Follow-up planner//EN"
UID_DOMAIN = "after-the-interview.planner"
GOOGLE_URL = "https://calendar.google.com/calendar/render"
OUTLOOK_URL = "https://outlook.live.com/calendar/0/deeplink/compose"


class Reminder(Enum):
    """When the calendar reminds the reader of a step. The planner's choice of hours (none of
    the articles names one): 18:00 the evening before, 08:00 on the day."""

    NONE = "none"
    MORNING = "morning"  # the morning of the step
    EVENING = "evening"  # the evening before


DEFAULT_REMINDER = Reminder.EVENING
EVENING = dt.time(18, 0)
MORNING = dt.time(8, 0)


def _name_parts(inp: PlanInput) -> list[str]:
    return [part for part in (inp.company, inp.role) if part and part.strip()]


def plan_key(inp: PlanInput) -> str:
    """What makes a plan this plan, across edits of its details: the interview date, the
    company, the role and the candidate (a coach may plan for several people), compared without
    regard to case or spacing. A plan with neither company nor role is told apart by the
    people in it (interviewers and recruiter), since nothing else names that interview."""
    import hashlib  # here, not at the top: only the calendar file needs it, not each plan

    def norm(text: str | None) -> str:
        return " ".join((text or "").split()).casefold()

    parts = [inp.interview_date.isoformat(), norm(inp.company), norm(inp.role), norm(inp.candidate)]
    if not _name_parts(inp):
        parts += sorted(norm(person.name) for person in inp.interviewers)
        parts.append(norm(inp.recruiter))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def uid(step: Step, inp: PlanInput) -> str:
    return f"{step.id}.{plan_key(inp)}@{UID_DOMAIN}"


def plan_title(inp: PlanInput) -> str:
    """'Data analyst at Acme', 'Acme', 'Data analyst', or '' when neither is known."""
    if inp.company and inp.role:
        return f"{inp.role.strip()} at {inp.company.strip()}"
    return " ".join(_name_parts(inp)).strip()


def calendar_name(inp: PlanInput) -> str:
    """'After the interview: Data analyst at Acme, 17 Nov 2026'."""
    day = f"{inp.interview_date.day} {inp.interview_date:%b %Y}"
    title = plan_title(inp)
    return f"After the interview: {title}, {day}" if title else f"After the interview on {day}"


def _slug(text: str) -> str:
    import unicodedata  # only for the file name

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def filename(inp: PlanInput) -> str:
    """'after-the-interview-acme-data-analyst-2026-11-17.ics' (ASCII, safe on every system)."""
    parts = ["after-the-interview", *(_slug(p) for p in _name_parts(inp))]
    stem = "-".join(part for part in parts if part)[:80].rstrip("-")
    return f"{stem}-{inp.interview_date.isoformat()}.ics"


def _when(step: Step) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if step.window:
        return (
            dt.datetime.combine(step.date, step.window.start),
            dt.datetime.combine(step.date, step.window.end),
        )
    return step.date, step.date + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive


def trigger(step: Step, reminder: Reminder) -> dt.timedelta | None:
    """The alarm's offset from the event's start: never after it (Outlook ignores those).

    - EVENING: 18:00 the day before.
    - MORNING: 08:00 on the day for a step with a time (at its start if that is earlier); an
      all-day step starts at midnight, so its reminder is due as the day begins.
    """
    if reminder is Reminder.NONE:
        return None
    start = dt.datetime.combine(step.date, step.window.start if step.window else dt.time(0))
    if reminder is Reminder.EVENING:
        at = dt.datetime.combine(step.date - dt.timedelta(days=1), EVENING)
    else:
        at = min(start, dt.datetime.combine(step.date, MORNING))
    return at - start


def steps_to_export(
    steps: Iterable[Step], today: dt.date, *, include_past: bool = False
) -> list[Step]:
    """The steps the calendar file holds: from ``today`` on, or all of them."""
    return [step for step in steps if include_past or step.date >= today]


def describe(step: Step, guide_url: str | None = None, draft_text: str | None = None) -> str:
    lines = [step.why]
    if step.to:
        lines.append(f"For: {step.to}" + (f" <{step.email}>" if step.email else ""))
    if guide_url:
        lines.append(f"Guide: {guide_url}")
    if draft_text:
        lines += ["", "Draft:", draft_text]
    return "\n".join(lines)


def summary(step: Step) -> str:
    return f"{step.title} (optional)" if step.optional else step.title


def calendar_bytes(
    steps: Sequence[Step],
    inp: PlanInput,
    *,
    site_url: str | None = None,
    drafts: Mapping[str, str] | None = None,
    stamp: dt.datetime | None = None,
    reminder: Reminder = DEFAULT_REMINDER,
) -> bytes:
    """The given steps as a VCALENDAR (choose them with :func:`steps_to_export`). ``drafts``
    maps step id -> text to put in the notes; ``site_url`` (ending in '/') turns each step's
    guide link into a full URL."""
    import icalendar  # lazily: a 0.5 MB wheel the browser loads only for this

    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = calendar_name(inp)
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # what Apple Calendar, Outlook and Google read
    for step in steps:
        start, end = _when(step)
        event = icalendar.Event()
        event.add("uid", uid(step, inp))
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary(step))
        guide = site_url + step.guide if site_url else None
        event.add("description", describe(step, guide, (drafts or {}).get(step.id)))
        if guide:
            event.add("url", guide)
        event.add("categories", [step.kind.value])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: don't block the day
        offset = trigger(step, reminder)
        if offset is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary(step))
            alarm.add("trigger", offset)
            event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def google_calendar_url(step: Step, site_url: str | None = None) -> str:
    start, end = _when(step)
    fmt = "%Y%m%dT%H%M%S" if step.window else "%Y%m%d"
    params = {
        "action": "TEMPLATE",
        "text": summary(step),
        "dates": f"{start:{fmt}}/{end:{fmt}}",
        "details": describe(step, site_url + step.guide if site_url else None),
    }
    return GOOGLE_URL + "?" + "&".join(f"{key}={quote_plus(value)}" for key, value in params.items())


def outlook_calendar_url(step: Step, site_url: str | None = None) -> str:
    """Outlook.com's "new event" form, filled in. Times without a zone are the reader's own,
    as in the calendar file; all-day steps are marked so. Spaces are %20: Outlook shows a
    '+' literally."""
    start, end = _when(step)
    fmt = "%Y-%m-%dT%H:%M:%S" if step.window else "%Y-%m-%d"
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": summary(step),
        "startdt": f"{start:{fmt}}",
        "enddt": f"{end:{fmt}}",
        "allday": "false" if step.window else "true",
        "body": describe(step, site_url + step.guide if site_url else None),
    }
    return OUTLOOK_URL + "?" + "&".join(f"{key}={quote(value)}" for key, value in params.items())
