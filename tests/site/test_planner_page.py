"""The planner page's form is the field table: same limits, choices, defaults and labels."""

from __future__ import annotations

import importlib.util
from html.parser import HTMLParser
from pathlib import Path

import pytest

from planner import fields
from planner.fields import Kind

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("planner_page", ROOT / "scripts" / "planner_page.py")
planner_page = importlib.util.module_from_spec(spec)
spec.loader.exec_module(planner_page)


class Controls(HTMLParser):
    """Every input, select option and row-template input of the page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.parts: dict[tuple[str, str], dict[str, str | None]] = {}
        self.options: dict[str, list[tuple[str, bool]]] = {}
        self.template = ""
        self._select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "template":
            self.template = a.get("id") or ""
        elif tag == "select":
            self._select = a.get("name") or ""
            self.options[self._select] = []
        elif tag == "option":
            self.options[self._select].append((a.get("value") or "", "selected" in a))
        elif tag == "input" and self.template:
            self.parts[(self.template, a.get("data-part") or "name")] = a
        elif tag == "input" and a.get("name"):
            self.inputs.setdefault(str(a["name"]) + "=" + str(a.get("value") or ""), a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.template = ""


@pytest.fixture(scope="module")
def page() -> Controls:
    parser = Controls()
    parser.feed(planner_page.PAGE.read_text(encoding="utf-8"))
    return parser


def test_committed_page_matches_the_field_table():
    assert planner_page.PAGE.read_text(encoding="utf-8") == planner_page.render(), (
        "docs/planner/index.md is stale: run .venv/bin/python scripts/planner_page.py"
    )


@pytest.mark.parametrize("spec", [f for f in fields.TABLE if f.kind is Kind.TEXT], ids=str)
def test_text_boxes_stop_where_the_planner_does(page: Controls, spec: fields.Field):
    assert page.inputs[spec.name + "="]["maxlength"] == str(spec.max_length)


@pytest.mark.parametrize(("template", "part"), [
    ("pl-interviewer-row", p) for p in fields.field("interviewers").parts
] + [("pl-reference-row", fields.field("references").parts[0])], ids=str)
def test_row_boxes_stop_where_the_planner_does(page: Controls, template: str, part: fields.Part):
    assert page.parts[(template, part.name)]["maxlength"] == str(part.max_length)


@pytest.mark.parametrize(
    "spec", [f for f in fields.TABLE if f.kind in (Kind.CHOICE, Kind.COUNTRY)], ids=str
)
def test_choices_and_defaults_are_the_table_ones(page: Controls, spec: fields.Field):
    if spec.name in page.options:
        assert [v for v, _ in page.options[spec.name]] == list(spec.values)
        assert [v for v, on in page.options[spec.name] if on] == [spec.default]
    else:  # radios
        radios = {v: page.inputs[f"{spec.name}={v}"] for v in spec.values}
        assert [v for v, a in radios.items() if "checked" in a] == [spec.default]


def test_working_days_are_the_table_days(page: Controls):
    spec = fields.field("working_days")
    checked = {d.value for d in spec.choices if "checked" in page.inputs[f"working_days={d.value}"]}
    assert checked == set((spec.default or "").split(","))


def test_every_label_in_the_table_is_on_the_page():
    html = planner_page.PAGE.read_text(encoding="utf-8")
    for spec in fields.TABLE:
        assert spec.label in html, spec.name
