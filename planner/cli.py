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
from .parse import BIDI, ISO_DATE, SURROGATE
from .view import channel_phrase

INTERVIEWER = re.compile(r"^\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*$")

# Each option's field, for error reports.
OPTION_FIELDS = {spec.option: spec.name for spec in fields.TABLE}
OPTION_FIELDS["--interviewer-title"] = "interviewers"
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
    p.add_argument("--format", choices=("json", "text", "ics"), default="text",
                   help="output format (default text); ics writes the calendar file to stdout")
    p.add_argument("--reminder", choices=("none", "morning", "evening"), default="evening",
                   help="with --format ics: remind the evening before (default), the morning "
                   "of the step, or not at all")
    p.add_argument("--include-past", action="store_true",
                   help="with --format ics: also steps dated before today (default: from today "
                   "on)")
    return p


def _orphan_titles(values: list[str], titles: list[str]) -> list[dict[str, str]]:
    """A title given without an interviewer in its position would be lost: say so."""
    return [
        {"field": f"interviewers[{index}].title",
         "message": f"--interviewer-title number {index + 1} has no --interviewer to go with: "
                    "add the interviewer, or remove the title."}
        for index in range(len(values), len(titles))
    ]


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
    for days in ("working_days", "employer_days"):
        if raw[days]:
            raw[days] = raw[days].split(",")
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


def _printable(text: str) -> str:
    """Arguments echoed back in a message lose broken bytes and invisible reordering marks."""
    return SURROGATE.sub("?", BIDI.sub("", text))


def _fail(errors: list[dict[str, str]], json_errors: bool, usage: str = "") -> None:
    errors = [{key: _printable(value) for key, value in error.items()} for error in errors]
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


def _write_ics(args: argparse.Namespace, today: dt.date) -> int:
    from .web import ics  # the browser's download, byte for byte (but its DTSTAMP)

    answer = ics(to_raw(args), today.isoformat(), None, reminder=args.reminder,
                 include_past=args.include_past)
    if "errors" in answer:
        _fail(answer["errors"], False)
    try:
        sys.stdout.write(answer["ics"])
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    return 0


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
    if args.format == "ics":
        return _write_ics(args, today)
    result = plan_dict(to_raw(args), today)
    orphans = _orphan_titles(args.field_interviewers, args.interviewer_title)
    errors = result.get("errors", []) + orphans
    if errors:
        _fail(errors, json_errors)
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
