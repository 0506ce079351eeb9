"""The "How the planner decides" page is the rule table, word for word."""

import importlib.util
from pathlib import Path

from planner.rules import RULES
from planner.timing import describe

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("rules_page", ROOT / "scripts" / "rules_page.py")
rules_page = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rules_page)


def test_committed_page_matches_the_rule_table():
    committed = rules_page.PAGE.read_text(encoding="utf-8")
    assert committed == rules_page.render(), (
        "docs/how-the-planner-decides.md is stale: run .venv/bin/python scripts/rules_page.py"
    )


def test_every_rule_has_its_own_section_with_its_sources():
    page = rules_page.render()
    for rule in RULES:
        heading = f"### {rule.name} {{#{rules_page.anchor(rule.id)}}}"
        assert heading in page
        section = page.split(heading, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        for source in rule.sources:
            assert f"(`{source}`)" in section
        assert describe(rule.timing) in section and rule.applies in section
