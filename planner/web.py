"""The planner's face to the browser: one JSON-in, JSON-out entry point for the Web Worker.

The worker (docs/assets/javascripts/planner-worker.js) calls ``handle(request_json)`` and
posts the answer back to the page. JavaScript only marshals: every date, message, draft,
link and calendar byte comes from here. Requests (``op``):

- ``plan``: ``{"raw": {...}, "today": "YYYY-MM-DD", "site": "<site root URL>"}`` ->
  ``planner.api.plan_dict`` output, each step with ``draft`` (or null), ``google`` and
  ``outlook`` ("add to calendar" links) and ``mailto`` (the draft as a ``mailto:`` link, or null
  when the step has no email draft) added, plus ``share`` (the URL fragment for this form, also given
  when the form has errors, so a half-filled form can still be shared) and ``share_title`` (the
  one line a share sheet shows with the link).
- ``decode``: ``{"fragment": "#p=1...."}`` -> ``{"raw": {...}, "problems": [...]}``.
- ``ics``: same fields as ``plan``, plus ``reminder`` (``none``, ``morning`` or ``evening``,
  the default) and ``include_past`` (true to keep steps dated before ``today``) ->
  ``{"ics": "<text>", "filename": ..., "events": N}`` or ``{"errors"}``.
- ``next_round``: ``{"form": {...}}`` -> ``{"form": {...}}``: the on-screen form for a plan of
  the next interview (``planner.form.next_round``).
- ``agenda``: ``{"plans": [{"id": ..., "form": {...}}, ...], "today": ...}`` -> ``{"plans":
  {id: {"agenda": [...], "name": ...} or {"errors": [...]}}}``: each kept plan's agenda items
  (``view.agenda_items``) planned afresh for ``today``, so the agenda drawn from the stored copy
  is brought up to date once Python is ready.
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

from planner import form, share, view
from planner.api import errors_dict, timeline_dict
from planner.drafts import draft_for
from planner.engine import make_plan, statuses
from planner.links import mailto_url
from planner.model import InvalidInput, PlanInput, Status, Timeline
from planner.parse import parse_input
from planner.sources import BY_ID


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict) or not all(
            isinstance(request.get(key) or {}, dict) for key in ("raw", "form")
        ):
            return json.dumps(_failure("The planner got a request it cannot read."))
        op = request.get("op")
        converted = _converted(request)
        if op == "plan":
            answer = _on_screen(
                plan(converted.raw, request.get("today"), request.get("site")), converted
            )
        elif op == "decode":
            decoded = share.decode(str(request.get("fragment") or ""))
            answer = decoded.to_dict() | {"form": form.to_screen(decoded.raw)}
        elif op == "screen":
            answer = {"form": form.to_screen(converted.raw)}
        elif op == "ics":
            answer = _on_screen(
                ics(
                    converted.raw,
                    request.get("today"),
                    request.get("site"),
                    reminder=request.get("reminder"),
                    include_past=request.get("include_past", False),
                ),
                converted,
            )
        elif op == "next_round":
            answer = {"form": form.next_round(request.get("form") or {})}
        elif op == "agenda":
            answer = agenda(request.get("plans"), request.get("today"))
        elif op == "needs":
            wanted = needs(converted.raw, request.get("for", "plan"))
            answer = {"packages": wanted, "status": view.loading(wanted)}
        else:
            answer = _failure(f"Unknown request {op!r}.")
    except Exception:  # noqa: BLE001 - the page must get an answer, never a dead worker
        traceback.print_exc()
        answer = _failure(
            "Something went wrong inside the planner. Your form is safe; "
            "please change a field or reload the page."
        )
    return json.dumps(answer, ensure_ascii=False)


def _converted(request: Mapping[str, Any]) -> form.Converted:
    """The request's form: as on screen (``form``), or as raw input (``raw``)."""
    if isinstance(request.get("form"), dict):
        return form.from_screen(request["form"])
    return form.Converted(dict(request.get("raw") or {}))


def _on_screen(answer: dict[str, Any], converted: form.Converted) -> dict[str, Any]:
    """Errors named by the on-screen field they belong to, and what to announce."""
    if "errors" in answer:
        errors = answer["errors"]
        answer["errors"] = [e | {"field": converted.screen_field(e["field"])} for e in errors]
        answer["announce"] = view.not_updated(len(errors))
        answer["stale"] = view.STALE
    elif "steps" in answer:
        answer["announce"] = view.updated(len(answer["steps"]))
    return answer


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


def _planned(raw: Mapping[str, Any], today: dt.date) -> tuple[PlanInput, Timeline] | dict[str, Any]:
    try:
        inp = parse_input(raw, today)
        return inp, make_plan(inp)
    except InvalidInput as exc:
        return errors_dict(exc.errors)


def plan(raw: Mapping[str, Any], today_text: Any, site: str | None = None) -> dict[str, Any]:
    from planner.ics import google_calendar_url, outlook_calendar_url

    link = share.encode(raw)
    unplanned = {"share": link, "share_title": view.share_title(None)}
    today = _today(today_text)
    if isinstance(today, dict):
        return today | unplanned
    planned = _planned(raw, today)
    if isinstance(planned, dict):
        return planned | unplanned
    inp, timeline = planned
    answer = timeline_dict(timeline, today)
    status = statuses(timeline, today)
    for item, step in zip(answer["steps"], timeline.steps, strict=True):
        draft = draft_for(step, inp)
        item["draft"] = draft.to_dict() if draft else None
        item["google"] = google_calendar_url(step, site)
        item["outlook"] = outlook_calendar_url(step, site)
        item["mailto"] = mailto_url(draft, step.email) if draft else None
        item["date_label"] = view.date_label(step.date)
        item["channel_label"] = view.channel_label(step.channel)
        item["source_links"] = [source_link(name) for name in step.sources]
        item["show"] = view.step_view(step, status[step.id], item["draft"], item["source_links"])
    answer["share"] = link
    answer["share_title"] = view.share_title(inp)
    standing = list(status.values())
    earlier = standing.count(Status.PAST)
    answer["earlier"] = view.earlier_summaries(earlier) if earlier else None
    answer["jump"] = view.jump_label(standing.count(Status.TODAY))
    answer["agenda"] = view.agenda_items(list(timeline.steps))
    answer["name"] = view.plan_name(inp)
    answer["print"] = view.print_head(inp, today)
    return answer


MAX_KEPT_PLANS = 50


def agenda(plans: Any, today_text: Any) -> dict[str, Any]:
    """Each kept plan's agenda items for ``today`` (see the module's docstring)."""
    today = _today(today_text)
    if isinstance(today, dict):
        return today
    if not isinstance(plans, list):
        return _failure("The planner got a request it cannot read.")
    out: dict[str, Any] = {}
    for entry in plans[:MAX_KEPT_PLANS]:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        screen = entry.get("form")
        if not isinstance(screen, dict):
            out[entry["id"]] = _failure("This kept plan has no form.")
            continue
        planned = _planned(form.from_screen(screen).raw, today)
        if isinstance(planned, dict):
            out[entry["id"]] = planned
            continue
        inp, timeline = planned
        out[entry["id"]] = {"agenda": view.agenda_items(list(timeline.steps)),
                            "name": view.plan_name(inp)}
    return {"plans": out}


def source_link(file_name: str) -> dict[str, str]:
    """How the page cites an article: a short mark (its number) linking to its section of the
    Sources page, where the full title and file name live; the title is the link's name."""
    article = BY_ID.get(file_name)
    if article is None:
        mark = file_name[:3]
        return {"file": file_name, "anchor": "a" + mark, "mark": mark, "title": file_name,
                "label": f"Article {mark}"}
    title = f"{article.title} ({article.author})" if article.author else article.title
    return {"file": file_name, "anchor": article.anchor, "mark": article.short, "title": title,
            "label": f"Article {article.short}: {title}"}


def ics(
    raw: Mapping[str, Any],
    today_text: Any,
    site: str | None = None,
    *,
    reminder: Any = None,
    include_past: Any = False,
) -> dict[str, Any]:
    from planner.ics import (
        DEFAULT_REMINDER,
        Reminder,
        calendar_bytes,
        filename,
        steps_to_export,
    )

    try:
        lead = Reminder(reminder) if reminder is not None else DEFAULT_REMINDER
    except ValueError:
        choices = ", ".join(r.value for r in Reminder)
        return {"errors": [{"field": "reminder", "message": f"Choose a reminder: {choices}."}]}
    if not isinstance(include_past, bool):
        return {"errors": [{"field": "include_past", "message": "Tick or untick the box."}]}
    today = _today(today_text)
    if isinstance(today, dict):
        return today
    planned = _planned(raw, today)
    if isinstance(planned, dict):
        return planned
    inp, timeline = planned
    steps = steps_to_export(timeline.steps, today, include_past=include_past)
    if not steps:
        return {"errors": [{"field": "include_past", "message": (
            "Every step of this plan is before today, so the calendar file would be empty. "
            "Include earlier steps to download them anyway.")}]}
    drafts = {}
    for step in steps:
        draft = draft_for(step, inp)
        if draft:
            drafts[step.id] = draft.as_text()
    text = calendar_bytes(steps, inp, site_url=site, drafts=drafts, reminder=lead).decode("utf-8")
    name = filename(inp)
    return {"ics": text, "filename": name, "events": len(steps),
            "announce": f"Calendar file {name} downloaded."}
