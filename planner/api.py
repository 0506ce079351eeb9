"""JSON in, JSON out: the planner's public face for the command line and the browser.

:func:`plan_dict` never raises for bad input: it returns ``{"errors": [...]}`` instead, each
error naming its field and how to fix it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .drafts import draft_for
from .engine import make_plan, statuses
from .model import FieldError, InvalidInput, PlanInput, Step, Timeline
from .parse import parse_input


def draft_dict(step: Step, inp: PlanInput | None) -> dict[str, str | None] | None:
    """The step's words as ``{"subject": ..., "body": ...}`` (subject null but for email)."""
    draft = draft_for(step, inp) if inp is not None else None
    return {"subject": draft.subject, "body": draft.full_body()} if draft else None


def step_dict(step: Step, status: str, inp: PlanInput | None = None) -> dict[str, Any]:
    return {
        "id": step.id,
        "date": step.date.isoformat(),
        "time": (
            {"start": f"{step.window.start:%H:%M}", "end": f"{step.window.end:%H:%M}"}
            if step.window
            else None
        ),
        "kind": step.kind.value,
        "title": step.title,
        "to": step.to,
        "email": step.email,
        "channel": step.channel.value,
        "why": step.why,
        "sources": list(step.sources),
        "guide": step.guide,
        "rule": step.rule,
        "optional": step.optional,
        "status": status,
        "draft": draft_dict(step, inp),
    }


def timeline_dict(
    timeline: Timeline, today: dt.date, inp: PlanInput | None = None
) -> dict[str, Any]:
    status = statuses(timeline, today)
    return {
        "steps": [step_dict(step, status[step.id].value, inp) for step in timeline.steps],
        "warnings": list(timeline.warnings),
    }


def errors_dict(errors: tuple[FieldError, ...] | list[FieldError]) -> dict[str, Any]:
    return {"errors": [{"field": e.field, "message": e.message} for e in errors]}


def plan_dict(raw: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """Validate ``raw`` and plan it: the timeline as JSON-ready data, or the errors."""
    try:
        inp = parse_input(raw, today)
        return timeline_dict(make_plan(inp), today, inp)
    except InvalidInput as exc:
        return errors_dict(exc.errors)
