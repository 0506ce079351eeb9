"""The plan as a calendar: an RFC 5545 ``.ics`` file and per-step Google Calendar links.

- ``calendar_bytes`` serialises with the ``icalendar`` library (imported lazily: the browser
  loads its wheel only when someone downloads the file). A step with a time window becomes a
  timed event in *floating* local time ("between 09:00 and 12:00 wherever you are"), which is
  what the plan means; other steps are all-day events. UIDs are derived from the interview and
  the step id, so importing an updated plan replaces events instead of duplicating them.
- ``google_calendar_url`` builds the "Add to Google Calendar" link the reader can click
  (standard library only; the page never requests it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from planner.model import PlanInput, Step

FILENAME = "after-the-interview.ics"
PRODID = "-//After the Interview//Follow-up planner//EN"
UID_DOMAIN = "after-the-interview.planner"
GOOGLE_URL = "https://calendar.google.com/calendar/render"


def plan_key(inp: PlanInput) -> str:
    """Identifies 'this interview' across edits of everything else in the form."""
    import hashlib  # here, not at the top: only the calendar file needs it, not each plan

    parts = (inp.interview_date.isoformat(), inp.company or "", inp.role or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def uid(step: Step, inp: PlanInput) -> str:
    return f"{step.id}.{plan_key(inp)}@{UID_DOMAIN}"


def _when(step: Step) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if step.window:
        return (
            dt.datetime.combine(step.date, step.window.start),
            dt.datetime.combine(step.date, step.window.end),
        )
    return step.date, step.date + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive


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
    steps: list[Step] | tuple[Step, ...],
    inp: PlanInput,
    *,
    site_url: str | None = None,
    drafts: Mapping[str, str] | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The whole plan as a VCALENDAR. ``drafts`` maps step id -> text to put in the notes;
    ``site_url`` (ending in '/') turns each step's guide link into a full URL."""
    import icalendar  # lazily: a 0.5 MB wheel the browser loads only for this

    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "After the interview" + (f": {inp.company}" if inp.company else ""))
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
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


# What urllib.parse.quote_plus writes for each byte of the text's UTF-8 that it changes: the
# space becomes "+", every byte but its "always safe" ones (letters, digits, "_.-~") becomes %XX.
_ALWAYS_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_QUOTED = {
    byte: "+" if byte == 0x20 else f"%{byte:02X}" for byte in range(256) if byte not in _ALWAYS_SAFE
}


def quote_plus(text: str) -> str:
    """``urllib.parse.quote_plus(text)``, in one pass in C: the text's UTF-8 bytes, read as
    Latin-1 (one character per byte), through ``str.translate``. The page builds a link for
    every step on every change, so this is on the path from typing to the redrawn plan; in
    Pyodide it is 3-4 times faster than quote_plus (which calls a Python mapping per byte).
    tests/core/test_ics.py checks both agree."""
    return text.encode("utf-8").decode("latin-1").translate(_QUOTED)


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
