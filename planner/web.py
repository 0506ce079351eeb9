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

from planner import form, share, view
from planner.api import errors_dict, timeline_dict
from planner.drafts import draft_for
from planner.engine import make_plan, statuses
from planner.model import InvalidInput, PlanInput, Timeline
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
                ics(converted.raw, request.get("today"), request.get("site")), converted
            )
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
        return inp, make_plan(inp, today)
    except InvalidInput as exc:
        return errors_dict(exc.errors)


def plan(raw: Mapping[str, Any], today_text: Any, site: str | None = None) -> dict[str, Any]:
    from planner.ics import google_calendar_url

    link = share.encode(raw)
    today = _today(today_text)
    if isinstance(today, dict):
        return today | {"share": link}
    planned = _planned(raw, today)
    if isinstance(planned, dict):
        return planned | {"share": link}
    inp, timeline = planned
    answer = timeline_dict(timeline, today)
    status = statuses(timeline, today)
    for item, step in zip(answer["steps"], timeline.steps, strict=True):
        draft = draft_for(step, inp)
        item["draft"] = draft.to_dict() if draft else None
        item["google"] = google_calendar_url(step, site)
        item["date_label"] = view.date_label(step.date)
        item["channel_label"] = view.channel_label(step.channel)
        item["source_links"] = [source_link(name) for name in step.sources]
        item["show"] = view.step_view(step, status[step.id], item["draft"], item["source_links"])
    answer["share"] = link
    return answer


def source_link(file_name: str) -> dict[str, str]:
    """How the page cites an article: its title (and author), file name and Sources anchor."""
    article = BY_ID.get(file_name)
    if article is None:
        return {"file": file_name, "anchor": "a" + file_name[:3], "title": file_name}
    title = f"{article.title} ({article.author})" if article.author else article.title
    return {"file": file_name, "anchor": article.anchor, "title": title}


def ics(raw: Mapping[str, Any], today_text: Any, site: str | None = None) -> dict[str, Any]:
    from planner.ics import FILENAME, calendar_bytes

    today = _today(today_text)
    if isinstance(today, dict):
        return today
    planned = _planned(raw, today)
    if isinstance(planned, dict):
        return planned
    inp, timeline = planned
    drafts = {}
    for step in timeline.steps:
        draft = draft_for(step, inp)
        if draft:
            drafts[step.id] = draft.as_text()
    text = calendar_bytes(timeline.steps, inp, site_url=site, drafts=drafts).decode("utf-8")
    return {"ics": text, "filename": FILENAME, "announce": f"Calendar file {FILENAME} downloaded."}
