"""The command line: ``python -m planner --interview 2026-11-17 --format json``.

Options map one-to-one onto the form's fields (see :mod:`planner.parse`). Invalid input exits
with status 2: with ``--format json`` the errors go to stderr as ``{"errors": [...]}``, otherwise
as readable lines. The clock is read here, never in the core: ``--today`` overrides it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import fields
from .api import plan_dict
from .model import Channel
from .parse import ISO_DATE
from .view import channel_phrase

INTERVIEWER = re.compile(r"^\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*$")

# Each option's field, for error reports.
OPTION_FIELDS = {spec.option: spec.name for spec in fields.TABLE}
ARGUMENT = re.compile(r"argument (--[\w-]+)")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are reported in the format the caller asked for."""

    json_errors = False

    def error(self, message: str) -> None:  # type: ignore[override]
        match = ARGUMENT.search(message)
        option = match.group(1) if match else ""
        field = OPTION_FIELDS.get(option, option.removeprefix("--").replace("-", "_"))
        _fail([{"field": field or "arguments", "message": message}], self.json_errors,
              self.format_usage())


def _add_field(parser: argparse.ArgumentParser, spec: fields.Field) -> None:
    """The option for one field of the table, named and explained there."""
    options: dict[str, Any] = {"help": spec.help, "dest": "field_" + spec.name}
    if spec.metavar:
        options["metavar"] = spec.metavar
    if spec.kind is fields.Kind.CHOICE:
        options["choices"] = spec.values
    elif spec.kind is fields.Kind.FLAG:
        options["action"] = "store_true"
    elif spec.kind in (fields.Kind.PEOPLE, fields.Kind.NAMES):
        options.update(action="append", default=[])
    parser.add_argument(spec.option, **options)


def build_parser() -> _Parser:
    p = _Parser(
        prog="python -m planner",
        description="Print a dated follow-up plan for the days after a job interview.",
        epilog="Example: python -m planner --interview 2026-11-17 --interviewer 'Ana Diaz "
        "<ana@example.com>' --recruiter 'Jo Park' --decision-by 2026-11-27",
    )
    for spec in fields.TABLE:
        _add_field(p, spec)
        if spec.name == "interviewers":
            p.add_argument("--interviewer-title", action="append", default=[], metavar="TITLE",
                           help="job title of the interviewer in the same position "
                           "(optional, repeatable)")
    p.add_argument("--today", metavar="DATE",
                   help="plan as if today were DATE (default: the clock)")
    p.add_argument("--format", choices=("json", "text"), default="text",
                   help="output format (default text)")
    return p


def _interviewers(values: list[str], titles: list[str]) -> list[Any]:
    people: list[Any] = []
    for index, value in enumerate(values):
        match = INTERVIEWER.match(value)
        person = (
            {"name": match.group("name"), "email": match.group("email") or None}
            if match
            else {"name": value}  # the parser reports what is wrong with it
        )
        if index < len(titles):
            person["title"] = titles[index]
        people.append(person)
    return people


def to_raw(args: argparse.Namespace) -> dict[str, Any]:
    """The command line's options as the planner's raw form."""
    raw: dict[str, Any] = {spec.name: getattr(args, "field_" + spec.name) for spec in fields.TABLE}
    raw["interviewers"] = _interviewers(args.field_interviewers, args.interviewer_title)
    if raw["working_days"]:
        raw["working_days"] = raw["working_days"].split(",")
    return {key: value for key, value in raw.items() if value is not None}


def _today(value: str | None, json_errors: bool) -> dt.date:
    if value is None:
        return dt.date.today()
    match = ISO_DATE.match(value.strip())
    try:
        if match:
            return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        pass
    _fail([{"field": "today", "message": f"'{value}' is not a real date written YYYY-MM-DD."}],
          json_errors)
    raise AssertionError("unreachable")


def _fail(errors: list[dict[str, str]], json_errors: bool, usage: str = "") -> None:
    if json_errors:
        json.dump({"errors": errors}, sys.stderr, ensure_ascii=False)
        sys.stderr.write("\n")
    else:
        sys.stderr.write(usage)
        for error in errors:
            sys.stderr.write(f"error: {error['field']}: {error['message']}\n")
    raise SystemExit(2)


def render_text(result: dict[str, Any], out: TextIO) -> None:
    for step in result["steps"]:
        when = step["date"]
        if step["time"]:
            when += f" {step['time']['start']}-{step['time']['end']}"
        mark = {"today": "  <- today", "next": "  <- next"}.get(step["status"], "")
        optional = " (optional)" if step["optional"] else ""
        out.write(f"{when}  {step['title']}{optional}{mark}\n")
        out.write(f"    how: {channel_phrase(Channel(step['channel']))}. why: {step['why']}\n")
        out.write(f"    sources: {', '.join(step['sources'])}; guide: {step['guide']}\n")
    out.writelines(f"note: {warning}\n" for warning in result["warnings"])


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Usage errors must already honour --format json, before argparse has read it.
    parser.json_errors = any(
        arg == "--format=json" or (arg == "--format" and nxt == "json")
        for arg, nxt in zip(argv, argv[1:] + [""])
    )
    args = parser.parse_args(argv)
    json_errors = args.format == "json"
    today = _today(args.today, json_errors)
    result = plan_dict(to_raw(args), today)
    if "errors" in result:
        _fail(result["errors"], json_errors)
    try:
        if args.format == "json":
            json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            render_text(result, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader left, which is fine
        # Point stdout at nothing so the interpreter's final flush raises no second error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    return 0
