"""The field table is the one definition: parsing, share links and the command line agree with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner import cli, fields, parse, share
from planner.fields import Kind
from planner.model import InvalidInput

TODAY = dt.date(2026, 11, 17)
BASE = {"interview_date": "2026-11-17"}

# Link format 1's keys as the first encoder wrote them: links already shared depend on them.
V1_KEYS = {
    "interview_date": "d", "interview_start": "s", "interview_end": "e", "format": "f",
    "round": "r", "company": "c", "role": "j", "candidate": "n", "interviewers": "i",
    "recruiter": "k", "decision_by": "b", "decision_within": "w", "decision_end_of_week": "x",
    "contact": "o", "thanks": "t", "thanks_timing": "tt", "after_promise": "ap",
    "short_promise": "sp", "references": "rf", "working_days": "wd", "country": "co",
}


def _errors(raw: dict[str, Any]) -> list[tuple[str, str]]:
    try:
        parse.parse_input(BASE | raw, TODAY)
    except InvalidInput as exc:
        return [(e.field, e.message) for e in exc.errors]
    return []


def test_link_keys_are_the_table_keys_and_never_change():
    assert share.KEYS == {spec.name: spec.key for spec in fields.TABLE}
    assert {k: v for k, v in share.KEYS.items() if k in V1_KEYS} == V1_KEYS


def test_the_parser_asks_for_exactly_the_table_fields():
    assert parse.FIELDS == fields.NAMES
    assert _errors({"nickname": "x"}) == [
        ("nickname", "is not something the planner asks for; remove it.")
    ]


# What a choice needs beside it to be complete: what the employer did happened on a day, and a
# new decision date is a date.
COMPANIONS: dict[tuple[str, str], dict[str, str]] = {
    ("heard", value): {"heard_on": "2026-11-17"}
    for value in ("replied", "next_round", "rejected", "offer")
} | {("heard", "new_date"): {"heard_on": "2026-11-17", "new_decision_by": "2026-11-27"}}


@pytest.mark.parametrize("spec", [f for f in fields.TABLE if f.kind is Kind.CHOICE], ids=str)
def test_choices_agree_everywhere(spec: fields.Field):
    assert share.CHOICES[spec.name] == frozenset(spec.values)
    assert spec.default in spec.values
    for value in spec.values:
        assert _errors({spec.name: value} | COMPANIONS.get((spec.name, value), {})) == []
    assert [field for field, _ in _errors({spec.name: "nope"})] == [spec.name]
    action = next(a for a in cli.build_parser()._actions if spec.option in a.option_strings)
    assert tuple(action.choices or ()) == spec.values


@pytest.mark.parametrize("spec", fields.TABLE, ids=lambda f: f.name)
def test_every_field_has_its_command_line_option(spec: fields.Field):
    options = {o for a in cli.build_parser()._actions for o in a.option_strings}
    assert spec.option in options
    assert cli.OPTION_FIELDS[spec.option] == spec.name


TEXT_LIMITS = [(f.name, f.max_length) for f in fields.TABLE if f.kind is Kind.TEXT]


@pytest.mark.parametrize(("name", "limit"), TEXT_LIMITS)
def test_text_limits_are_the_table_limits(name: str, limit: int):
    assert _errors({name: "a" * limit}) == []
    assert [f for f, _ in _errors({name: "a" * (limit + 1)})] == [name]


PART_LIMITS = [
    ("interviewers", part.name, part.max_length)
    for part in fields.field("interviewers").parts
] + [("references", None, fields.field("references").parts[0].max_length)]


@pytest.mark.parametrize(("name", "part", "limit"), PART_LIMITS)
def test_row_limits_are_the_table_limits(name: str, part: str | None, limit: int):
    def row(text: str) -> Any:
        if part is None:
            return [text]
        if part == "email":
            text = "a" * (len(text) - len("@example.com")) + "@example.com"
        return [{"name": "Ana", part: text}]

    assert _errors({name: row("a" * limit)}) == []
    expected = f"{name}[0]" + (f".{part}" if part else "")
    assert [f for f, _ in _errors({name: row("a" * (limit + 1))})] == [expected]


@pytest.mark.parametrize("name", ["interviewers", "references"])
def test_row_counts_are_the_table_limits(name: str):
    most = fields.field(name).max_items or 0
    rows = [{"name": f"P{i}"} for i in range(most + 1)] if name == "interviewers" else [
        f"P{i}" for i in range(most + 1)
    ]
    assert _errors({name: rows[:most]}) == []
    assert [f for f, _ in _errors({name: rows})] == [name]


def test_a_dropped_link_field_is_named_by_its_table_noun():
    decoded = share._expand({"f": "hovercraft"})
    assert decoded.raw == {}
    assert "interview format" in decoded.problems[0]
    assert set(share.LABELS) == fields.NAMES


def test_choice_labels_cover_every_value_and_fall_back_to_the_value():
    spec = fields.field("format")
    assert spec.choice_label("video") == "Video call"
    assert spec.choice_label("unknown") == "unknown"
