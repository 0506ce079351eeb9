"""The form's on-screen shape and the planner's raw input, converted both ways.

On screen, "when they decide" is one choice (``decision_mode``) with a date, or a number and a
unit; rows may be left blank; every box holds text. The planner's raw input (what
:mod:`planner.parse` reads and a share link carries) has one field per answer instead. The page
sends its controls' values as they stand and fills its controls from :func:`to_screen`, so the
browser never decides what an answer means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import fields
from .fields import Kind
from .model import Heard, Round
from .parse import WITHIN

DECISION_MODES = ("none", "by", "within", "end_of_week")
UNITS = ("d", "w")
ROW_FIELDS = ("interviewers", "references")
# The fields shown as a group of day checkboxes.
_DAYS = tuple(spec.name for spec in fields.TABLE if spec.kind is Kind.DAYS)
# The fields read straight from one box or list each, as they stand.
_PLAIN = tuple(
    spec.name
    for spec in fields.TABLE
    if spec.kind not in (Kind.PEOPLE, Kind.NAMES, Kind.PERIOD, Kind.FLAG, Kind.DAYS)
    and spec.name != "decision_by"
)
_ROW = re.compile(r"^(interviewers|references)\[(\d+)\](.*)$")


@dataclass(frozen=True)
class Converted:
    """The raw input for a screen, and which on-screen row each sent row came from."""

    raw: dict[str, Any]
    rows: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def screen_field(self, name: str) -> str:
        """The on-screen name of a raw field, e.g. ``interviewers[0].email`` -> row 2's."""
        match = _ROW.match(name)
        if not match:
            return name
        at = int(match.group(2))
        rows = self.rows.get(match.group(1), ())
        index = rows[at] if at < len(rows) else at
        return f"{match.group(1)}[{index}]{match.group(3)}"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _people(value: Any) -> list[dict[str, str]]:
    parts = tuple(part.name for part in fields.field("interviewers").parts)
    if not isinstance(value, list):
        return []
    return [
        {part: _text(row.get(part)) for part in parts} for row in value if isinstance(row, Mapping)
    ]


def from_screen(screen: Mapping[str, Any]) -> Converted:
    """What the form on screen means, as the planner's raw input."""
    raw: dict[str, Any] = {name: _text(screen.get(name)) for name in _PLAIN}
    mode = screen.get("decision_mode")
    number = _text(screen.get("decision_within"))
    unit = _text(screen.get("decision_within_unit")) or "w"
    raw["decision_by"] = _text(screen.get("decision_by")) if mode == "by" else ""
    raw["decision_within"] = number + unit if mode == "within" and number else ""
    raw["decision_end_of_week"] = mode == "end_of_week"
    # The dates of what they did since go only with the answer they belong to, as the decision's.
    if raw["heard"] in ("", Heard.NOTHING.value):
        raw["heard_on"] = ""
    if raw["heard"] != Heard.NEW_DATE.value:
        raw["new_decision_by"] = ""
    rows: dict[str, tuple[int, ...]] = {}
    people = _people(screen.get("interviewers"))
    kept = [i for i, person in enumerate(people) if any(person.values())]
    raw["interviewers"], rows["interviewers"] = [people[i] for i in kept], tuple(kept)
    names = screen.get("references")
    names = [_text(name) for name in names] if isinstance(names, list) else []
    kept = [i for i, name in enumerate(names) if name]
    raw["references"], rows["references"] = [names[i] for i in kept], tuple(kept)
    for name in _DAYS:
        days = screen.get(name)
        if isinstance(days, list):  # absent: the planner's default days
            raw[name] = list(days)
    return Converted(raw, rows)


def _within(value: Any) -> tuple[str, str]:
    text = _text(value) if isinstance(value, str) else str(value or "")
    match = WITHIN.match(text)
    if not match:
        return "", "w"
    return str(int(match.group(1))), match.group(2).lower()[0]


def to_screen(raw: Mapping[str, Any]) -> dict[str, Any]:
    """How the form shows a raw input (from a link or this device's kept copy).

    Only what ``raw`` gives is set; a field it leaves out keeps what the form has.
    """
    screen: dict[str, Any] = {n: raw[n] for n in _PLAIN if isinstance(raw.get(n), str)}
    if raw.get("decision_by"):
        screen |= {"decision_mode": "by", "decision_by": _text(raw["decision_by"])}
    elif raw.get("decision_within"):
        number, unit = _within(raw["decision_within"])
        screen |= {"decision_mode": "within", "decision_within": number,
                   "decision_within_unit": unit}
    elif raw.get("decision_end_of_week") is True:
        screen["decision_mode"] = "end_of_week"
    else:
        screen["decision_mode"] = "none"
    if isinstance(raw.get("interviewers"), list):
        screen["interviewers"] = [
            {part: str(person.get(part) or "") for part in ("name", "title", "email")}
            if isinstance(person, Mapping) else {"name": str(person), "title": "", "email": ""}
            for person in raw["interviewers"]
        ]
    if isinstance(raw.get("references"), list):
        screen["references"] = [str(name) for name in raw["references"]]
    for name in _DAYS:
        if isinstance(raw.get(name), list):
            screen[name] = [d for d in raw[name] if isinstance(d, int)]
    screen["advanced"] = any(
        raw.get(spec.name) not in (None, "", spec.default)
        for spec in fields.TABLE
        if spec.name in ("thanks_timing", "after_promise", "short_promise")
    )
    return screen


def next_round(screen: Mapping[str, Any]) -> dict[str, Any]:
    """The form for a plan of the next interview: the same company, role, people and days, a
    later round, and what is not known yet (its date, what they said, what they did) left
    empty."""
    after = {Round.FIRST.value: Round.LATER.value}
    rnd = _text(screen.get("round")) or Round.FIRST.value
    return dict(screen) | {
        "interview_date": "", "interview_start": "", "interview_end": "",
        "round": after.get(rnd, rnd),
        "decision_mode": "none", "decision_by": "", "decision_within": "",
        "heard": Heard.NOTHING.value, "heard_on": "", "new_decision_by": "",
    }
