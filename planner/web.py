"""The planner's face to the browser: one JSON-in, JSON-out entry point for the Web Worker.

The worker (docs/assets/javascripts/planner-worker.js) calls ``handle(request_json)`` and
posts the answer back to the page. JavaScript only marshals: every date, message, draft,
link and calendar byte comes from here. Requests (``op``):

- ``plan``: ``{"raw": {...}, "today": "YYYY-MM-DD", "site": "<site root URL>"}`` ->
  ``planner.api.plan_dict`` output, each step with ``draft`` (or null) and ``google`` (an "Add to
  Google Calendar" link) added, plus ``share`` (the URL fragment for this form, also given
  when the form has errors, so a half-filled form can still be shared).
- ``decode``: ``{"fragment": "#p=1...."}`` -> ``{"raw": {...}, "problems": [...]}``.
- ``ics``: same fields as ``plan`` -> ``{"ics": "<text>", "filename": ...}`` or ``{"errors"}``.
- ``needs``: same fields as ``plan`` or ``ics``, plus ``for`` -> ``{"packages": [...]}``: the
  lazily loaded wheels (by lock-file name) this request needs and that are not importable yet.

``handle`` never raises: an unexpected failure becomes ``{"errors": [{"field": "", ...}]}``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import traceback
from collections.abc import Mapping
from typing import Any

from planner import share
from planner.api import plan_dict
from planner.drafts import draft_for
from planner.engine import make_plan
from planner.model import InvalidInput, PlanInput, Step, Timeline
from planner.parse import parse_input

# The articles, as the Sources page lists them: its anchors are "a" + the file's first 3 digits.
SOURCES: dict[str, str] = {
    "000": "After The Job Interview",
    "001": "Job Interview Follow Up – Five Simple Steps to Success (Julia Penny)",
    "002": "Your Job Interview has Finished, Now What? (Nick Jones)",
    "003": "Following Up After Your Interview (Patrick Tan)",
    "004": "How Do You Follow Up After an Interview? (PrideStaff)",
}
CHANNELS: dict[str, str] = {
    "email": "By email",
    "phone": "By phone",
    "post": "By post",
    "phone_or_email": "By phone or email",
    "in_person": "In person",
    "linkedin": "On LinkedIn",
    "on_your_own": "On your own",
}


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        op = request.get("op")
        if op == "plan":
            answer = plan(request.get("raw") or {}, request.get("today"), request.get("site"))
        elif op == "decode":
            answer = share.decode(str(request.get("fragment") or "")).to_dict()
        elif op == "ics":
            answer = ics(request.get("raw") or {}, request.get("today"), request.get("site"))
        elif op == "needs":
            answer = {"packages": needs(request.get("raw") or {}, request.get("for", "plan"))}
        else:
            answer = _failure(f"Unknown request {op!r}.")
    except Exception:  # noqa: BLE001 - the page must get an answer, never a dead worker
        traceback.print_exc()
        answer = _failure(
            "Something went wrong inside the planner. Your form is safe; "
            "please change a field or reload the page."
        )
    return json.dumps(answer, ensure_ascii=False)


def _failure(message: str) -> dict[str, Any]:
    return {"errors": [{"field": "", "message": message}]}


def _today(value: Any) -> dt.date | dict[str, Any]:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return {"errors": [{"field": "today", "message": f"Today's date {value!r} is not a date."}]}


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def needs(raw: Mapping[str, Any], purpose: str = "plan") -> list[str]:
    """Wheels to load before ``purpose`` can run for this form (lock-file package names)."""
    wanted = []
    if str(raw.get("country") or "").strip() and not _importable("holidays"):
        wanted.append("holidays")
    if purpose == "ics" and not _importable("icalendar"):
        wanted.append("icalendar")
    return wanted


def _steps(raw: Mapping[str, Any], today: dt.date) -> tuple[PlanInput, Timeline] | None:
    try:
        inp = parse_input(raw)
    except InvalidInput:
        return None
    return inp, make_plan(inp, today)


def plan(raw: Mapping[str, Any], today_text: Any, site: str | None = None) -> dict[str, Any]:
    today = _today(today_text)
    if isinstance(today, dict):
        return today | {"share": share.encode(raw)}
    answer = dict(plan_dict(raw, today))
    answer["share"] = share.encode(raw)
    if "steps" not in answer:
        return answer
    parsed = _steps(raw, today)
    by_id: dict[str, Step] = {s.id: s for s in parsed[1].steps} if parsed else {}
    from planner.ics import google_calendar_url

    steps = []
    for item in answer["steps"]:
        step = by_id.get(item["id"])
        item = dict(item)
        draft = draft_for(step, parsed[0]) if step and parsed else None
        item["draft"] = draft.to_dict() if draft else None
        item["google"] = google_calendar_url(step, site) if step else None
        item["date_label"] = date_label(dt.date.fromisoformat(item["date"]))
        item["channel_label"] = CHANNELS.get(item["channel"], item["channel"])
        item["source_links"] = [source_link(name) for name in item["sources"]]
        steps.append(item)
    answer["steps"] = steps
    return answer


def date_label(day: dt.date) -> str:
    """'Wed 18 Nov 2026': the page shows this; the machine-readable date goes in <time>."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def source_link(file_name: str) -> dict[str, str]:
    prefix = file_name[:3]
    return {"file": file_name, "anchor": "a" + prefix, "title": SOURCES.get(prefix, file_name)}


def ics(raw: Mapping[str, Any], today_text: Any, site: str | None = None) -> dict[str, Any]:
    from planner.ics import FILENAME, calendar_bytes

    today = _today(today_text)
    if isinstance(today, dict):
        return today
    try:
        inp = parse_input(raw)
    except InvalidInput as err:
        return {"errors": [{"field": e.field, "message": e.message} for e in err.errors]}
    timeline = make_plan(inp, today)
    drafts = {}
    for step in timeline.steps:
        draft = draft_for(step, inp)
        if draft:
            parts = [f"Subject: {draft.subject}"] if draft.subject else []
            parts.append(draft.body)
            if draft.script:
                parts += ["", "If you call instead:", draft.script]
            drafts[step.id] = "\n".join(parts)
    text = calendar_bytes(timeline.steps, inp, site_url=site, drafts=drafts).decode("utf-8")
    return {"ics": text, "filename": FILENAME}
